// Test support: running the real clients (ffmpeg, ffprobe, gst-launch-1.0) with a bound
// on their run time, and a server wired to a live camera and the access double.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { silentLogger } from '../../media-core/log/logger';
import { FFMPEG, FFPROBE } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { RtspServer, type RtspServerOptions } from '../../media-core/servers/rtsp';
import type { CameraStream } from '../../media-core/stream';
import { TestAccess } from './rtsp-harness-access';

export { FFMPEG, FFPROBE };
export const GST_LAUNCH = process.env.GST_LAUNCH_PATH ?? '/usr/bin/gst-launch-1.0';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, killing it after timeoutMs (code is then null). */
export function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** A started child, for tests that act while it runs. */
export function start(cmd: string, args: string[]): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (err.length < 64 * 1024) err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => err };
}

/** Frames decoded per stream index, from ffmpeg's `-f framecrc -` output. */
export function framesPerStream(framecrc: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of framecrc.split('\n')) {
    const m = /^(\d+),/.exec(line);
    if (m) out.set(Number(m[1]), (out.get(Number(m[1])) ?? 0) + 1);
  }
  return out;
}

export interface TestRtsp {
  server: RtspServer;
  access: TestAccess;
  port: number;
  url(camera: string, query?: string): string;
  close(): Promise<void>;
}

export async function startTestRtsp(cameras: Record<string, CameraStream>, opts: Partial<RtspServerOptions> = {}): Promise<TestRtsp> {
  const access = new TestAccess();
  const server = new RtspServer({
    access,
    source: (id) => cameras[id],
    log: silentLogger(),
    ...opts,
  });
  const addr = await server.listen('127.0.0.1', 0);
  const port = Number(addr.split(':').pop());
  return {
    server,
    access,
    port,
    url: (camera, query) => `rtsp://127.0.0.1:${port}/${camera}${query ? `?${query}` : ''}`,
    close: () => server.close(),
  };
}

/** Polls until check() is truthy; bounded. */
export async function until<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
