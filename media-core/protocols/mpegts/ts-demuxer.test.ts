import { beforeAll, describe, expect, it } from 'vitest';
import { packetize, patPayload, pesPacket, pmtPayload, tsPacket } from './testing/build-packets';
import { generateTs } from './testing/ffmpeg-ts';
import { STREAM_TYPE } from './psi';
import { TsDemuxer, type DemuxedPes, type ElementaryStream } from './ts-demuxer';

function collect(input: Buffer | Buffer[]) {
  const pes: DemuxedPes[] = [];
  const programs: ElementaryStream[][] = [];
  const d = new TsDemuxer({ onPes: (p) => pes.push(p), onProgram: (s) => programs.push(s) });
  d.feed(Array.isArray(input) ? Buffer.concat(input) : input);
  return { d, pes, programs };
}

const psi = (streams = [{ streamType: STREAM_TYPE.H264, pid: 0x100 }, { streamType: STREAM_TYPE.AAC_ADTS, pid: 0x101 }]) => [
  tsPacket({ pid: 0, pusi: true, payload: patPayload([{ programNumber: 1, pmtPid: 0x1000 }]) }),
  tsPacket({ pid: 0x1000, pusi: true, payload: pmtPayload(0x100, streams) }),
];

describe('TsDemuxer on hand-built streams', () => {
  it('follows PAT → PMT → PES and tags each PES with its stream type', () => {
    const video = packetize(0x100, pesPacket(0xe0, Buffer.alloc(400, 1), 3600, 0, false), { randomAccess: true });
    const audio = packetize(0x101, pesPacket(0xc0, Buffer.alloc(50, 2), 1800));
    const { pes, programs, d } = collect([...psi(), ...video, ...audio]);
    expect(programs).toHaveLength(1);
    expect(d.pmtPid()).toBe(0x1000);
    expect(pes.map((p) => [p.codec, p.pts])).toEqual([['aac', 1800]]);
    d.flush();
    expect(pes.map((p) => [p.codec, p.pts, p.dts, p.randomAccess])).toEqual([
      ['aac', 1800, null, false],
      ['h264', 3600, 0, true],
    ]);
  });

  it('ignores elementary packets until their PMT has been seen', () => {
    const audio = packetize(0x101, pesPacket(0xc0, Buffer.alloc(50, 2), 1800));
    const { pes } = collect([...audio, ...psi(), ...packetize(0x101, pesPacket(0xc0, Buffer.alloc(50), 3600))]);
    expect(pes.map((p) => p.pts)).toEqual([3600]);
  });

  it('drops a PES damaged by a lost packet, keeps the next one', () => {
    const first = packetize(0x101, pesPacket(0xc0, Buffer.alloc(600, 2), 1800));
    const second = packetize(0x101, pesPacket(0xc0, Buffer.alloc(100, 3), 3600), { cc: first.length });
    const { pes, d } = collect([...psi(), first[0]!, ...first.slice(2), ...second]);
    expect(pes.map((p) => p.pts)).toEqual([3600]);
    expect(d.errors).toBe(1);
  });

  it('accepts one duplicate packet without counting it twice', () => {
    const a = packetize(0x101, pesPacket(0xc0, Buffer.alloc(300, 2), 1800));
    const { pes } = collect([...psi(), a[0]!, a[0]!, ...a.slice(1)]);
    expect(pes).toHaveLength(1);
    expect(pes[0]!.data.length).toBe(300);
  });

  it('reports a changed PMT and starts over with the new PIDs; reset forgets everything', () => {
    const next = [{ streamType: STREAM_TYPE.H265, pid: 0x200 }];
    const { programs, d } = collect([
      ...psi(),
      tsPacket({ pid: 0x1000, pusi: true, payload: pmtPayload(0x200, next, 1) }),
    ]);
    expect(programs.map((s) => s.map((e) => e.codec))).toEqual([['h264', 'aac'], ['h265']]);
    d.reset();
    expect(d.streams()).toEqual([]);
    expect(d.pmtPid()).toBeNull();
  });
});

describe('TsDemuxer on real ffmpeg output', () => {
  let h264: Buffer;
  let h265: Buffer;
  beforeAll(async () => {
    [h264, h265] = await Promise.all([
      generateTs({ seconds: 4, fps: 15, gop: 30 }),
      generateTs({ seconds: 2, fps: 15, gop: 15, size: '320x240', videoCodec: 'libx265', audio: false }),
    ]);
  });

  it('finds H.264 (0x1B) and AAC ADTS (0x0F), one video PES per frame with rising PTS', () => {
    const { pes, programs, d } = collect(h264);
    d.flush();
    expect(programs[0]!.map((s) => [s.streamType, s.codec])).toEqual([
      [0x1b, 'h264'],
      [0x0f, 'aac'],
    ]);
    const video = pes.filter((p) => p.codec === 'h264');
    expect(video).toHaveLength(60);
    for (let i = 1; i < video.length; i++) expect(video[i]!.pts! - video[i - 1]!.pts!).toBe(6000);
    expect(video.filter((p) => p.randomAccess)).toHaveLength(2);
    expect(pes.some((p) => p.codec === 'aac')).toBe(true);
    expect(d.errors).toBe(0);
  });

  it('finds H.265 (0x24)', () => {
    const { pes, programs } = collect(h265);
    expect(programs[0]!.map((s) => s.codec)).toEqual(['h265']);
    expect(pes.length).toBeGreaterThan(20);
  });
});
