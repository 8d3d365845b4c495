// RTP fixed header (RFC 3550 §5.1). Payloads are produced once per access unit and shared
// by every session; each session writes its own header (sequence, timestamp, SSRC).

export const RTP_HEADER_BYTES = 12;
/** RTP payload bytes per packet: 1400-byte datagrams stay below any common path MTU. */
export const DEFAULT_MAX_PAYLOAD = 1400 - RTP_HEADER_BYTES;

export interface RtpPayload {
  /** Payload-format header (FU indicator + header, AU-header section), if any. */
  head: Buffer | null;
  body: Buffer;
  marker: boolean;
  /** Added to the access unit's RTP timestamp (audio packets after the first frame). */
  tsOffset: number;
}

export interface RtpHeaderFields {
  marker: boolean;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
}

export function writeRtpHeader(out: Buffer, offset: number, h: RtpHeaderFields): void {
  out[offset] = 0x80; // V=2, no padding, no extension, no CSRC
  out[offset + 1] = (h.marker ? 0x80 : 0) | (h.payloadType & 0x7f);
  out.writeUInt16BE(h.sequence & 0xffff, offset + 2);
  out.writeUInt32BE(h.timestamp >>> 0, offset + 4);
  out.writeUInt32BE(h.ssrc >>> 0, offset + 8);
}

export function payloadBytes(p: RtpPayload): number {
  return (p.head?.length ?? 0) + p.body.length;
}

/** Parses an RTP header (for tests and the benchmark client). */
export function readRtpHeader(buf: Buffer): (RtpHeaderFields & { headerBytes: number }) | null {
  if (buf.length < RTP_HEADER_BYTES || buf[0]! >> 6 !== 2) return null;
  const cc = buf[0]! & 0x0f;
  let headerBytes = RTP_HEADER_BYTES + 4 * cc;
  if (buf[0]! & 0x10) {
    if (buf.length < headerBytes + 4) return null;
    headerBytes += 4 + 4 * buf.readUInt16BE(headerBytes + 2);
  }
  if (buf.length < headerBytes) return null;
  return {
    marker: (buf[1]! & 0x80) !== 0,
    payloadType: buf[1]! & 0x7f,
    sequence: buf.readUInt16BE(2),
    timestamp: buf.readUInt32BE(4),
    ssrc: buf.readUInt32BE(8),
    headerBytes,
  };
}
