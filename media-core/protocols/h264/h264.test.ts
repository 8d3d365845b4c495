import { describe, expect, it } from 'vitest';
import { TsDemuxer } from '../mpegts';
import { generateTs, type TestTsOptions } from '../mpegts/testing/ffmpeg-ts';
import { firstVclNalType, h264NalType, isKeyframeAccessUnit, NAL_TYPE, splitNalUnits } from './annexb';
import { BitReader, toRbsp } from './bit-reader';
import { parseH264Sps } from './sps';

const nal = (...bytes: number[]) => Buffer.from(bytes);

describe('Annex-B', () => {
  it('splits on 3- and 4-byte start codes and drops trailing zero bytes', () => {
    const au = Buffer.concat([nal(0, 0, 0, 1, 0x09, 0xf0), nal(0, 0, 1, 0x67, 1, 2, 0, 0), nal(0, 0, 0, 1, 0x65, 9, 9)]);
    expect(splitNalUnits(au).map((n) => [...n])).toEqual([
      [0x09, 0xf0],
      [0x67, 1, 2],
      [0x65, 9, 9],
    ]);
    expect(splitNalUnits(au).map(h264NalType)).toEqual([NAL_TYPE.AUD, NAL_TYPE.SPS, NAL_TYPE.IDR]);
  });

  it('finds the first picture NAL, or says it has not arrived yet', () => {
    const head = Buffer.concat([nal(0, 0, 0, 1, 0x09, 0xf0), nal(0, 0, 1, 0x67, 1), nal(0, 0, 1, 0x06, 5)]);
    expect(firstVclNalType(head, 'h264')).toBeNull();
    expect(firstVclNalType(Buffer.concat([head, nal(0, 0, 1)]), 'h264')).toBeNull();
    expect(firstVclNalType(Buffer.concat([head, nal(0, 0, 1, 0x65, 0x88)]), 'h264')).toBe(5);
    expect(isKeyframeAccessUnit(Buffer.concat([head, nal(0, 0, 1, 0x41, 0x9a)]), 'h264')).toBe(false);
    // H.265: AUD (35), VPS (32), then IDR_W_RADL (19) / TRAIL_R (1).
    expect(isKeyframeAccessUnit(nal(0, 0, 1, 35 << 1, 1, 0x50, 0, 0, 1, 32 << 1, 1, 0, 0, 1, 19 << 1, 1), 'h265')).toBe(true);
    expect(isKeyframeAccessUnit(nal(0, 0, 1, 35 << 1, 1, 0x50, 0, 0, 1, 1 << 1, 1), 'h265')).toBe(false);
  });
});

describe('RBSP bit reading', () => {
  it('removes emulation prevention bytes and reads Exp-Golomb codes', () => {
    expect([...toRbsp(nal(0, 0, 3, 1, 0, 0, 3, 0))]).toEqual([0, 0, 1, 0, 0, 0]);
    // 1 | 010 | 011 | 00100 | 00101 → ue 0,1,2,3 then se(4) = -2
    const r = new BitReader(Buffer.from([0b10100110, 0b01000010, 0b10000000]));
    expect([r.ue(), r.ue(), r.ue(), r.ue(), r.se()]).toEqual([0, 1, 2, 3, -2]);
    expect(() => new BitReader(Buffer.from([0])).ue()).toThrow();
  });
});

async function spsOf(o: TestTsOptions) {
  const ts = await generateTs({ seconds: 0.2, fps: 10, audio: false, ...o });
  let sps: Buffer | undefined;
  const d = new TsDemuxer({
    onPes: (p) => (sps ??= splitNalUnits(p.data).find((n) => h264NalType(n) === NAL_TYPE.SPS)),
  });
  d.feed(ts);
  d.flush();
  return parseH264Sps(sps!);
}

describe('H.264 SPS from real x264 streams', () => {
  it.each([
    { size: '640x360', profile: 'baseline', name: 'Constrained Baseline' },
    { size: '320x240', profile: 'main', name: 'Main' },
    { size: '1920x1080', profile: 'high', name: 'High' },
    { size: '1280x720', profile: 'high', name: 'High' },
  ])('reads $name at $size, cropping to the visible picture', async ({ size, profile, name }) => {
    const sps = await spsOf({ size, profile, preset: 'fast' });
    const [w, h] = size.split('x').map(Number);
    expect(sps.profile).toBe(name);
    expect([sps.width, sps.height]).toEqual([w, h]);
    expect(Number(sps.level)).toBeGreaterThan(0);
  });

  it('reads 4:4:4 pictures with odd sizes (chroma-dependent crop units)', async () => {
    // lavfi sources round sizes to even numbers; scale gets the odd size.
    const sps = await spsOf({ profile: 'high444', pixFmt: 'yuv444p', extraArgs: ['-vf', 'scale=321:243'] });
    expect(sps.profile).toBe('High 4:4:4 Predictive');
    expect([sps.width, sps.height]).toEqual([321, 243]);
  });

  it('reads interlaced-coded pictures, whose crop counts in field lines', async () => {
    const sps = await spsOf({ size: '1280x720', profile: 'high', preset: 'fast', extraArgs: ['-flags', '+ildct+ilme'] });
    expect([sps.profile, sps.width, sps.height]).toEqual(['High', 1280, 720]);
  });
});
