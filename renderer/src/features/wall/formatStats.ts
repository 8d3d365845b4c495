import type { CameraStats } from '../../../../media-core/contracts/api';

export function formatResolution(width: number | null, height: number | null): string | null {
  return width && height ? `${width}×${height}` : null;
}

export function formatFps(fps: number | null): string | null {
  if (!fps || fps <= 0) return null;
  return `${Number.isInteger(fps) ? fps : Number(fps.toFixed(2))} fps`;
}

/** kb/s below a megabit, Mb/s with one decimal above. */
export function formatBitrate(bitsPerSecond: number): string | null {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return null;
  if (bitsPerSecond < 1_000_000) return `${Math.max(1, Math.round(bitsPerSecond / 1_000))} kb/s`;
  return `${(bitsPerSecond / 1_000_000).toFixed(1)} Mb/s`;
}

/** The facts a tile caption shows, in reading order; unknown ones are left out. */
export function statsSummary(stats: CameraStats): string[] {
  return [formatResolution(stats.width, stats.height), formatFps(stats.fps), formatBitrate(stats.bitrate)].filter(
    (part): part is string => part !== null,
  );
}
