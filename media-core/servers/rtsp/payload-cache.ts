import { aacPayloads, h264Payloads, type RtpPayload } from '../../protocols/rtp';
import type { RtspAccessUnit, RtspCodecConfig } from './types';

/**
 * Packetizes each access unit once for all sessions: the hub hands the same object to
 * every reader, so a WeakMap keyed by it shares the payloads and forgets them with the
 * access unit. Only the RTP headers differ per session.
 */
export class PayloadCache {
  private readonly cache = new WeakMap<RtspAccessUnit, RtpPayload[]>();

  payloads(au: RtspAccessUnit, config: () => RtspCodecConfig): RtpPayload[] {
    let p = this.cache.get(au);
    if (!p) {
      p = au.codec === 'h264' ? h264Payloads(au.data, { parameterSets: au.keyframe ? parameterSets(config()) : null }) : au.codec === 'aac' ? aacPayloads(au.data) : [];
      this.cache.set(au, p);
    }
    return p;
  }
}

function parameterSets(cfg: RtspCodecConfig): { sps: Buffer; pps: Buffer } | null {
  const v = cfg.video;
  return v?.sps && v.pps ? { sps: v.sps, pps: v.pps } : null;
}
