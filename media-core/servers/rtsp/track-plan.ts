import type { SdpTrack } from '../../protocols/rtsp';
import type { RtspCodecConfig } from './types';

export interface PlannedTrack {
  index: number;
  kind: 'video' | 'audio';
  clockRate: number;
  payloadType: number;
  sdp: SdpTrack;
}

export type TrackPlan = { ok: true; tracks: PlannedTrack[] } | { ok: false; reason: 'not-ready' | 'unsupported' };

export const trackControl = (index: number) => `trackID=${index}`;

/** The RTP tracks a camera's current codecs allow: H.264 video (needs SPS and PPS for the
 *  SDP) and AAC audio. Video always comes first so trackID=0 is the picture. */
export function planTracks(cfg: RtspCodecConfig): TrackPlan {
  const tracks: PlannedTrack[] = [];
  const v = cfg.video;
  if (v && v.codec === 'h264') {
    if (!v.sps || !v.pps) return { ok: false, reason: 'not-ready' };
    tracks.push({ index: 0, kind: 'video', clockRate: 90000, payloadType: 96, sdp: { kind: 'h264', payloadType: 96, control: trackControl(0), sps: v.sps, pps: v.pps } });
  }
  const a = cfg.audio;
  if (a && a.codec === 'aac' && a.sampleRate > 0 && a.channels > 0) {
    const index = tracks.length;
    tracks.push({
      index,
      kind: 'audio',
      clockRate: a.sampleRate,
      payloadType: 97,
      sdp: { kind: 'aac', payloadType: 97, control: trackControl(index), sampleRate: a.sampleRate, channels: a.channels, config: a.config },
    });
  }
  if (tracks.length === 0) return { ok: false, reason: v || a ? 'unsupported' : 'not-ready' };
  return { ok: true, tracks };
}
