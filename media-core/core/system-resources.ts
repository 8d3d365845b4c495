import { statSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { Camera, DatabaseInfo, PipelineHealth, SystemResources } from '../contracts/api';

/** Readings closer together than this would measure scheduling noise, not load. */
const MIN_SAMPLE_MS = 1_000;

/** CPU use of this process between readings, plus memory and load right now. The first
 *  reading covers the time since the sampler was made (the core's start). */
export function createResourceSampler(clock: () => number = () => performance.now()): () => SystemResources {
  let baseline = { cpu: process.cpuUsage(), at: clock() };
  let cpuPercent = 0;

  return () => {
    const at = clock();
    const elapsedMs = at - baseline.at;
    if (elapsedMs >= MIN_SAMPLE_MS) {
      const cpu = process.cpuUsage();
      const usedMicros = cpu.user - baseline.cpu.user + (cpu.system - baseline.cpu.system);
      cpuPercent = Math.round((usedMicros / (elapsedMs * 1000)) * 1000) / 10;
      baseline = { cpu, at };
    }
    const memory = process.memoryUsage();
    const [one = 0, five = 0, fifteen = 0] = loadavg();
    return {
      cpuPercent,
      cpuCount: cpus().length,
      loadAverage: [one, five, fifteen],
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      systemMemoryTotalBytes: totalmem(),
      systemMemoryFreeBytes: freemem(),
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
    };
  };
}

const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0; // no WAL file between checkpoints
  }
};

export function databaseInfo(file: string, schemaVersion: number): DatabaseInfo {
  const walBytes = fileSize(`${file}-wal`);
  return { sizeBytes: fileSize(file) + walBytes, walBytes, schemaVersion };
}

export function pipelineHealth(cameras: readonly Camera[]): PipelineHealth {
  const byStatus: PipelineHealth['byStatus'] = { live: 0, starting: 0, stalled: 0, offline: 0, error: 0, disabled: 0 };
  let restarts = 0;
  for (const camera of cameras) {
    byStatus[camera.status] += 1;
    restarts += camera.stats.restarts;
  }
  return { total: cameras.length, byStatus, restarts };
}
