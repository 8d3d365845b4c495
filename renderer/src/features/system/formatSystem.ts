/** "512 B", "3.4 MB", "1.2 GB": binary units, one decimal from kilobytes up. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** CPU of the core as a share of the whole machine and of one core: "12 % (0.5 of 4 cores)". */
export function formatCpu(percentOfOneCore: number, cpuCount: number): string {
  const cores = Math.max(1, cpuCount);
  const ofMachine = percentOfOneCore / cores;
  return `${ofMachine < 10 ? ofMachine.toFixed(1) : Math.round(ofMachine)} % of ${cores} ${cores === 1 ? 'core' : 'cores'}`;
}

export function formatLoad(load: readonly number[]): string {
  return load.map((value) => value.toFixed(2)).join(' · ');
}

/** Used share of a whole, for meters: 0–100. */
export function share(used: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, (used / total) * 100));
}
