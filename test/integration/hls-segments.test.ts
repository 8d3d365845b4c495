// The media path end to end: real ffmpeg MPEG-TS, pushed in pipe-sized pieces through
// the stream hub into the HLS muxer; every segment must stand alone for ffprobe.
import { beforeAll, describe, expect, it } from 'vitest';
import { chunked, ffprobe, generateTs } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { HlsMuxer } from '../../media-core/servers/hls';
import { StreamHub } from '../../media-core/stream';

interface Entry {
  duration: number;
  uri: string;
  discontinuity: boolean;
}

function parsePlaylist(text: string) {
  const lines = text.trim().split('\n');
  const tag = (name: string) => lines.find((l) => l.startsWith(`#${name}:`))?.split(':')[1];
  const entries: Entry[] = [];
  let discontinuity = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '#EXT-X-DISCONTINUITY') discontinuity = true;
    if (l.startsWith('#EXTINF:')) {
      entries.push({ duration: Number.parseFloat(l.slice(8)), uri: lines[i + 1]!, discontinuity });
      discontinuity = false;
    }
  }
  return {
    header: lines[0],
    targetDuration: Number(tag('EXT-X-TARGETDURATION')),
    mediaSequence: Number(tag('EXT-X-MEDIA-SEQUENCE')),
    discontinuitySequence: Number(tag('EXT-X-DISCONTINUITY-SEQUENCE') ?? 0),
    entries,
  };
}

function feed(hub: StreamHub, id: string, ts: Buffer, sizes?: number[]): void {
  const stream = hub.open(id);
  for (const c of chunked(ts, sizes)) stream.push(c);
}

describe('HLS from real ffmpeg MPEG-TS', () => {
  let ts: Buffer;
  beforeAll(async () => {
    ts = await generateTs({ seconds: 10, fps: 15, gop: 30 });
  });

  it('cuts ~2 s segments at keyframes and lists them in a valid live playlist', () => {
    const hub = new StreamHub();
    const muxer = new HlsMuxer(hub.open('cam1'), { windowSize: 10 });
    feed(hub, 'cam1', ts, [1, 187, 189, 1000, 7, 4096, 65536, 333]);

    const pl = parsePlaylist(muxer.playlist()!);
    expect(pl.header).toBe('#EXTM3U');
    expect(pl.mediaSequence).toBe(0);
    // Keyframes at 0, 2, 4, 6, 8 s: four segments are closed by the next keyframe.
    expect(pl.entries.map((e) => e.uri)).toEqual(['seg-0.ts', 'seg-1.ts', 'seg-2.ts', 'seg-3.ts']);
    for (const e of pl.entries) expect(e.duration).toBeCloseTo(2, 3);
    expect(pl.targetDuration).toBe(2);
    expect(muxer.stats().segments).toBe(4);
    muxer.close();
  });

  it('makes segments that ffprobe reads alone as H.264 Baseline + AAC starting on an I-frame', async () => {
    const hub = new StreamHub();
    const muxer = new HlsMuxer(hub.open('cam1'), { windowSize: 10 });
    feed(hub, 'cam1', ts, [3000, 17, 188 * 7 + 5]);
    const names = parsePlaylist(muxer.playlist()!).entries.map((e) => e.uri);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const probes = names.map(async (name) => {
      const seg = muxer.segment(name)!;
      expect(seg.length % 188).toBe(0);
      const [{ streams }, { frames }] = await Promise.all([
        ffprobe(seg, ['-show_streams']),
        ffprobe(seg, ['-select_streams', 'v:0', '-show_frames', '-read_intervals', '%+#1']),
      ]);
      const video = streams.find((s: any) => s.codec_type === 'video');
      const audio = streams.find((s: any) => s.codec_type === 'audio');
      expect(video.codec_name).toBe('h264');
      expect(['Constrained Baseline', 'Baseline']).toContain(video.profile);
      expect([video.width, video.height]).toEqual([640, 360]);
      expect(audio.codec_name).toBe('aac');
      expect(Number(video.duration)).toBeCloseTo(2, 2);
      // Audio is passed through as ffmpeg interleaved it: up to a few hundred ms apart.
      expect(Math.abs(Number(audio.start_time) - Number(video.start_time))).toBeLessThan(0.5);
      expect(frames[0].key_frame).toBe(1);
      expect(frames[0].pict_type).toBe('I');
    });
    await Promise.all(probes);
    muxer.close();
  });

  it('starts a late subscriber from the cached GOP, so its first segment is complete', async () => {
    const hub = new StreamHub();
    const half = Math.floor(ts.length / 2 / 188) * 188 + 50;
    feed(hub, 'cam1', ts.subarray(0, half));
    const muxer = new HlsMuxer(hub.open('cam1'), { windowSize: 10, minSegments: 1 });
    feed(hub, 'cam1', ts.subarray(half));
    const first = muxer.segment('seg-0.ts')!;
    expect(first).toBeDefined();
    const { frames } = await ffprobe(first, ['-select_streams', 'v:0', '-show_frames', '-read_intervals', '%+#1']);
    expect(frames[0].key_frame).toBe(1);
    expect(parsePlaylist(muxer.playlist()!).entries[0]!.duration).toBeCloseTo(2, 3);
    muxer.close();
  });

  it('marks an upstream restart with EXT-X-DISCONTINUITY and keeps sequence numbers rising', () => {
    const hub = new StreamHub();
    const stream = hub.open('cam1');
    const muxer = new HlsMuxer(stream, { windowSize: 20 });
    feed(hub, 'cam1', ts);
    stream.discontinuity();
    feed(hub, 'cam1', ts); // the new ffmpeg starts its timestamps over
    const pl = parsePlaylist(muxer.playlist()!);
    const seqs = pl.entries.map((e) => Number(/seg-(\d+)\.ts/.exec(e.uri)![1]));
    expect(seqs).toEqual(seqs.map((_, i) => i));
    const marked = pl.entries.filter((e) => e.discontinuity);
    expect(marked).toHaveLength(1);
    // The restart closed the segment in progress (8-10 s) with an estimated duration.
    expect(pl.entries.findIndex((e) => e.discontinuity)).toBe(5);
    expect(pl.entries[4]!.duration).toBeCloseTo(2, 1);
    muxer.close();
  });

  it('keeps a rolling window: old segments leave, the media sequence follows', () => {
    const hub = new StreamHub();
    const stream = hub.open('cam1');
    const muxer = new HlsMuxer(stream, { windowSize: 3, retainAfterWindow: 1 });
    for (let i = 0; i < 3; i++) {
      feed(hub, 'cam1', ts);
      stream.discontinuity();
    }
    // 3 runs x 5 segments (4 measured + 1 estimated at the restart).
    const pl = parsePlaylist(muxer.playlist()!);
    expect(pl.entries.map((e) => e.uri)).toEqual(['seg-12.ts', 'seg-13.ts', 'seg-14.ts']);
    expect(pl.mediaSequence).toBe(12);
    expect(pl.discontinuitySequence).toBe(2);
    expect(muxer.segment('seg-11.ts')).toBeDefined(); // retained just after leaving
    expect(muxer.segment('seg-10.ts')).toBeUndefined();
    expect(muxer.stats().segments).toBe(4);
    muxer.close();
  });
});
