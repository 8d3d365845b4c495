// RFC 6184 packetization-mode 1: single NAL unit packets, and FU-A fragments for NAL
// units larger than one packet. The marker bit closes each access unit.
import { h264NalType, NAL_TYPE, splitNalUnits } from '../h264';
import { DEFAULT_MAX_PAYLOAD, type RtpPayload } from './rtp-packet';

const FU_A = 28;
const FILLER = 12;

export interface H264PayloadOptions {
  maxPayload?: number;
  /** Inserted ahead of an IDR picture whose access unit carries no SPS/PPS of its own, so
   *  a client can start decoding at any keyframe without the SDP's sprop-parameter-sets. */
  parameterSets?: { sps: Buffer; pps: Buffer } | null;
}

/** The NAL units to send for one Annex-B access unit: AUD and filler dropped (RFC 6184
 *  lets them go; they only cost packets), parameter sets added before an IDR if absent. */
export function h264NalUnitsToSend(au: Buffer, parameterSets?: { sps: Buffer; pps: Buffer } | null): Buffer[] {
  const nals = splitNalUnits(au).filter((n) => {
    const t = h264NalType(n);
    return t !== NAL_TYPE.AUD && t !== FILLER;
  });
  if (parameterSets && nals.some((n) => h264NalType(n) === NAL_TYPE.IDR)) {
    const hasSps = nals.some((n) => h264NalType(n) === NAL_TYPE.SPS);
    const hasPps = nals.some((n) => h264NalType(n) === NAL_TYPE.PPS);
    const extra: Buffer[] = [];
    if (!hasSps) extra.push(parameterSets.sps);
    if (!hasPps) extra.push(parameterSets.pps);
    if (extra.length > 0) {
      const firstVcl = nals.findIndex((n) => {
        const t = h264NalType(n);
        return t >= 1 && t <= 5;
      });
      nals.splice(firstVcl < 0 ? 0 : firstVcl, 0, ...extra);
    }
  }
  return nals;
}

export function h264Payloads(au: Buffer, opts: H264PayloadOptions = {}): RtpPayload[] {
  const max = opts.maxPayload ?? DEFAULT_MAX_PAYLOAD;
  const out: RtpPayload[] = [];
  for (const nal of h264NalUnitsToSend(au, opts.parameterSets)) {
    if (nal.length <= max) {
      out.push({ head: null, body: nal, marker: false, tsOffset: 0 });
      continue;
    }
    const indicator = (nal[0]! & 0xe0) | FU_A;
    const type = nal[0]! & 0x1f;
    const step = max - 2;
    for (let pos = 1; pos < nal.length; pos += step) {
      const start = pos === 1;
      const end = pos + step >= nal.length;
      const head = Buffer.from([indicator, (start ? 0x80 : 0) | (end ? 0x40 : 0) | type]);
      out.push({ head, body: nal.subarray(pos, Math.min(nal.length, pos + step)), marker: false, tsOffset: 0 });
    }
  }
  if (out.length > 0) out[out.length - 1]!.marker = true;
  return out;
}
