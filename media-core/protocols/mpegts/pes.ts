// PES packet header (ISO/IEC 13818-1 §2.4.3.6) and reassembly from TS payloads.

export interface PesHeader {
  streamId: number;
  /** PES_packet_length; 0 means "unbounded" (usual for video). */
  packetLength: number;
  pts: number | null;
  dts: number | null;
  /** Offset of the elementary-stream payload from the start of the PES packet. */
  payloadOffset: number;
}

// Stream ids without the optional PES header (padding, private_stream_2, ECM, ...).
const NO_OPTIONAL_HEADER = new Set([0xbc, 0xbe, 0xbf, 0xf0, 0xf1, 0xf2, 0xf8, 0xff]);

/** Parses a PES header at the start of `buf`; null if it is not one or is truncated. */
export function parsePesHeader(buf: Buffer): PesHeader | null {
  if (buf.length < 6 || buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 1) return null;
  const streamId = buf[3]!;
  const packetLength = buf.readUInt16BE(4);
  if (NO_OPTIONAL_HEADER.has(streamId)) return { streamId, packetLength, pts: null, dts: null, payloadOffset: 6 };
  if (buf.length < 9 || (buf[6]! & 0xc0) !== 0x80) return null;
  const flags = buf[7]! >> 6;
  const headerDataLength = buf[8]!;
  const payloadOffset = 9 + headerDataLength;
  if (payloadOffset > buf.length) return null;
  let pts: number | null = null;
  let dts: number | null = null;
  if (flags & 0x02 && headerDataLength >= 5) pts = readTimestamp(buf, 9);
  if (flags === 0x03 && headerDataLength >= 10) dts = readTimestamp(buf, 14);
  return { streamId, packetLength, pts, dts, payloadOffset };
}

function readTimestamp(buf: Buffer, p: number): number {
  return (
    ((buf[p]! >> 1) & 0x07) * 2 ** 30 +
    (buf[p + 1]! << 22) +
    ((buf[p + 2]! >> 1) << 15) +
    (buf[p + 3]! << 7) +
    (buf[p + 4]! >> 1)
  );
}

export interface Pes {
  pid: number;
  pts: number | null;
  dts: number | null;
  /** Random access indicator of the packet that started this PES. */
  randomAccess: boolean;
  /** Elementary-stream bytes (header stripped). */
  data: Buffer;
}

/** Largest PES we reassemble; beyond this the PES is dropped (bounded memory). */
export const MAX_PES_BYTES = 8 * 1024 * 1024;

/**
 * Collects one PID's TS payloads into PES packets. A PES ends when its declared length
 * is reached or, for unbounded PES (video), when the next one starts.
 */
export class PesAssembler {
  private parts: Buffer[] = [];
  private size = 0;
  private randomAccess = false;
  private active = false;

  constructor(
    readonly pid: number,
    private readonly emit: (pes: Pes) => void,
  ) {}

  /** Payload of one TS packet of this PID. The bytes are copied if kept. */
  push(payload: Buffer, pusi: boolean, randomAccess: boolean): void {
    if (pusi) {
      this.flush();
      this.active = true;
      this.randomAccess = randomAccess;
    } else if (!this.active) {
      return; // joined mid-PES: wait for the next start
    }
    if (this.size + payload.length > MAX_PES_BYTES) {
      this.drop();
      return;
    }
    this.parts.push(Buffer.from(payload));
    this.size += payload.length;
    if (this.size >= 6) this.completeIfBounded();
  }

  /** Bytes of the PES in progress (header included), or null when none. */
  partial(): Buffer | null {
    if (!this.active || this.size === 0) return null;
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts, this.size)];
    return this.parts[0]!;
  }

  /** Emits the PES in progress, if it parses. */
  flush(): void {
    if (!this.active) return;
    const buf = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    const randomAccess = this.randomAccess;
    this.drop();
    const h = parsePesHeader(buf);
    if (!h) return;
    const end = h.packetLength ? Math.min(buf.length, 6 + h.packetLength) : buf.length;
    if (end <= h.payloadOffset) return;
    this.emit({ pid: this.pid, pts: h.pts, dts: h.dts, randomAccess, data: buf.subarray(h.payloadOffset, end) });
  }

  /** Forgets the PES in progress (after a continuity error or an upstream restart). */
  drop(): void {
    this.parts = [];
    this.size = 0;
    this.active = false;
    this.randomAccess = false;
  }

  private completeIfBounded(): void {
    const first = this.parts[0]!.length >= 6 ? this.parts[0]! : this.partial()!;
    const len = first.readUInt16BE(4);
    if (len !== 0 && this.size >= 6 + len) this.flush();
  }
}
