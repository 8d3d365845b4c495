// A still picture of a camera from the keyframe the stream hub already holds: a short-lived
// ffmpeg decodes that one H.264 access unit from stdin and writes a JPEG. No second
// connection to the camera, and the cost is one intra frame decode per picture.

import { spawn } from 'node:child_process';
import { killOnParentExit } from './child-reaper';

export interface SnapshotOptions {
  /** Pictures wider than this are scaled down (never up). Default 640. */
  maxWidth?: number;
  /** ffmpeg is killed after this long. Default 5000. */
  timeoutMs?: number;
  /** mjpeg quality scale, 2 (best) to 31. Default 5. */
  quality?: number;
}

const START_CODE = Buffer.from([0, 0, 0, 1]);

/** Annex-B bytes a decoder can start from: SPS and PPS first (if known), then the keyframe. */
export function decodableKeyframe(keyframe: Buffer, sps: Buffer | null, pps: Buffer | null): Buffer {
  const parts: Buffer[] = [];
  if (sps) parts.push(START_CODE, sps);
  if (pps) parts.push(START_CODE, pps);
  parts.push(keyframe);
  return Buffer.concat(parts);
}

/** Decodes one H.264 keyframe (Annex-B) to a JPEG. Rejects with ffmpeg's last words. */
export function jpegFromKeyframe(ffmpegPath: string, annexB: Buffer, opts: SnapshotOptions = {}): Promise<Buffer> {
  const maxWidth = opts.maxWidth ?? 640;
  const args = [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'h264', '-i', 'pipe:0',
    '-frames:v', '1',
    '-vf', `scale='min(${maxWidth},iw)':-2`,
    '-q:v', String(opts.quality ?? 5),
    '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    if (child.pid !== undefined) killOnParentExit(child);
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 5000);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.stdin.on('error', () => {}); // ffmpeg may exit before reading it all; the exit code tells.
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const jpeg = Buffer.concat(out);
      if (code === 0 && jpeg.length > 0) resolve(jpeg);
      else reject(new Error(`snapshot decode failed (${signal ?? `exit ${code}`}): ${err.trim().split('\n').pop() ?? ''}`));
    });
    child.stdin.end(annexB);
  });
}
