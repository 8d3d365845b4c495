import type { HlsConfig, LoaderConfig } from 'hls.js';

// Start failures (a 503 while the camera has no segments yet, the core restarting)
// are not retried by hls.js: they become fatal at once and the tile's own backoff
// loop re-attaches. Mid-stream hiccups are retried by hls.js, briefly.
const noRetry: LoaderConfig = {
  maxTimeToFirstByteMs: 8_000,
  maxLoadTimeMs: 10_000,
  timeoutRetry: null,
  errorRetry: null,
};

const shortRetry: LoaderConfig = {
  maxTimeToFirstByteMs: 8_000,
  maxLoadTimeMs: 10_000,
  timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
  errorRetry: { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 4_000, backoff: 'exponential' },
};

/** A wall of many small live players: stay close to the live edge, buffer little. */
export const WALL_HLS_CONFIG: Partial<HlsConfig> = {
  enableWorker: true,
  // The core cuts whole segments at keyframes; there are no LL-HLS parts.
  lowLatencyMode: false,
  liveSyncDurationCount: 2,
  liveMaxLatencyDurationCount: 5,
  // Drift back to the live edge by playing slightly faster rather than jumping.
  maxLiveSyncPlaybackRate: 1.1,
  maxBufferLength: 8,
  maxMaxBufferLength: 12,
  backBufferLength: 4,
  capLevelToPlayerSize: true,
  manifestLoadPolicy: { default: noRetry },
  playlistLoadPolicy: { default: shortRetry },
  fragLoadPolicy: { default: shortRetry },
};
