// ffmpeg arguments for a real camera pulled over RTSP. Whether video/audio can be copied
// or must be transcoded is decided by source probing; this only turns that decision into
// arguments.

import { aacMonoArgs, h264BaselineArgs, mpegtsStdoutArgs, quietFfmpegArgs } from './codec-policy';

export interface RtspSourceOptions {
  /** rtsp://user:pass@host:554/path; credentials are passed to ffmpeg, never logged. */
  url: string;
  /** TCP interleaving survives NAT and firewalls; UDP has lower latency on a clean LAN. */
  transport?: 'tcp' | 'udp';
  /** 'copy' when the camera already sends H.264 Baseline with a 2 s GOP. */
  video: 'copy' | 'transcode';
  /** 'copy' when the camera sends AAC-LC mono, 'none' to drop audio. */
  audio: 'copy' | 'transcode' | 'none';
  /** Source frame rate, when probing found it: lets a transcode pin the GOP to fps × 2. */
  fps?: number | null;
  /** Bitrate for a transcode; the policy allows 400 kbit/s to 4 Mbit/s. */
  videoBitrateKbps?: number;
  /** Socket I/O timeout: how long a silent camera may stay connected before ffmpeg gives up. */
  ioTimeoutMs?: number;
  /** Major version of the ffmpeg that will run this; before 5.0 the socket timeout was -stimeout. */
  ffmpegMajorVersion?: number | null;
}

export function rtspSourceArgs(opts: RtspSourceOptions): string[] {
  const timeoutUs = String((opts.ioTimeoutMs ?? 10_000) * 1000);
  const timeoutFlag = opts.ffmpegMajorVersion != null && opts.ffmpegMajorVersion < 5 ? '-stimeout' : '-timeout';
  const args = [
    ...quietFfmpegArgs(),
    '-rtsp_transport', opts.transport ?? 'tcp',
    timeoutFlag, timeoutUs,
    '-i', opts.url,
    '-map', '0:v:0',
  ];
  if (opts.audio !== 'none') args.push('-map', '0:a:0?');

  if (opts.video === 'copy') {
    args.push('-c:v', 'copy');
  } else {
    args.push(...h264BaselineArgs({ fps: opts.fps ?? null, bitrateKbps: opts.videoBitrateKbps ?? 2000, preset: 'veryfast' }));
  }

  if (opts.audio === 'copy') args.push('-c:a', 'copy');
  else if (opts.audio === 'transcode') args.push(...aacMonoArgs());
  else args.push('-an');

  args.push(...mpegtsStdoutArgs());
  return args;
}

/** "5.1.9-0+deb12u1" → 5, "n6.1.1" → 6; null for git builds ("N-113000-g…") and unknowns. */
export function ffmpegMajorVersion(version: string | null): number | null {
  const match = /^n?(\d+)\./.exec(version ?? '');
  return match ? Number(match[1]) : null;
}
