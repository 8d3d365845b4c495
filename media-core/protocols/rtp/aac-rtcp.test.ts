import { describe, expect, it } from 'vitest';
import { aacPayloads } from './aac-payloads';
import { buildSenderReport, parseRtcpCompound, readSenderReport, RTCP_SDES, RTCP_SR } from './rtcp';
import { readRtpHeader, writeRtpHeader } from './rtp-packet';

/** An ADTS frame (AAC-LC, 48 kHz, mono) with `len` payload bytes. */
function adts(len: number, fill: number): Buffer {
  const full = len + 7;
  const h = Buffer.from([0xff, 0xf1, 0x4c, 0x40 | ((full >> 11) & 0x03), (full >> 3) & 0xff, ((full & 7) << 5) | 0x1f, 0xfc]);
  return Buffer.concat([h, Buffer.alloc(len, fill)]);
}

describe('AAC RTP payloads (RFC 3640 AAC-hbr)', () => {
  it('strips the ADTS header and writes one AU-header (13-bit size, index 0)', () => {
    const [p] = aacPayloads(adts(200, 1));
    expect(p!.head).toEqual(Buffer.from([0x00, 0x10, (200 >> 5) & 0xff, (200 & 0x1f) << 3]));
    expect(p!.body).toEqual(Buffer.alloc(200, 1));
    expect(p!.marker).toBe(true);
  });

  it('groups consecutive frames in one packet; later packets carry their sample offset', () => {
    const p = aacPayloads(Buffer.concat([adts(300, 1), adts(300, 2), adts(300, 3), adts(300, 4), adts(300, 5)]), 1000);
    expect(p.map((x) => [x.head!.readUInt16BE(0), x.body.length, x.tsOffset])).toEqual([
      [48, 900, 0],
      [32, 600, 3072],
    ]);
  });

  it('fragments a frame larger than a packet, marking only the last fragment', () => {
    const p = aacPayloads(adts(2500, 9), 1000);
    expect(p.map((x) => [x.body.length, x.marker])).toEqual([[996, false], [996, false], [508, true]]);
    expect(p.every((x) => x.head!.readUInt16BE(2) >> 3 === 2500)).toBe(true);
  });
});

describe('RTP header and RTCP sender report', () => {
  it('writes and reads back an RTP header, wrapping timestamps at 32 bits', () => {
    const b = Buffer.alloc(12);
    writeRtpHeader(b, 0, { marker: true, payloadType: 96, sequence: 65536 + 5, timestamp: 2 ** 32 + 7, ssrc: 0xdeadbeef });
    expect(readRtpHeader(b)).toEqual({ marker: true, payloadType: 96, sequence: 5, timestamp: 7, ssrc: 0xdeadbeef, headerBytes: 12 });
  });

  it('builds an SR + SDES compound that maps wall clock to RTP time', () => {
    const ntpMs = Date.UTC(2024, 9, 1, 12, 0, 0, 250);
    const sr = buildSenderReport({ ssrc: 42, ntpMs, rtpTime: 123456, packets: 10, octets: 9999, cname: 'wink-test' });
    expect(sr.length % 4).toBe(0);
    expect(parseRtcpCompound(sr)).toEqual([
      { type: RTCP_SR, ssrc: 42 },
      { type: RTCP_SDES, ssrc: 42 },
    ]);
    const r = readSenderReport(sr)!;
    expect(r).toMatchObject({ ssrc: 42, rtpTime: 123456, packets: 10, octets: 9999 });
    expect(Math.abs(r.ntpMs - ntpMs)).toBeLessThan(0.001);
    expect(parseRtcpCompound(Buffer.from('not rtcp'))).toEqual([]);
  });
});
