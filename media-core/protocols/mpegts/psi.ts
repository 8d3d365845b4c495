import { crc32Mpeg } from './crc32';

// Program Specific Information: PAT and PMT sections (ISO/IEC 13818-1 §2.4.4).
// ffmpeg and cameras put each section in a single packet; a section that spans packets
// is reported as incomplete (null) rather than reassembled, and the next repetition
// (PSI repeats several times a second) is used instead.

export const STREAM_TYPE = {
  H264: 0x1b,
  H265: 0x24,
  AAC_ADTS: 0x0f,
} as const;

export interface PatEntry {
  programNumber: number;
  pmtPid: number;
}

export interface PmtStream {
  streamType: number;
  pid: number;
}

export interface Pmt {
  programNumber: number;
  version: number;
  pcrPid: number;
  streams: PmtStream[];
}

interface Section {
  tableId: number;
  /** Bytes after the 3-byte section header up to (not including) the CRC. */
  body: Buffer;
}

/** Extracts the section that starts in a PUSI packet's payload; null if the payload is
 *  not a complete, CRC-valid section. */
export function readSection(payload: Buffer): Section | null {
  if (payload.length < 1) return null;
  const start = 1 + payload[0]!; // pointer_field
  if (start + 3 > payload.length) return null;
  const tableId = payload[start]!;
  if (tableId === 0xff) return null;
  const sectionLength = ((payload[start + 1]! & 0x0f) << 8) | payload[start + 2]!;
  const end = start + 3 + sectionLength;
  if (sectionLength < 9 || end > payload.length) return null;
  if (crc32Mpeg(payload, start, end) !== 0) return null; // CRC over section incl. CRC is 0
  return { tableId, body: payload.subarray(start + 3, end - 4) };
}

export function parsePat(payload: Buffer): PatEntry[] | null {
  const s = readSection(payload);
  if (!s || s.tableId !== 0x00) return null;
  const entries: PatEntry[] = [];
  for (let p = 5; p + 4 <= s.body.length; p += 4) {
    const programNumber = s.body.readUInt16BE(p);
    const pid = ((s.body[p + 2]! & 0x1f) << 8) | s.body[p + 3]!;
    if (programNumber !== 0) entries.push({ programNumber, pmtPid: pid }); // 0 = network PID
  }
  return entries;
}

export function parsePmt(payload: Buffer): Pmt | null {
  const s = readSection(payload);
  if (!s || s.tableId !== 0x02 || s.body.length < 9) return null;
  const b = s.body;
  const programNumber = b.readUInt16BE(0);
  const version = (b[2]! >> 1) & 0x1f;
  const pcrPid = ((b[5]! & 0x1f) << 8) | b[6]!;
  const programInfoLength = ((b[7]! & 0x0f) << 8) | b[8]!;
  const streams: PmtStream[] = [];
  let p = 9 + programInfoLength;
  while (p + 5 <= b.length) {
    const streamType = b[p]!;
    const pid = ((b[p + 1]! & 0x1f) << 8) | b[p + 2]!;
    const esInfoLength = ((b[p + 3]! & 0x0f) << 8) | b[p + 4]!;
    streams.push({ streamType, pid });
    p += 5 + esInfoLength;
  }
  return { programNumber, version, pcrPid, streams };
}

export function isVideoStreamType(t: number): boolean {
  return t === STREAM_TYPE.H264 || t === STREAM_TYPE.H265;
}

export function codecOfStreamType(t: number): 'h264' | 'h265' | 'aac' | null {
  if (t === STREAM_TYPE.H264) return 'h264';
  if (t === STREAM_TYPE.H265) return 'h265';
  if (t === STREAM_TYPE.AAC_ADTS) return 'aac';
  return null;
}
