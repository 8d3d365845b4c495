// What a camera sends, found with ffprobe before ingest starts: codecs, picture size, frame
// rate, and — by reading a few seconds of packets — how far apart its keyframes are and
// how many bits per second its video takes. The codec policy decides from this.

import { execFile } from 'node:child_process';
import type { CameraInputInfo } from '../contracts/api';
import { killOnParentExit } from './child-reaper';
import { maskCredentials } from './mask-credentials';
import { sourceInputArgs, type SourceInputOptions } from './source-input';
import type { SourceAddress } from './source-url';
import { explainFfmpegStderr, type FailureExplanation } from './stderr-reasons';

export interface ProbeResult extends CameraInputInfo {
  hasVideo: boolean;
  audioProfile: string | null;
  audioChannels: number | null;
  /** Keyframes seen with a usable time; fewer than 2 leaves gopSeconds null. */
  keyframes: number;
  /** Seconds of media actually read. */
  probedSeconds: number;
}

export interface ProbeOptions extends SourceInputOptions {
  ffprobePath: string;
  /** Seconds of packets to read: long enough to see two keyframes of a 2 s GOP. Default 4.5. */
  windowSeconds?: number;
  /** The whole probe is killed after this long. Default 20 s. */
  timeoutMs?: number;
  /** Aborting kills ffprobe; the promise then rejects. */
  signal?: AbortSignal;
}

/** A probe that failed, with the operator's sentence and whether retrying may help. */
export class ProbeError extends Error {
  constructor(readonly explanation: FailureExplanation, readonly stderr: readonly string[]) {
    super(explanation.reason);
    this.name = 'ProbeError';
  }
}

export function probeSource(source: Pick<SourceAddress, 'scheme' | 'url'>, opts: ProbeOptions): Promise<ProbeResult> {
  const window = opts.windowSeconds ?? 4.5;
  const args = [
    '-hide_banner', '-loglevel', 'error',
    ...sourceInputArgs(source, { ...opts, realtime: false }).slice(0, -2),
    '-read_intervals', `%+${window}`,
    '-show_entries', 'stream=index,codec_type,codec_name,profile,width,height,r_frame_rate,avg_frame_rate,channels:packet=stream_index,pts_time,dts_time,flags,size',
    '-of', 'json',
    '-i', source.url,
  ];
  return new Promise((resolve, reject) => {
    const child = execFile(
      opts.ffprobePath,
      args,
      { timeout: opts.timeoutMs ?? 20_000, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, windowsHide: true, ...(opts.signal ? { signal: opts.signal } : {}) },
      (err, stdout, stderr) => {
        const lines = stderr.split(/\r?\n/).filter((l) => l.trim() !== '').map(maskCredentials).slice(-20);
        if (err) {
          const timedOut = (err as { killed?: boolean }).killed === true;
          const explained = explainFfmpegStderr(lines) ??
            (timedOut ? { kind: 'offline' as const, reason: 'the camera did not answer the probe in time' } : { kind: 'offline' as const, reason: `the camera could not be probed (${lines.at(-1) ?? 'ffprobe failed'})` });
          reject(new ProbeError(explained, lines));
          return;
        }
        try {
          const result = summarize(JSON.parse(stdout) as FfprobeJson);
          if (!result.hasVideo) reject(new ProbeError({ kind: 'error', reason: 'the source has no video stream' }, lines));
          else resolve(result);
        } catch {
          reject(new ProbeError({ kind: 'error', reason: 'the camera sent nothing ffprobe could read' }, lines));
        }
      },
    );
    if (child.pid !== undefined) killOnParentExit(child);
  });
}

interface FfprobeJson {
  streams?: Array<{
    index: number;
    codec_type?: string;
    codec_name?: string;
    profile?: string;
    width?: number;
    height?: number;
    r_frame_rate?: string;
    avg_frame_rate?: string;
    channels?: number;
  }>;
  packets?: Array<{ stream_index: number; pts_time?: string; dts_time?: string; flags?: string; size?: string }>;
}

/** Reads ffprobe's JSON: exported for tests. */
export function summarize(json: FfprobeJson): ProbeResult {
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video');
  const audio = streams.find((s) => s.codec_type === 'audio');
  const fps = video ? (rate(video.avg_frame_rate) ?? rate(video.r_frame_rate)) : null;
  const packets = (json.packets ?? []).filter((p) => video && p.stream_index === video.index);

  // A stream joined mid-way may show its first keyframe without a time: place it one
  // frame before the next timed packet.
  const times = packets.map((p) => num(p.pts_time) ?? num(p.dts_time));
  const frame = fps ? 1 / fps : 0;
  const keyTimes: number[] = [];
  packets.forEach((p, i) => {
    if (!p.flags?.startsWith('K')) return;
    const t = times[i] ?? (times[i + 1] != null ? times[i + 1]! - frame : null);
    if (t !== null && t !== undefined) keyTimes.push(t);
  });
  keyTimes.sort((a, b) => a - b);
  let gop: number | null = null;
  for (let i = 1; i < keyTimes.length; i++) gop = Math.max(gop ?? 0, keyTimes[i]! - keyTimes[i - 1]!);

  const timed = times.filter((t): t is number => t !== null);
  const span = timed.length > 1 ? Math.max(...timed) - Math.min(...timed) + frame : 0;
  const bytes = packets.reduce((sum, p) => sum + (Number(p.size) || 0), 0);

  return {
    hasVideo: video !== undefined,
    videoCodec: video?.codec_name ?? null,
    profile: video?.profile && video.profile !== 'unknown' ? video.profile : null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    fps: fps === null ? null : Math.round(fps * 100) / 100,
    gopSeconds: gop === null ? null : Math.round(gop * 1000) / 1000,
    bitrate: span >= 1 ? Math.round((bytes * 8) / span) : null,
    audioCodec: audio?.codec_name ?? null,
    audioProfile: audio?.profile && audio.profile !== 'unknown' ? audio.profile : null,
    audioChannels: audio?.channels ?? null,
    keyframes: keyTimes.length,
    probedSeconds: Math.round(span * 10) / 10,
  };
}

function rate(r: string | undefined): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(r ?? '');
  if (!m || Number(m[2]) === 0 || Number(m[1]) === 0) return null;
  const v = Number(m[1]) / Number(m[2]);
  // ffprobe reports 90000/1 and similar for streams without a real rate.
  return v > 0 && v <= 120 ? v : null;
}

function num(v: string | undefined): number | null {
  if (v === undefined || v === 'N/A') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
