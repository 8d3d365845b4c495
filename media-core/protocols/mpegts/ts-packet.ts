// One MPEG-TS packet (ISO/IEC 13818-1 §2.4.3). Parsing never copies: payload is a view
// into the packet, so callers that keep it past the next push must copy it.

export const TS_PACKET_SIZE = 188;
export const SYNC_BYTE = 0x47;
export const PID_PAT = 0x0000;
export const PID_NULL = 0x1fff;

export interface TsPacket {
  pid: number;
  /** payload_unit_start_indicator: a PES or PSI section starts in this packet. */
  pusi: boolean;
  transportError: boolean;
  continuityCounter: number;
  hasPayload: boolean;
  /** Adaptation field flags; false when there is no adaptation field. */
  discontinuity: boolean;
  randomAccess: boolean;
  /** Program clock reference in 27 MHz units, when present. */
  pcr: number | null;
  /** Payload bytes (empty when the packet carries none). */
  payload: Buffer;
}

/** Reads the PID without a full parse; hot loops use this. */
export function packetPid(buf: Buffer, offset = 0): number {
  return ((buf[offset + 1]! & 0x1f) << 8) | buf[offset + 2]!;
}

export function packetPusi(buf: Buffer, offset = 0): boolean {
  return (buf[offset + 1]! & 0x40) !== 0;
}

/** Parses the packet at `offset`; returns null when there is no sync byte there or the
 *  adaptation field claims more bytes than the packet holds (a corrupt packet). */
export function parseTsPacket(buf: Buffer, offset = 0): TsPacket | null {
  if (offset + TS_PACKET_SIZE > buf.length || buf[offset] !== SYNC_BYTE) return null;
  const b1 = buf[offset + 1]!;
  const b3 = buf[offset + 3]!;
  const afc = (b3 >> 4) & 0x03;
  const end = offset + TS_PACKET_SIZE;
  let pos = offset + 4;
  let discontinuity = false;
  let randomAccess = false;
  let pcr: number | null = null;
  if (afc & 0x02) {
    const afLength = buf[pos]!;
    if (pos + 1 + afLength > end) return null;
    if (afLength > 0) {
      const flags = buf[pos + 1]!;
      discontinuity = (flags & 0x80) !== 0;
      randomAccess = (flags & 0x40) !== 0;
      if (flags & 0x10 && afLength >= 7) pcr = readPcr(buf, pos + 2);
    }
    pos += 1 + afLength;
  }
  const hasPayload = (afc & 0x01) !== 0;
  return {
    pid: ((b1 & 0x1f) << 8) | buf[offset + 2]!,
    pusi: (b1 & 0x40) !== 0,
    transportError: (b1 & 0x80) !== 0,
    continuityCounter: b3 & 0x0f,
    hasPayload,
    discontinuity,
    randomAccess,
    pcr,
    payload: hasPayload ? buf.subarray(pos, end) : buf.subarray(end, end),
  };
}

function readPcr(buf: Buffer, pos: number): number {
  // 33-bit base (90 kHz) * 300 + 9-bit extension; fits a double exactly.
  const base =
    buf[pos]! * 2 ** 25 + buf[pos + 1]! * 2 ** 17 + buf[pos + 2]! * 2 ** 9 + buf[pos + 3]! * 2 + (buf[pos + 4]! >> 7);
  const ext = ((buf[pos + 4]! & 0x01) << 8) | buf[pos + 5]!;
  return base * 300 + ext;
}
