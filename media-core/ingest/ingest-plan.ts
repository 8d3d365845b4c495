// The codec policy applied to one probed source: pass it through untouched when it already
// complies (H.264 Baseline, keyframes at most 2 s apart, within the bitrate ceiling, no
// downscale asked), otherwise transcode to H.264 Baseline with a 2 s GOP. Either way audio
// ends as AAC-LC mono (copied when it already is) or is absent.

import { VIDEO_BITRATE_RANGE_KBPS, type IngestPath } from '../contracts/api';
import { aacMonoArgs, GOP_SECONDS, h264BaselineArgs, mpegtsStdoutArgs, quietFfmpegArgs, type H264Options } from './codec-policy';
import type { ProbeResult } from './source-probe';

export interface CodecOverrides {
  /** Downscale to at most this many lines; never upscales. */
  maxHeight: number | null;
  /** Ceiling for the video bitrate, kbit/s; clamped to the policy's 400–4000. */
  maxBitrateKbps: number | null;
}

export interface TranscodeVideo {
  /** Output height when downscaling, else null (source size). */
  scaleHeight: number | null;
  fps: number | null;
  bitrateKbps: number;
}

export interface IngestPlan {
  path: IngestPath;
  /** Why, for the operator. */
  reason: string;
  video: 'copy' | TranscodeVideo;
  audio: 'copy' | 'transcode' | 'none';
}

/** Slack on the 2 s GOP for timestamp jitter in what ffprobe reports. */
const GOP_TOLERANCE_S = 0.1;
/** A probed bitrate may exceed the ceiling by this much before we re-encode (VBR peaks, I-frames). */
const BITRATE_TOLERANCE = 1.25;
/** Bits per pixel per frame a Baseline encode needs to look decent at these sizes. */
const BITS_PER_PIXEL = 0.1;

export function planIngest(probe: ProbeResult, overrides: CodecOverrides): IngestPlan {
  const ceilingKbps = clampKbps(overrides.maxBitrateKbps ?? VIDEO_BITRATE_RANGE_KBPS.max);
  const scaleHeight = overrides.maxHeight && probe.height && probe.height > overrides.maxHeight ? even(overrides.maxHeight) : null;
  const audio = audioPlan(probe);

  const why: string[] = [];
  if (probe.videoCodec !== 'h264') why.push(`the camera sends ${codecName(probe.videoCodec)}, not H.264`);
  else if (!/baseline/i.test(probe.profile ?? '')) why.push(`the camera sends H.264 ${probe.profile ?? 'of an unknown profile'}, not Baseline`);
  if (probe.videoCodec === 'h264') {
    if (probe.gopSeconds === null) why.push(`no two keyframes within ${probe.probedSeconds || 'the'} s probed (the policy needs one every ${GOP_SECONDS} s)`);
    else if (probe.gopSeconds > GOP_SECONDS + GOP_TOLERANCE_S) why.push(`its keyframes are ${round1(probe.gopSeconds)} s apart (the policy needs ${GOP_SECONDS} s)`);
  }
  if (scaleHeight !== null) why.push(`downscaling from ${probe.height} to ${scaleHeight} lines was asked for`);
  if (probe.bitrate !== null && probe.bitrate > ceilingKbps * 1000 * BITRATE_TOLERANCE) {
    why.push(`its ${mbps(probe.bitrate)} Mbit/s is above the ${mbps(ceilingKbps * 1000)} Mbit/s ceiling`);
  }

  const audioNote = audio === 'transcode' ? `; audio (${probe.audioCodec}) re-encoded to AAC mono` : '';
  if (why.length === 0) {
    return {
      path: 'copy',
      reason: `passed through: the camera already sends H.264 ${probe.profile} with keyframes every ${round1(probe.gopSeconds!)} s${audioNote}`,
      video: 'copy',
      audio,
    };
  }
  const height = scaleHeight ?? probe.height;
  const width = probe.width && probe.height && height ? Math.round((probe.width * height) / probe.height) : null;
  return {
    path: 'transcode',
    reason: `transcoded to H.264 Baseline: ${why.join('; ')}${audioNote}`,
    video: { scaleHeight, fps: probe.fps, bitrateKbps: Math.min(ceilingKbps, targetKbps(width, height, probe.fps)) },
    audio,
  };
}

export interface IngestArgsOptions {
  preset?: H264Options['preset'];
  threads?: number;
}

/** The full ffmpeg argument list: quiet options, the source's input options, then the plan. */
export function ingestArgs(inputArgs: string[], plan: IngestPlan, opts: IngestArgsOptions = {}): string[] {
  const args = [...quietFfmpegArgs(), ...inputArgs, '-map', '0:v:0'];
  if (plan.audio !== 'none') args.push('-map', '0:a:0?');
  if (plan.video === 'copy') {
    args.push('-c:v', 'copy');
  } else {
    if (plan.video.scaleHeight !== null) args.push('-vf', `scale=-2:${plan.video.scaleHeight}`);
    args.push(...h264BaselineArgs({ fps: plan.video.fps, bitrateKbps: plan.video.bitrateKbps, preset: opts.preset ?? 'veryfast', threads: opts.threads ?? 0 }));
  }
  if (plan.audio === 'copy') args.push('-c:a', 'copy');
  else if (plan.audio === 'transcode') args.push(...aacMonoArgs());
  else args.push('-an');
  args.push(...mpegtsStdoutArgs());
  return args;
}

/** The bitrate a transcode aims for: grows with pixels per second, within 400–4000 kbit/s. */
export function targetKbps(width: number | null, height: number | null, fps: number | null): number {
  if (!width || !height) return 2000;
  return clampKbps(Math.round((width * height * (fps ?? 25) * BITS_PER_PIXEL) / 1000));
}

function audioPlan(probe: ProbeResult): IngestPlan['audio'] {
  if (!probe.audioCodec) return 'none';
  const lcMono = probe.audioCodec === 'aac' && (probe.audioProfile === null || probe.audioProfile === 'LC') && probe.audioChannels === 1;
  return lcMono ? 'copy' : 'transcode';
}

function clampKbps(kbps: number): number {
  return Math.min(VIDEO_BITRATE_RANGE_KBPS.max, Math.max(VIDEO_BITRATE_RANGE_KBPS.min, Math.round(kbps)));
}

function codecName(codec: string | null): string {
  const names: Record<string, string> = { hevc: 'H.265', mjpeg: 'MJPEG', mpeg4: 'MPEG-4 Part 2', h263: 'H.263' };
  return codec ? (names[codec] ?? codec) : 'an unknown codec';
}

const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);
const round1 = (n: number) => Math.round(n * 10) / 10;
const mbps = (bps: number) => (Math.round(bps / 100_000) / 10).toFixed(1);
