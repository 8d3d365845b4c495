// RFC 3640 mode AAC-hbr: AU-headers-length (16 bits), then one 16-bit AU-header per
// access unit (13-bit size, 3-bit index/index-delta = 0: consecutive frames), then the raw
// frames. ADTS headers are stripped: the SDP's config= carries what they said.
import { splitAdtsFrames, SAMPLES_PER_FRAME } from '../aac';
import { DEFAULT_MAX_PAYLOAD, type RtpPayload } from './rtp-packet';

function auHeaders(sizes: number[]): Buffer {
  const b = Buffer.allocUnsafe(2 + 2 * sizes.length);
  b.writeUInt16BE(16 * sizes.length, 0);
  sizes.forEach((s, i) => b.writeUInt16BE((s & 0x1fff) << 3, 2 + 2 * i));
  return b;
}

/** Payloads for one or more concatenated ADTS frames; tsOffset counts samples from the
 *  first frame. A frame too large for one packet is fragmented (RFC 3640 §3.2.3). */
export function aacPayloads(adts: Buffer, maxPayload = DEFAULT_MAX_PAYLOAD): RtpPayload[] {
  const frames = splitAdtsFrames(adts).map((f, i) => ({
    raw: f.frame.subarray(f.header.headerLength),
    offset: i * SAMPLES_PER_FRAME * f.header.blocks,
  }));
  const out: RtpPayload[] = [];
  let group: typeof frames = [];
  let groupBytes = 2;
  const flush = () => {
    if (group.length === 0) return;
    const body = group.length === 1 ? group[0]!.raw : Buffer.concat(group.map((g) => g.raw));
    out.push({ head: auHeaders(group.map((g) => g.raw.length)), body, marker: true, tsOffset: group[0]!.offset });
    group = [];
    groupBytes = 2;
  };
  for (const f of frames) {
    if (f.raw.length + 4 > maxPayload) {
      flush();
      const head = auHeaders([f.raw.length]);
      const step = maxPayload - head.length;
      for (let pos = 0; pos < f.raw.length; pos += step) {
        const last = pos + step >= f.raw.length;
        out.push({ head, body: f.raw.subarray(pos, pos + step), marker: last, tsOffset: f.offset });
      }
      continue;
    }
    if (groupBytes + 2 + f.raw.length > maxPayload) flush();
    group.push(f);
    groupBytes += 2 + f.raw.length;
  }
  flush();
  return out;
}
