// RTCP (RFC 3550 §6): the sender report that ties each track's RTP clock to one wall
// clock, so a receiver can line audio up with video; plus just enough parsing of what
// clients send back (receiver reports, BYE) to treat it as a sign of life.

export const RTCP_SR = 200;
export const RTCP_RR = 201;
export const RTCP_SDES = 202;
export const RTCP_BYE = 203;

const NTP_EPOCH_OFFSET_SEC = 2_208_988_800; // 1900-01-01 → 1970-01-01

export interface SenderReport {
  ssrc: number;
  /** Wall-clock time (Unix ms, may be fractional) that rtpTime corresponds to. */
  ntpMs: number;
  rtpTime: number;
  packets: number;
  octets: number;
  /** Canonical name for the SDES item that must accompany a report. */
  cname: string;
}

/** A compound RTCP packet: SR (no report blocks: we receive nothing) + SDES CNAME. */
export function buildSenderReport(r: SenderReport): Buffer {
  const cname = Buffer.from(r.cname.slice(0, 255), 'utf8').subarray(0, 255);
  // SDES chunk: SSRC, item (type 1, len, text), end item, padded to 32 bits.
  const chunkLen = 4 + 2 + cname.length + 1;
  const sdesLen = 4 + Math.ceil(chunkLen / 4) * 4;
  const out = Buffer.alloc(28 + sdesLen);
  out[0] = 0x80;
  out[1] = RTCP_SR;
  out.writeUInt16BE(28 / 4 - 1, 2);
  out.writeUInt32BE(r.ssrc >>> 0, 4);
  const sec = Math.floor(r.ntpMs / 1000);
  const frac = Math.floor(((r.ntpMs - sec * 1000) / 1000) * 2 ** 32);
  out.writeUInt32BE((sec + NTP_EPOCH_OFFSET_SEC) >>> 0, 8);
  out.writeUInt32BE(Math.min(frac, 2 ** 32 - 1) >>> 0, 12);
  out.writeUInt32BE(r.rtpTime >>> 0, 16);
  out.writeUInt32BE(r.packets >>> 0, 20);
  out.writeUInt32BE(r.octets >>> 0, 24);
  const s = 28;
  out[s] = 0x81; // V=2, one chunk
  out[s + 1] = RTCP_SDES;
  out.writeUInt16BE(sdesLen / 4 - 1, s + 2);
  out.writeUInt32BE(r.ssrc >>> 0, s + 4);
  out[s + 8] = 1; // CNAME
  out[s + 9] = cname.length;
  cname.copy(out, s + 10);
  return out; // remaining bytes are zero: the end-of-items marker and padding
}

export interface RtcpPacketInfo {
  type: number;
  ssrc: number | null;
}

/** The packet types (and sender SSRCs) of a compound RTCP packet; [] if it is not RTCP. */
export function parseRtcpCompound(buf: Buffer): RtcpPacketInfo[] {
  const out: RtcpPacketInfo[] = [];
  let pos = 0;
  while (pos + 4 <= buf.length && out.length < 32) {
    if (buf[pos]! >> 6 !== 2) return [];
    const type = buf[pos + 1]!;
    if (type < 192 || type > 223) return [];
    const len = (buf.readUInt16BE(pos + 2) + 1) * 4;
    if (pos + len > buf.length) return out.length > 0 ? out : [];
    out.push({ type, ssrc: len >= 8 ? buf.readUInt32BE(pos + 4) : null });
    pos += len;
  }
  return out;
}

/** SR fields for tests and the benchmark client. */
export function readSenderReport(buf: Buffer): { ssrc: number; ntpMs: number; rtpTime: number; packets: number; octets: number } | null {
  if (buf.length < 28 || buf[1] !== RTCP_SR) return null;
  const sec = buf.readUInt32BE(8) - NTP_EPOCH_OFFSET_SEC;
  const frac = buf.readUInt32BE(12) / 2 ** 32;
  return { ssrc: buf.readUInt32BE(4), ntpMs: (sec + frac) * 1000, rtpTime: buf.readUInt32BE(16), packets: buf.readUInt32BE(20), octets: buf.readUInt32BE(24) };
}
