// Test support: a live camera made of real parts: ffmpeg encoding a synthetic picture and
// tone in real time (-re), its MPEG-TS piped into a real CameraStream.
import { spawn, type ChildProcess } from 'node:child_process';
import { silentLogger } from '../../media-core/log/logger';
import { FFMPEG } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { CameraStream } from '../../media-core/stream';

export interface LiveCamera {
  stream: CameraStream;
  ffmpeg: ChildProcess;
  /** Every chunk handed to the stream also goes to these (the benchmark tees it). */
  taps: ((chunk: Buffer) => void)[];
  stop(): Promise<void>;
}

export interface LiveCameraOptions {
  fps?: number;
  gop?: number;
  size?: string;
  audio?: boolean;
  /** Seconds of media; default: until stopped. */
  seconds?: number;
  /** More video encoder options (bitrate...). */
  videoArgs?: string[];
}

export async function startLiveCamera(id = 'cam1', o: LiveCameraOptions = {}): Promise<LiveCamera> {
  const fps = o.fps ?? 15;
  const args = ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', `testsrc2=size=${o.size ?? '640x360'}:rate=${fps}`];
  if (o.audio !== false) args.push('-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000');
  if (o.seconds) args.push('-t', String(o.seconds));
  const gop = String(o.gop ?? 30);
  args.push('-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'ultrafast', '-tune', 'zerolatency');
  args.push('-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-pix_fmt', 'yuv420p', ...(o.videoArgs ?? []));
  if (o.audio !== false) args.push('-c:a', 'aac', '-b:a', '64k', '-ac', '1');
  args.push('-f', 'mpegts', '-flush_packets', '1', '-muxdelay', '0', 'pipe:1');
  const stream = new CameraStream(id, { log: silentLogger(), maxGopBytes: 8 * 1024 * 1024, now: Date.now });
  const ffmpeg = spawn(FFMPEG, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const taps: ((chunk: Buffer) => void)[] = [];
  ffmpeg.stdout!.on('data', (chunk: Buffer) => {
    stream.push(chunk);
    for (const t of taps) t(chunk);
  });
  const exited = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
  const stop = async () => {
    if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) ffmpeg.kill('SIGKILL');
    await exited;
    stream.close();
  };
  // Ready once the SDP can be written and a keyframe is cached for new clients.
  for (let i = 0; i < 300; i++) {
    const cfg = stream.codecConfig();
    const audioReady = o.audio === false || cfg.audio !== null;
    if (cfg.video?.sps && cfg.video.pps && audioReady && stream.lastKeyframeAu()) return { stream, ffmpeg, taps, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error('live camera did not become ready in 15 s');
}
