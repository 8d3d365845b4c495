import { describe, expect, it } from 'vitest';
import { explainExit, explainFfmpegStderr } from './stderr-reasons';

// Lines as ffmpeg 5.x/6.x prints them (credentials already masked by the caller).
const cases: Array<[line: string, kind: 'offline' | 'error', reason: string]> = [
  ['[rtsp @ 0x5] method DESCRIBE failed: 401 Unauthorized', 'error', 'camera rejected the username or password'],
  ['http://***@cam/x: Server returned 401 Unauthorized (authorization failed)', 'error', 'camera rejected the username or password'],
  ['[rtsp @ 0x5] method DESCRIBE failed: 403 Forbidden', 'error', 'camera refused access to this stream (403 Forbidden)'],
  ['[rtsp @ 0x5] method DESCRIBE failed: 404 Not Found', 'error', 'camera has no stream at this address (404 Not Found)'],
  ['[rtsp @ 0x5] method SETUP failed: 461 Unsupported transport', 'error', 'camera does not support the requested RTSP transport (TCP/UDP)'],
  ['Decoder (codec hevc) not found for input stream #0:0', 'error', 'unsupported codec'],
  ['[rtsp @ 0x5] Unsupported codec with id 0 for input stream 1', 'error', 'unsupported codec'],
  ['[tcp @ 0x5] Failed to resolve hostname cam.invalid: Name or service not known', 'error', 'camera host name could not be resolved (check the address)'],
  ['foo://bar: Protocol not found', 'error', 'the source address uses a protocol ffmpeg does not support'],
  ['/videos/x.mp4: No such file or directory', 'error', 'source file not found'],
  ['rtsp://***@127.0.0.1:1/x: Connection refused', 'offline', 'connection refused'],
  ['[tcp @ 0x5] Connection to tcp://10.0.0.9:554 failed: No route to host', 'offline', 'no route to host'],
  ['[tcp @ 0x5] Connection to tcp://10.0.0.9:554 failed: Network is unreachable', 'offline', 'network unreachable'],
  ['[tcp @ 0x5] Connection to tcp://10.0.0.9:554 failed: Connection timed out', 'offline', 'connection timed out'],
  ['rtsp://cam/x: Connection reset by peer', 'offline', 'camera closed the connection'],
  ['[rtsp @ 0x5] method PLAY failed: 503 Service Unavailable', 'offline', 'camera reported an internal error'],
  ['rtsp://cam/x: Invalid data found when processing input', 'error', 'camera sent data that is not a readable video stream (invalid data)'],
  ['junk.ts: could not find codec parameters', 'error', 'camera sent no media ffmpeg could decode'],
  ['rtsp://cam/x: End of file', 'offline', 'camera ended the stream'],
];

describe('explainFfmpegStderr', () => {
  it.each(cases)('%s → %s: %s', (line, kind, reason) => {
    expect(explainFfmpegStderr(['some earlier warning', line])).toEqual({ kind, reason });
  });

  it('prefers the specific cause over the generic error ffmpeg prints after it', () => {
    const lines = [
      '[tcp @ 0x5] Failed to resolve hostname cam.invalid: Name or service not known',
      'rtsp://cam.invalid/x: Input/output error',
    ];
    expect(explainFfmpegStderr(lines)?.reason).toBe('camera host name could not be resolved (check the address)');
  });

  it('does not take a timeout= URL parameter for a timeout', () => {
    const lines = ['[tcp @ 0x5] Connection to tcp://127.0.0.1:1?timeout=3000000 failed: Connection refused'];
    expect(explainFfmpegStderr(lines)?.reason).toBe('connection refused');
  });

  it('returns null for lines it does not know', () => {
    expect(explainFfmpegStderr(['[h264 @ 0x5] concealing 12 DC errors in P frame'])).toBeNull();
    expect(explainFfmpegStderr([])).toBeNull();
  });
});

describe('explainExit', () => {
  it('says how ffmpeg ended when stderr explains nothing', () => {
    expect(explainExit(null, 'SIGKILL')).toEqual({ kind: 'offline', reason: 'ffmpeg was stopped by SIGKILL' });
    expect(explainExit(0, null)).toEqual({ kind: 'offline', reason: 'camera ended the stream' });
    expect(explainExit(1, null)).toEqual({ kind: 'offline', reason: 'ffmpeg stopped unexpectedly (exit code 1)' });
  });
});
