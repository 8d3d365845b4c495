// The spec's codec policy as ffmpeg output arguments: H.264 Baseline, GOP exactly 2 s,
// AAC-LC 64 kbit/s mono, MPEG-TS on stdout. Shared by every source that transcodes.

export const GOP_SECONDS = 2;
export const AUDIO_BITRATE_KBPS = 64;
export const AUDIO_SAMPLE_RATE = 48_000;

export interface H264Options {
  /** Frame rate when known: pins the GOP to exactly fps × 2 frames. */
  fps: number | null;
  bitrateKbps: number;
  /** x264 preset; ultrafast/veryfast keep the appliance's CPU small. */
  preset?: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium';
  /** Encoder threads; 1 is cheapest for small frames, 0 lets x264 choose. */
  threads?: number;
}

export function h264BaselineArgs(opts: H264Options): string[] {
  const args = [
    '-c:v', 'libx264',
    '-profile:v', 'baseline',
    '-preset', opts.preset ?? 'veryfast',
    '-tune', 'zerolatency',
    '-pix_fmt', 'yuv420p',
    '-b:v', `${opts.bitrateKbps}k`,
    '-maxrate', `${opts.bitrateKbps}k`,
    '-bufsize', `${opts.bitrateKbps * 2}k`,
    '-sc_threshold', '0',
    '-threads', String(opts.threads ?? 0),
  ];
  if (opts.fps !== null) {
    const gop = String(Math.round(opts.fps * GOP_SECONDS));
    args.push('-g', gop, '-keyint_min', gop);
  } else {
    // Unknown frame rate: place keyframes by time instead of by frame count.
    args.push('-force_key_frames', `expr:gte(t,n_forced*${GOP_SECONDS})`);
  }
  return args;
}

export interface AacOptions {
  /** ffmpeg's 'fast' AAC coder costs about half the CPU of the default; fine for tones and speech. */
  fastCoder?: boolean;
}

export function aacMonoArgs(opts: AacOptions = {}): string[] {
  const args = ['-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', `${AUDIO_BITRATE_KBPS}k`, '-ac', '1', '-ar', String(AUDIO_SAMPLE_RATE)];
  if (opts.fastCoder) args.push('-aac_coder', 'fast');
  return args;
}

/** MPEG-TS on stdout, the only thing the pipeline reads. Packets are flushed as they are
 *  muxed: ffmpeg's default 32 KiB output buffer would otherwise add ~0.4 s at 600 kbit/s,
 *  most of the RTSP latency budget (< 500 ms). */
export function mpegtsStdoutArgs(): string[] {
  return ['-flush_packets', '1', '-f', 'mpegts', 'pipe:1'];
}

/** Leading options every ingest ffmpeg gets: no stdin, no banner, only warnings on stderr. */
export function quietFfmpegArgs(): string[] {
  return ['-nostdin', '-hide_banner', '-loglevel', 'warning'];
}
