// Test support: hand-built MPEG-TS packets, PSI sections and PES packets, so parser tests
// can state exactly which bits they feed in.
import { crc32Mpeg } from '../crc32';
import { TS_PACKET_SIZE } from '../ts-packet';

export interface PacketSpec {
  pid: number;
  pusi?: boolean;
  cc?: number;
  randomAccess?: boolean;
  discontinuity?: boolean;
  /** PCR base (90 kHz). */
  pcrBase?: number;
  payload?: Buffer;
}

/** One 188-byte packet; the payload is padded with adaptation-field stuffing. */
export function tsPacket(s: PacketSpec): Buffer {
  const payload = s.payload ?? Buffer.alloc(0);
  const pkt = Buffer.alloc(TS_PACKET_SIZE, 0xff);
  const wantAf = s.randomAccess || s.discontinuity || s.pcrBase !== undefined || payload.length < 184;
  let afBody = Buffer.alloc(0);
  if (wantAf) {
    const flags = (s.discontinuity ? 0x80 : 0) | (s.randomAccess ? 0x40 : 0) | (s.pcrBase !== undefined ? 0x10 : 0);
    const pcr = s.pcrBase !== undefined ? pcrBytes(s.pcrBase) : Buffer.alloc(0);
    afBody = Buffer.concat([Buffer.from([flags]), pcr]);
  }
  const afLength = wantAf ? Math.max(afBody.length, TS_PACKET_SIZE - 5 - payload.length) : 0;
  if (payload.length > TS_PACKET_SIZE - 4 - (wantAf ? 1 + afLength : 0)) throw new Error('payload too large');
  const afc = (wantAf ? 0x20 : 0) | (payload.length > 0 ? 0x10 : 0);
  pkt[0] = 0x47;
  pkt[1] = (s.pusi ? 0x40 : 0) | ((s.pid >> 8) & 0x1f);
  pkt[2] = s.pid & 0xff;
  pkt[3] = afc | ((s.cc ?? 0) & 0x0f);
  let pos = 4;
  if (wantAf) {
    pkt[pos] = afLength;
    if (afLength > 0) pkt[pos + 1] = 0; // flags byte, even when only stuffing follows
    afBody.copy(pkt, pos + 1);
    pos += 1 + afLength;
  }
  payload.copy(pkt, pos);
  return pkt;
}

function pcrBytes(base: number): Buffer {
  const b = Buffer.alloc(6);
  b[0] = Math.floor(base / 2 ** 25) & 0xff;
  b[1] = Math.floor(base / 2 ** 17) & 0xff;
  b[2] = Math.floor(base / 2 ** 9) & 0xff;
  b[3] = Math.floor(base / 2) & 0xff;
  b[4] = ((base % 2) << 7) | 0x7e;
  b[5] = 0;
  return b;
}

/** A PSI section payload (pointer_field 0 first) with a correct CRC. */
function section(tableId: number, idExt: number, body: Buffer, version = 0): Buffer {
  const sectionLength = 5 + body.length + 4;
  const head = Buffer.from([
    tableId,
    0xb0 | ((sectionLength >> 8) & 0x0f),
    sectionLength & 0xff,
    idExt >> 8,
    idExt & 0xff,
    0xc1 | ((version & 0x1f) << 1),
    0,
    0,
  ]);
  const withoutCrc = Buffer.concat([head, body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32Mpeg(withoutCrc));
  return Buffer.concat([Buffer.from([0]), withoutCrc, crc]);
}

export function patPayload(programs: Array<{ programNumber: number; pmtPid: number }>): Buffer {
  const body = Buffer.concat(
    programs.map((p) => Buffer.from([p.programNumber >> 8, p.programNumber & 0xff, 0xe0 | (p.pmtPid >> 8), p.pmtPid & 0xff])),
  );
  return section(0x00, 1, body);
}

export function pmtPayload(pcrPid: number, streams: Array<{ streamType: number; pid: number }>, version = 0): Buffer {
  const head = Buffer.from([0xe0 | (pcrPid >> 8), pcrPid & 0xff, 0xf0, 0x00]);
  const es = streams.map((s) => Buffer.from([s.streamType, 0xe0 | (s.pid >> 8), s.pid & 0xff, 0xf0, 0x00]));
  return section(0x02, 1, Buffer.concat([head, ...es]), version);
}

/** A PES packet; `bounded` writes PES_packet_length (else 0, as for video). */
export function pesPacket(streamId: number, es: Buffer, pts: number | null, dts: number | null = null, bounded = true): Buffer {
  const fields: Buffer[] = [];
  if (pts !== null) fields.push(timestampBytes(dts !== null ? 0x3 : 0x2, pts));
  if (pts !== null && dts !== null) fields.push(timestampBytes(0x1, dts));
  const header = Buffer.concat(fields);
  const flags = pts === null ? 0 : dts === null ? 0x80 : 0xc0;
  const length = bounded ? 3 + header.length + es.length : 0;
  return Buffer.concat([Buffer.from([0, 0, 1, streamId, length >> 8, length & 0xff, 0x80, flags, header.length]), header, es]);
}

function timestampBytes(prefix: number, ts: number): Buffer {
  return Buffer.from([
    (prefix << 4) | ((Math.floor(ts / 2 ** 30) & 0x07) << 1) | 1,
    Math.floor(ts / 2 ** 22) & 0xff,
    ((Math.floor(ts / 2 ** 15) & 0x7f) << 1) | 1,
    Math.floor(ts / 2 ** 7) & 0xff,
    ((ts & 0x7f) << 1) | 1,
  ]);
}

/** Splits a PES into TS packets of one PID (PUSI on the first, CC counting up). */
export function packetize(pid: number, pes: Buffer, opts: { cc?: number; randomAccess?: boolean } = {}): Buffer[] {
  const out: Buffer[] = [];
  let cc = opts.cc ?? 0;
  for (let pos = 0; pos < pes.length; ) {
    const first = pos === 0;
    const room = first && opts.randomAccess ? 182 : 184;
    const n = Math.min(room, pes.length - pos);
    out.push(tsPacket({ pid, pusi: first, cc: cc++ & 0x0f, randomAccess: first && opts.randomAccess, payload: pes.subarray(pos, pos + n) }));
    pos += n;
  }
  return out;
}
