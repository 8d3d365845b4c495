import { describe, expect, it } from 'vitest';
import { codecOfStreamType, parsePat, parsePmt, STREAM_TYPE } from './psi';
import { patPayload, pmtPayload } from './testing/build-packets';

describe('PAT / PMT', () => {
  it('reads the PMT PID of each program and skips the network PID entry', () => {
    const pat = patPayload([
      { programNumber: 0, pmtPid: 0x10 },
      { programNumber: 1, pmtPid: 0x1000 },
    ]);
    expect(parsePat(pat)).toEqual([{ programNumber: 1, pmtPid: 0x1000 }]);
  });

  it('reads PCR PID, version and the elementary streams with their types', () => {
    const pmt = pmtPayload(
      0x100,
      [
        { streamType: STREAM_TYPE.H264, pid: 0x100 },
        { streamType: STREAM_TYPE.AAC_ADTS, pid: 0x101 },
        { streamType: STREAM_TYPE.H265, pid: 0x102 },
        { streamType: 0x06, pid: 0x103 },
      ],
      3,
    );
    const parsed = parsePmt(pmt)!;
    expect(parsed.pcrPid).toBe(0x100);
    expect(parsed.version).toBe(3);
    expect(parsed.streams.map((s) => [s.pid, codecOfStreamType(s.streamType)])).toEqual([
      [0x100, 'h264'],
      [0x101, 'aac'],
      [0x102, 'h265'],
      [0x103, null],
    ]);
  });

  it('rejects sections with a bad CRC, the wrong table, or a truncated body', () => {
    const pat = patPayload([{ programNumber: 1, pmtPid: 0x1000 }]);
    const corrupt = Buffer.from(pat);
    corrupt[10]! ^= 0x01;
    expect(parsePat(corrupt)).toBeNull();
    expect(parsePmt(pat)).toBeNull();
    expect(parsePat(pat.subarray(0, 10))).toBeNull();
  });

  it('honours the pointer field', () => {
    const pat = patPayload([{ programNumber: 1, pmtPid: 0x42 }]);
    const shifted = Buffer.concat([Buffer.from([3, 0xaa, 0xbb, 0xcc]), pat.subarray(1)]);
    expect(parsePat(shifted)).toEqual([{ programNumber: 1, pmtPid: 0x42 }]);
  });
});
