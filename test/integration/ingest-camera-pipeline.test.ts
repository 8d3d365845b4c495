import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CameraPipeline,
  demoSourceArgs,
  detectDemoOverlay,
  resolveFfmpeg,
  resolveFfprobe,
  rtspSourceArgs,
  type PipelineOptions,
  type PipelineSink,
  type PipelineState,
} from '../../media-core/ingest';
import { silentLogger } from '../../media-core/log/logger';

const run = promisify(execFile);

class RecordingSink implements PipelineSink {
  chunks: Buffer[] = [];
  bytes = 0;
  discontinuities = 0;
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }
  discontinuity(): void {
    this.discontinuities += 1;
  }
}

/** Resolves once the pipeline is in a state `accept` likes (now or later); rejects after `timeoutMs`. */
function waitForState(
  pipeline: CameraPipeline,
  accept: (state: PipelineState, reason: string | null) => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  if (accept(pipeline.state, pipeline.reason)) return Promise.resolve();
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const onState = (state: PipelineState, reason: string | null): void => {
      seen.push(`${state}${reason ? ` (${reason})` : ''}`);
      if (!accept(state, reason)) return;
      clearTimeout(timer);
      pipeline.off('state', onState);
      resolve();
    };
    const timer = setTimeout(() => {
      pipeline.off('state', onState);
      reject(new Error(`state not reached within ${timeoutMs} ms; saw: ${seen.join(' → ') || 'nothing'}`));
    }, timeoutMs);
    pipeline.on('state', onState);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function closedLocalPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let ffmpegPath: string;
let ffprobePath: string;
let demoArgs: string[];
let workDir: string;
const pipelines: CameraPipeline[] = [];

function pipeline(overrides: Partial<PipelineOptions> & { sink: PipelineSink }): CameraPipeline {
  const p = new CameraPipeline({
    cameraId: 'cam-test',
    ffmpegPath,
    args: demoArgs,
    log: silentLogger(),
    backoff: { initialMs: 100, maxMs: 1_000, factor: 2 },
    ...overrides,
  });
  pipelines.push(p);
  return p;
}

beforeAll(async () => {
  ffmpegPath = (await resolveFfmpeg()).path;
  const probe = await resolveFfprobe(ffmpegPath);
  if (!probe) throw new Error('these tests need ffprobe');
  ffprobePath = probe;
  demoArgs = demoSourceArgs({ name: 'Test camera', variant: 0, overlay: await detectDemoOverlay(ffmpegPath) });
  workDir = await mkdtemp(path.join(tmpdir(), 'wink-ingest-'));
});

afterEach(async () => {
  await Promise.all(pipelines.splice(0).map((p) => p.stop()));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('CameraPipeline with a demo camera', () => {
  it('goes from starting to live and delivers MPEG-TS to the sink', async () => {
    const sink = new RecordingSink();
    const p = pipeline({ sink });
    const states: PipelineState[] = [];
    p.on('state', (state) => states.push(state));

    p.start();
    expect(p.state).toBe('starting');
    await waitForState(p, (s) => s === 'live');

    expect(states.slice(0, 2)).toEqual(['starting', 'live']);
    expect(p.reason).toBeNull();
    expect(p.liveSince).not.toBeNull();
    expect(p.pid).toBeGreaterThan(0);
    expect(sink.bytes).toBeGreaterThan(0);
    expect(sink.chunks[0]?.[0]).toBe(0x47); // MPEG-TS sync byte
    expect(sink.discontinuities).toBe(0);
  });

  it('produces H.264 Constrained Baseline 640x360 with a 2 s GOP and AAC-LC mono 48 kHz', async () => {
    const sink = new RecordingSink();
    const p = pipeline({ sink });
    p.start();
    await waitForState(p, (s) => s === 'live');
    // Capture until the stream holds three keyframes (0 s, 2 s, 4 s): two whole GOPs.
    const file = path.join(workDir, 'capture.ts');
    const keyframeTimes = async (): Promise<number[]> => {
      const { stdout } = await run(ffprobePath, [
        '-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', file,
      ]);
      return stdout.split('\n').filter((line) => line.trim() !== '').map((line) => Number.parseFloat(line));
    };
    for (let i = 0; i < 40; i++) {
      await sleep(500);
      await writeFile(file, Buffer.concat(sink.chunks));
      if ((await keyframeTimes()).length >= 3) break;
    }
    await p.stop();
    await writeFile(file, Buffer.concat(sink.chunks));

    const { stdout: streamsJson } = await run(ffprobePath, ['-v', 'error', '-show_streams', '-of', 'json', file]);
    const streams = JSON.parse(streamsJson).streams as Array<Record<string, unknown>>;
    const video = streams.find((s) => s.codec_type === 'video');
    const audio = streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', profile: 'Constrained Baseline', width: 640, height: 360, r_frame_rate: '15/1' });
    expect(audio).toMatchObject({ codec_name: 'aac', profile: 'LC', channels: 1, sample_rate: '48000' });

    const { stdout: framesJson } = await run(ffprobePath, [
      '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=key_frame,pts_time', '-of', 'json', file,
    ]);
    const frames = JSON.parse(framesJson).frames as Array<{ key_frame: number; pts_time: string }>;
    const keyIndexes = frames.flatMap((f, i) => (f.key_frame === 1 ? [i] : []));
    expect(keyIndexes.length).toBeGreaterThanOrEqual(3);
    expect(keyIndexes[0]).toBe(0);
    for (let k = 1; k < keyIndexes.length; k++) {
      const a = frames[keyIndexes[k - 1]!]!;
      const b = frames[keyIndexes[k]!]!;
      expect(keyIndexes[k]! - keyIndexes[k - 1]!).toBe(30); // 15 fps × 2 s
      expect(Number(b.pts_time) - Number(a.pts_time)).toBeCloseTo(2, 2);
    }

    // The same, the way an operator would check it: decoding keyframes only.
    const times = await keyframeTimes();
    expect(times.length).toBe(keyIndexes.length);
    for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).toBeCloseTo(2, 2);
  });

  it('restarts an ffmpeg that was killed, and marks the discontinuity', async () => {
    const sink = new RecordingSink();
    const p = pipeline({ sink });
    p.start();
    await waitForState(p, (s) => s === 'live');
    const firstPid = p.pid!;

    const offline = waitForState(p, (s) => s === 'offline');
    process.kill(firstPid, 'SIGKILL');
    await offline;
    expect(p.reason).toBe('ffmpeg was stopped by SIGKILL');
    expect(p.liveSince).toBeNull();

    await waitForState(p, (s) => s === 'live');
    expect(p.restarts).toBe(1);
    expect(sink.discontinuities).toBe(1);
    expect(p.pid).not.toBe(firstPid);
    expect(isAlive(firstPid)).toBe(false);
  });

  it('reports a source that stops producing as stalled, then restarts it', async () => {
    const sink = new RecordingSink();
    const p = pipeline({ sink, stallAfterMs: 1_000, stallGraceMs: 1_500 });
    p.start();
    await waitForState(p, (s) => s === 'live');
    const frozenPid = p.pid!;

    process.kill(frozenPid, 'SIGSTOP');
    await waitForState(p, (s) => s === 'stalled');
    expect(p.reason).toBe('no video from the camera for 1 s');
    expect(p.liveSince).not.toBeNull();

    await waitForState(p, (s) => s === 'offline');
    expect(p.reason).toMatch(/^camera stopped sending video for [\d.]+ s$/);
    await waitForState(p, (s) => s === 'live');
    expect(p.restarts).toBe(1);
    expect(sink.discontinuities).toBe(1);
    for (let i = 0; i < 50 && isAlive(frozenPid); i++) await sleep(100);
    expect(isAlive(frozenPid)).toBe(false);
  });

  it('stop() ends the child within the stop timeout and leaves it disabled', async () => {
    const p = pipeline({ sink: new RecordingSink(), stopTimeoutMs: 2_000 });
    p.start();
    await waitForState(p, (s) => s === 'live');
    const pid = p.pid!;

    await p.stop();
    expect(isAlive(pid)).toBe(false);
    expect(p.state).toBe('disabled');
    expect(p.pid).toBeNull();
  });

  it('stop() also ends a frozen child, by SIGKILL after the stop timeout', async () => {
    const p = pipeline({ sink: new RecordingSink(), stopTimeoutMs: 500, stallAfterMs: 60_000 });
    p.start();
    await waitForState(p, (s) => s === 'live');
    const pid = p.pid!;
    process.kill(pid, 'SIGSTOP');

    await p.stop();
    expect(isAlive(pid)).toBe(false);
    expect(p.state).toBe('disabled');
  });

  it('can be started again after stop(), marking the discontinuity', async () => {
    const sink = new RecordingSink();
    const p = pipeline({ sink });
    p.start();
    await waitForState(p, (s) => s === 'live');
    await p.stop();
    p.start();
    await waitForState(p, (s) => s === 'live');
    expect(sink.discontinuities).toBe(1);
    expect(p.restarts).toBe(0);
  });
});

describe('CameraPipeline with an unreachable camera', () => {
  it('ends offline with "connection refused", keeps retrying, and never shows the password', async () => {
    const port = await closedLocalPort();
    const p = pipeline({
      sink: new RecordingSink(),
      args: rtspSourceArgs({ url: `rtsp://admin:hunter2@127.0.0.1:${port}/x`, video: 'copy', audio: 'copy', ioTimeoutMs: 3_000 }),
      backoff: { initialMs: 200, maxMs: 1_000, factor: 2 },
    });
    p.start();
    await waitForState(p, (s) => s === 'offline');
    expect(p.reason).toBe('connection refused');
    expect(p.stderrTail.join('\n')).toContain('Connection refused');
    expect(p.stderrTail.join('\n')).not.toContain('hunter2');

    await waitForState(p, (s) => s === 'starting');
    await waitForState(p, (s) => s === 'offline');
    expect(p.restarts).toBeGreaterThanOrEqual(1);
  });

  it('ends in error when the camera rejects the credentials', async () => {
    // A camera that answers every RTSP request with 401, whatever credentials it gets.
    const camera = createServer((socket) => {
      socket.on('data', (data) => {
        const cseq = /CSeq:\s*(\d+)/i.exec(data.toString())?.[1] ?? '1';
        socket.write(`RTSP/1.0 401 Unauthorized\r\nCSeq: ${cseq}\r\nWWW-Authenticate: Basic realm="camera"\r\n\r\n`);
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => camera.listen(0, '127.0.0.1', resolve));
    const port = (camera.address() as { port: number }).port;
    try {
      const p = pipeline({
        sink: new RecordingSink(),
        args: rtspSourceArgs({ url: `rtsp://admin:wrong@127.0.0.1:${port}/x`, video: 'copy', audio: 'copy' }),
      });
      p.start();
      await waitForState(p, (s) => s === 'error');
      expect(p.reason).toBe('camera rejected the username or password');
      expect(p.stderrTail.join('\n')).not.toContain('wrong');
    } finally {
      await new Promise<void>((resolve) => camera.close(() => resolve()));
    }
  });

  it('cancels a pending restart when stopped during the backoff', async () => {
    const port = await closedLocalPort();
    const p = pipeline({
      sink: new RecordingSink(),
      args: rtspSourceArgs({ url: `rtsp://127.0.0.1:${port}/x`, video: 'copy', audio: 'none' }),
      backoff: { initialMs: 1_000, maxMs: 1_000, factor: 1 },
    });
    p.start();
    await waitForState(p, (s) => s === 'offline');
    await p.stop();
    const states: PipelineState[] = [];
    p.on('state', (state) => states.push(state));
    await sleep(1_500);
    expect(states).toEqual([]);
    expect(p.state).toBe('disabled');
    expect(p.restarts).toBe(0);
  });

  it('can be stopped and started again while waiting to retry', async () => {
    const port = await closedLocalPort();
    const p = pipeline({
      sink: new RecordingSink(),
      args: rtspSourceArgs({ url: `rtsp://127.0.0.1:${port}/x`, video: 'copy', audio: 'none' }),
      backoff: { initialMs: 5_000, maxMs: 5_000, factor: 1 },
    });
    p.start();
    await waitForState(p, (s) => s === 'offline');
    await p.stop();
    await p.stop();
    expect(p.state).toBe('disabled');
    p.start();
    await waitForState(p, (s) => s === 'offline');
    expect(p.reason).toBe('connection refused');
  });

  it('reports an ffmpeg that cannot be started as an error', async () => {
    const p = pipeline({ sink: new RecordingSink(), ffmpegPath: path.join(tmpdir(), 'no-such-ffmpeg-binary') });
    p.start();
    await waitForState(p, (s) => s === 'error');
    expect(p.reason).toMatch(/^ffmpeg could not be started \(.*ENOENT.*\)$/);
  });
});
