// Test support: real MPEG-TS made by ffmpeg at test time (never committed as media),
// and ffprobe read-back. Used by unit and integration tests only.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';
export const FFPROBE = process.env.FFPROBE_PATH ?? '/usr/bin/ffprobe';

export interface TestTsOptions {
  seconds?: number;
  fps?: number;
  /** Keyframe interval in frames. */
  gop?: number;
  size?: string;
  audio?: boolean;
  videoCodec?: 'libx264' | 'libx265';
  profile?: string;
  pixFmt?: string;
  /** x264 picks the lowest profile its tools need: ultrafast (default) always gives Baseline. */
  preset?: string;
  /** More encoder options, placed before the output. */
  extraArgs?: string[];
}

/** ffmpeg's mpegts output for a synthetic picture (and a 440 Hz tone), as the ingest
 *  ffmpeg would write it to its stdout. */
export function generateTs(o: TestTsOptions = {}): Promise<Buffer> {
  const fps = o.fps ?? 15;
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${o.size ?? '640x360'}:rate=${fps}`];
  if (o.audio !== false) args.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000');
  args.push('-t', String(o.seconds ?? 10), '-c:v', o.videoCodec ?? 'libx264');
  if ((o.videoCodec ?? 'libx264') === 'libx264') args.push('-profile:v', o.profile ?? 'baseline');
  const gop = String(o.gop ?? fps * 2);
  args.push('-preset', o.preset ?? 'ultrafast', '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-pix_fmt', o.pixFmt ?? 'yuv420p');
  if (o.videoCodec === 'libx265') args.push('-x265-params', `keyint=${gop}:min-keyint=${gop}:log-level=error`);
  if (o.audio !== false) args.push('-c:a', 'aac', '-b:a', '64k', '-ac', '1');
  args.push(...(o.extraArgs ?? []), '-f', 'mpegts', 'pipe:1');
  return new Promise((resolve, reject) => {
    execFile(FFMPEG, args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ffmpeg failed: ${err.message} ${stderr.toString()}`));
      else resolve(stdout);
    });
  });
}

/** Cuts a buffer into pieces of the given sizes, cycling, like a pipe would. */
export function* chunked(buf: Buffer, sizes: number[] = [1, 187, 189, 1000, 7, 4096, 65536, 333]): Generator<Buffer> {
  let pos = 0;
  for (let i = 0; pos < buf.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield buf.subarray(pos, pos + n);
    pos += n;
  }
}

/** Runs ffprobe on the bytes (written to a temp file) and returns its JSON output. */
export async function ffprobe(bytes: Buffer, args: string[]): Promise<any> {
  const dir = mkdtempSync(join(tmpdir(), 'wink-probe-'));
  const file = join(dir, 'media.ts');
  writeFileSync(file, bytes);
  try {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(FFPROBE, ['-v', 'error', '-of', 'json', ...args, file], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
        err ? reject(new Error(`ffprobe failed: ${err.message} ${stderr}`)) : resolve(stdout),
      );
    });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
