import { describe, expect, it } from 'vitest';
import { packetPid, parseTsPacket, PTS_WRAP, STREAM_TYPE, TS_PACKET_SIZE } from '../../protocols/mpegts';
import { packetize, patPayload, pesPacket, pmtPayload, tsPacket } from '../../protocols/mpegts/testing/build-packets';
import { HlsMuxer, type HlsMuxerOptions, type HlsSource, type HlsTsReader } from './hls-muxer';

/** A source that hands the muxer hand-built batches, as the stream hub would. */
class FakeSource implements HlsSource {
  reader: HlsTsReader | undefined;
  subscribe(reader: HlsTsReader) {
    this.reader = reader;
    return () => (this.reader = undefined);
  }
  psi(): void {
    const pat = tsPacket({ pid: 0, pusi: true, payload: patPayload([{ programNumber: 1, pmtPid: 0x1000 }]) });
    const pmt = tsPacket({ pid: 0x1000, pusi: true, payload: pmtPayload(0x100, [{ streamType: STREAM_TYPE.H264, pid: 0x100 }]) });
    this.reader?.onTs?.(Buffer.concat([pat, pmt]), false);
  }
  /** One video frame: an IDR with random_access_indicator, or a P slice. */
  frame(pts: number, key: boolean, size = 300): void {
    const nal = Buffer.concat([Buffer.from([0, 0, 0, 1, key ? 0x65 : 0x41]), Buffer.alloc(size, 0x11)]);
    const packets = packetize(0x100, pesPacket(0xe0, nal, pts % PTS_WRAP, null, false), { randomAccess: key });
    this.reader?.onTs?.(Buffer.concat(packets), key);
  }
  /** `seconds` of frames at `fps` from `start` seconds, a keyframe every `gop` seconds. */
  run(start: number, seconds: number, gop: number, fps = 10, base = 90000): void {
    for (let i = 0; i < seconds * fps; i++) {
      const t = start + i / fps;
      this.frame(base + Math.round(t * 90000), Math.abs(t / gop - Math.round(t / gop)) < 1e-9);
    }
  }
}

function setup(opts: HlsMuxerOptions = {}) {
  const src = new FakeSource();
  const muxer = new HlsMuxer(src, opts);
  src.psi();
  return { src, muxer };
}

