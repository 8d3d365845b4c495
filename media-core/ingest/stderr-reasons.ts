// Turns ffmpeg's stderr into a sentence an operator understands, and tells the supervisor
// whether retrying soon is likely to help ('offline') or not ('error').

export type FailureKind = 'offline' | 'error';

export interface FailureExplanation {
  kind: FailureKind;
  reason: string;
}

interface Rule extends FailureExplanation {
  pattern: RegExp;
}

// Order is priority: ffmpeg often prints a specific cause and then a generic one
// ("Failed to resolve hostname …" then "Input/output error"); the earlier rule wins.
const RULES: readonly Rule[] = [
  { pattern: /unauthori[sz]ed|authorization failed/i, kind: 'error', reason: 'camera rejected the username or password' },
  { pattern: /\bforbidden\b/i, kind: 'error', reason: 'camera refused access to this stream (403 Forbidden)' },
  { pattern: /\b404 not found/i, kind: 'error', reason: 'camera has no stream at this address (404 Not Found)' },
  { pattern: /unsupported transport/i, kind: 'error', reason: 'camera does not support the requested RTSP transport (TCP/UDP)' },
  {
    pattern: /decoder\b.*\bnot found|unsupported codec|codec not currently supported|unknown codec/i,
    kind: 'error',
    reason: 'unsupported codec',
  },
  {
    pattern: /failed to resolve hostname|name or service not known|temporary failure in name resolution|nodename nor servname/i,
    kind: 'error',
    reason: 'camera host name could not be resolved (check the address)',
  },
  { pattern: /protocol not found/i, kind: 'error', reason: 'the source address uses a protocol ffmpeg does not support' },
  { pattern: /no such file or directory/i, kind: 'error', reason: 'source file not found' },
  { pattern: /permission denied/i, kind: 'error', reason: 'permission denied while opening the source' },
  { pattern: /connection refused/i, kind: 'offline', reason: 'connection refused' },
  { pattern: /no route to host/i, kind: 'offline', reason: 'no route to host' },
  { pattern: /network is unreachable/i, kind: 'offline', reason: 'network unreachable' },
  { pattern: /timed out/i, kind: 'offline', reason: 'connection timed out' },
  { pattern: /connection reset by peer/i, kind: 'offline', reason: 'camera closed the connection' },
  { pattern: /server returned 5\d\d|method \w+ failed: 5\d\d/i, kind: 'offline', reason: 'camera reported an internal error' },
  { pattern: /could not find codec parameters/i, kind: 'error', reason: 'camera sent no media ffmpeg could decode' },
  { pattern: /invalid data found when processing input/i, kind: 'error', reason: 'camera sent data that is not a readable video stream (invalid data)' },
  { pattern: /cannot allocate memory|out of memory/i, kind: 'offline', reason: 'the appliance ran out of memory' },
  { pattern: /end of file/i, kind: 'offline', reason: 'camera ended the stream' },
];

/** Explains the most telling line among `lines` (ffmpeg's last stderr lines), or null if none is known. */
export function explainFfmpegStderr(lines: readonly string[]): FailureExplanation | null {
  for (const rule of RULES) {
    if (lines.some((line) => rule.pattern.test(line))) return { kind: rule.kind, reason: rule.reason };
  }
  return null;
}

/** What to say when stderr explains nothing: how the process ended. */
export function explainExit(code: number | null, signal: NodeJS.Signals | null): FailureExplanation {
  if (signal) return { kind: 'offline', reason: `ffmpeg was stopped by ${signal}` };
  if (code === 0) return { kind: 'offline', reason: 'camera ended the stream' };
  return { kind: 'offline', reason: `ffmpeg stopped unexpectedly (exit code ${code ?? 'unknown'})` };
}
