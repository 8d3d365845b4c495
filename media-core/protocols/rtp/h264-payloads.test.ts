import { describe, expect, it } from 'vitest';
import { h264Payloads } from './h264-payloads';
import type { RtpPayload } from './rtp-packet';

const sc = Buffer.from([0, 0, 0, 1]);
const nal = (type: number, len: number, fill = 0xab) => Buffer.concat([Buffer.from([0x60 | type]), Buffer.alloc(len - 1, fill)]);
const annexB = (...nals: Buffer[]) => Buffer.concat(nals.flatMap((n) => [sc, n]));
const whole = (p: RtpPayload) => Buffer.concat([p.head ?? Buffer.alloc(0), p.body]);

/** Depacketizes as a receiver would (RFC 6184 §5.6 and §5.8). */
function depacketize(payloads: RtpPayload[]): Buffer[] {
  const out: Buffer[] = [];
  let fu: Buffer[] | null = null;
  for (const p of payloads.map(whole)) {
    if ((p[0]! & 0x1f) !== 28) {
      out.push(p);
      continue;
    }
    const start = (p[1]! & 0x80) !== 0;
    const end = (p[1]! & 0x40) !== 0;
    if (start) fu = [Buffer.from([(p[0]! & 0xe0) | (p[1]! & 0x1f)])];
    fu!.push(p.subarray(2));
    if (end) {
      out.push(Buffer.concat(fu!));
      fu = null;
    }
  }
  return out;
}

describe('H.264 RTP payloads (RFC 6184, packetization-mode 1)', () => {
  it('sends small NAL units whole, drops AUD, and marks the last packet of the access unit', () => {
    const aud = Buffer.from([0x09, 0xf0]);
    const p = h264Payloads(annexB(aud, nal(6, 20), nal(1, 500)));
    expect(p.map((x) => [x.head, x.body.length, x.marker])).toEqual([
      [null, 20, false],
      [null, 500, true],
    ]);
  });

  it('fragments a large NAL unit into FU-A packets that reassemble to the original', () => {
    const big = Buffer.concat([Buffer.from([0x65]), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251))]);
    const p = h264Payloads(annexB(big), { maxPayload: 1000 });
    expect(p.length).toBe(6);
    expect(p.every((x) => whole(x).length <= 1000)).toBe(true);
    expect(whole(p[0]!).subarray(0, 2)).toEqual(Buffer.from([0x7c, 0x85])); // NRI kept, type 28; S bit, type 5
    expect(whole(p[5]!)[1]).toBe(0x45); // E bit
    expect(p.map((x) => x.marker)).toEqual([false, false, false, false, false, true]);
    expect(depacketize(p)).toEqual([big]);
  });

  it('puts SPS and PPS ahead of an IDR that came without them, and only then', () => {
    const sps = nal(7, 10, 1);
    const pps = nal(8, 4, 2);
    const withSets = h264Payloads(annexB(nal(6, 8), nal(5, 100)), { parameterSets: { sps, pps } });
    expect(withSets.map((x) => x.body[0]! & 0x1f)).toEqual([6, 7, 8, 5]);
    const already = h264Payloads(annexB(sps, pps, nal(5, 100)), { parameterSets: { sps, pps } });
    expect(already.map((x) => x.body[0]! & 0x1f)).toEqual([7, 8, 5]);
    const notIdr = h264Payloads(annexB(nal(1, 100)), { parameterSets: { sps, pps } });
    expect(notIdr.map((x) => x.body[0]! & 0x1f)).toEqual([1]);
  });
});
