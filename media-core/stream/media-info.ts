import { audioSpecificConfig, parseAdtsHeader } from '../protocols/aac';
import { h264NalType, NAL_TYPE, parseH264Sps, splitNalUnits } from '../protocols/h264';
import type { ElementaryStream } from '../protocols/mpegts';
import type { AccessUnit, CodecConfig } from './types';

const FPS_WINDOW = 30;

/** What the media itself says about a camera: codecs, picture size, frame rate. */
export class MediaInfo {
  videoCodec: string | null = null;
  hasAudio = false;
  private video: NonNullable<CodecConfig['video']> | null = null;
  private audio: CodecConfig['audio'] = null;
  private dtsHistory: number[] = [];

  /** Returns true when a visible property changed. */
  onProgram(streams: ElementaryStream[]): boolean {
    const v = streams.find((s) => s.codec === 'h264' || s.codec === 'h265');
    const videoCodec = v?.codec ?? null;
    const hasAudio = streams.some((s) => s.codec === 'aac');
    const changed = videoCodec !== this.videoCodec || hasAudio !== this.hasAudio;
    this.videoCodec = videoCodec;
    this.hasAudio = hasAudio;
    if (videoCodec !== this.video?.codec) this.video = null;
    if (!hasAudio) this.audio = null;
    return changed;
  }

  /** Returns true when a visible property changed. */
  onAccessUnit(au: AccessUnit): boolean {
    if (au.kind === 'audio') return this.onAudio(au);
    this.trackFps(au.dts);
    if (!au.keyframe) return false;
    const before = this.video;
    this.video = { ...(before ?? emptyVideo(au.codec)), codec: au.codec };
    if (au.codec === 'h264') this.readH264ParameterSets(au.data);
    const after = this.video;
    return (
      !before || before.profile !== after.profile || before.width !== after.width || before.height !== after.height
    );
  }

  fps(): number | null {
    const h = this.dtsHistory;
    if (h.length < 2) return null;
    const span = h[h.length - 1]! - h[0]!;
    return span > 0 ? Math.round(((h.length - 1) * 90000 * 100) / span) / 100 : null;
  }

  codecConfig(): CodecConfig {
    return { video: this.video ? { ...this.video } : null, audio: this.audio ? { ...this.audio } : null };
  }

  /** After an upstream restart timestamps restart and the audio format may differ. */
  onDiscontinuity(): void {
    this.dtsHistory = [];
    this.audio = null;
  }

  private trackFps(dts: number): void {
    const h = this.dtsHistory;
    if (h.length && dts <= h[h.length - 1]!) this.dtsHistory = [];
    this.dtsHistory.push(dts);
    if (this.dtsHistory.length > FPS_WINDOW) this.dtsHistory.shift();
  }

  private readH264ParameterSets(data: Buffer): void {
    const video = this.video!;
    for (const nal of splitNalUnits(data)) {
      const t = h264NalType(nal);
      if (t === NAL_TYPE.PPS && !video.pps?.equals(nal)) video.pps = Buffer.from(nal);
      if (t !== NAL_TYPE.SPS || video.sps?.equals(nal)) continue;
      video.sps = Buffer.from(nal);
      try {
        const sps = parseH264Sps(nal);
        Object.assign(video, { profile: sps.profile, level: sps.level, width: sps.width, height: sps.height });
      } catch {
        // A truncated SPS: keep what we knew; the next keyframe repeats it.
      }
    }
  }

  private onAudio(au: AccessUnit): boolean {
    if (this.audio) return false;
    const h = parseAdtsHeader(au.data);
    if (!h) return false;
    this.audio = { codec: 'aac', sampleRate: h.sampleRate, channels: h.channelConfig, config: audioSpecificConfig(h) };
    return false;
  }

  get profile(): string | null {
    return this.video?.profile ?? null;
  }
  get width(): number | null {
    return this.video?.width ?? null;
  }
  get height(): number | null {
    return this.video?.height ?? null;
  }
}

function emptyVideo(codec: string): NonNullable<CodecConfig['video']> {
  return { codec, profile: null, level: null, width: null, height: null, sps: null, pps: null };
}