const durations = (m: HlsMuxer) => [...m.playlist()!.matchAll(/#EXTINF:([\d.]+),/g)].map((x) => Number(x[1]));

describe('HlsMuxer', () => {
  it('has no playlist until two segments are complete', () => {
    const { src, muxer } = setup();
    src.run(0, 4, 2); // keyframes at 0 and 2: one segment closed
    expect(muxer.playlist()).toBeNull();
    expect(muxer.stats().segments).toBe(1);
    src.frame(90000 + 4 * 90000, true);
    expect(durations(muxer)).toEqual([2, 2]);
  });

  it('can publish from the first segment when asked to', () => {
    const { src, muxer } = setup({ minSegments: 1 });
    src.run(0, 2.1, 2);
    expect(durations(muxer)).toEqual([2]);
  });

  it('opens every segment with PAT, PMT and the keyframe PES', () => {
    const { src, muxer } = setup();
    src.run(0, 6.1, 2);
    for (const name of ['seg-0.ts', 'seg-1.ts', 'seg-2.ts']) {
      const seg = muxer.segment(name)!;
      expect([0, 1, 2].map((i) => packetPid(seg, i * TS_PACKET_SIZE))).toEqual([0, 0x1000, 0x100]);
      const first = parseTsPacket(seg, 2 * TS_PACKET_SIZE)!;
      expect(first.pusi && first.randomAccess).toBe(true);
    }
  });

  it('cuts at the first keyframe at or past the target: 1 s GOPs make 2 s segments, 4 s GOPs 4 s', () => {
    const short = setup();
    short.src.run(0, 8.1, 1);
    expect(durations(short.muxer)).toEqual([2, 2, 2, 2]);
    const long = setup();
    long.src.run(0, 12.1, 4);
    expect(durations(long.muxer)).toEqual([4, 4, 4]);
    expect(long.muxer.playlist()).toContain('#EXT-X-TARGETDURATION:4\n');
  });

  it('drops media before the first keyframe and before PAT/PMT are known', () => {
    const src = new FakeSource();
    const muxer = new HlsMuxer(src, { minSegments: 1 });
    src.frame(90000, true); // no PSI yet
    src.frame(99000, false);
    src.psi();
    src.run(2, 4.1, 2);
    expect(durations(muxer)).toEqual([2, 2]);
    // PAT + PMT + 20 frames of 2 packets: nothing from before the PSI.
    expect(muxer.segment('seg-0.ts')!.length).toBe((2 + 20 * 2) * TS_PACKET_SIZE);
  });

  it('measures durations across the 33-bit PTS wrap', () => {
    const { src, muxer } = setup();
    src.run(0, 6.1, 2, 10, PTS_WRAP - 3 * 90000);
    expect(durations(muxer)).toEqual([2, 2, 2]);
  });

  it('treats a timestamp jump as a discontinuity even without being told', () => {
    const { src, muxer } = setup({ windowSize: 10 });
    src.run(0, 6.1, 2);
    src.run(0, 4.1, 2, 10, 5 * 90000); // timestamps went back in time
    const text = muxer.playlist()!;
    expect(durations(muxer)).toEqual([2, 2, 2, 2, 2]);
    expect(text.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(1);
    expect(text.indexOf('#EXT-X-DISCONTINUITY\n')).toBeLessThan(text.indexOf('seg-3.ts'));
    expect(text.indexOf('#EXT-X-DISCONTINUITY\n')).toBeGreaterThan(text.indexOf('seg-2.ts'));
  });

  it('on an upstream restart closes the segment in progress with an estimated duration', () => {
    const { src, muxer } = setup({ windowSize: 10 });
    src.run(0, 5, 2); // 4.0–4.9 s in progress
    src.reader!.onDiscontinuity!();
    src.psi();
    src.run(0, 4.1, 2, 10, 777);
    expect(durations(muxer)).toEqual([2, 2, 1, 2, 2]);
    expect(muxer.playlist()!.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(1);
  });

  it('discards a segment that outgrows its byte cap and marks the gap', () => {
    const { src, muxer } = setup({ windowSize: 10, maxSegmentBytes: 20 * 1024 });
    src.run(0, 4.1, 2);
    for (let i = 1; i <= 10; i++) src.frame(90000 + 4 * 90000 + i * 9000, false, 5000);
    src.run(6, 4.1, 2); // the 4–6 s segment was lost
    expect(durations(muxer)).toEqual([2, 2, 2, 2]);
    expect(muxer.playlist()!.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(1);
    expect(muxer.playlist()).toContain('seg-1.ts\n#EXT-X-DISCONTINUITY\n');
  });

  it('keeps a bounded window by count and by bytes', () => {
    const { src, muxer } = setup({ windowSize: 3, retainAfterWindow: 1 });
    src.run(0, 20.1, 2);
    expect(muxer.playlist()).toContain('#EXT-X-MEDIA-SEQUENCE:7\n');
    expect(muxer.stats()).toMatchObject({ segments: 4, mediaSequence: 7 });
    expect(muxer.segment('seg-6.ts')).toBeDefined();
    expect(muxer.segment('seg-5.ts')).toBeUndefined();
    const capped = setup({ maxWindowBytes: 30_000, minSegments: 1 });
    capped.src.run(0, 20.1, 2);
    expect(capped.muxer.stats().bytes).toBeLessThanOrEqual(30_000 + 25_000); // window + segment in progress
    expect(capped.muxer.stats().segments).toBeGreaterThanOrEqual(1);
  });

  it('stops publishing a playlist when no segment has finished for a while', () => {
    let now = 0;
    const { src, muxer } = setup({ now: () => now, staleAfterMs: 10_000 });
    src.run(0, 6.1, 2);
    expect(muxer.playlist()).not.toBeNull();
    expect(muxer.playlist()).toContain('#EXT-X-PROGRAM-DATE-TIME:1970-01-01T00:00:00.000Z');
    now = 10_001;
    expect(muxer.playlist()).toBeNull();
    src.run(6, 2.1, 2);
    expect(muxer.playlist()).not.toBeNull();
  });

  it('stops reading and frees its segments on close', () => {
    const { src, muxer } = setup();
    src.run(0, 6.1, 2);
    muxer.close();
    expect(src.reader).toBeUndefined();
    expect(muxer.stats()).toMatchObject({ segments: 0, bytes: 0 });
    expect(muxer.playlist()).toBeNull();
  });
});
