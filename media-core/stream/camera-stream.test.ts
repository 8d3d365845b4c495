import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger';
import { packetPid, parseTsPacket, TS_PACKET_SIZE } from '../protocols/mpegts';
import { chunked, ffprobe, generateTs } from '../protocols/mpegts/testing/ffmpeg-ts';
import { StreamHub } from './stream-hub';
import type { AccessUnit } from './types';

const VIDEO_PID = 0x100; // ffmpeg's mpegts muxer: PMT 0x1000, video 0x100, audio 0x101

function recorder() {
  const ts: Array<{ packets: Buffer; key: boolean }> = [];
  const aus: AccessUnit[] = [];
  let discontinuities = 0;
  return {
    ts,
    aus,
    get discontinuities() {
      return discontinuities;
    },
    reader: {
      onTs: (packets: Buffer, key: boolean) => void ts.push({ packets, key }),
      onAccessUnit: (au: AccessUnit) => void aus.push(au),
      onDiscontinuity: () => void discontinuities++,
    },
  };
}

const pids = (b: Buffer) => Array.from({ length: b.length / TS_PACKET_SIZE }, (_, i) => packetPid(b, i * TS_PACKET_SIZE));

describe('CameraStream', () => {
  let ts: Buffer;
  beforeAll(async () => {
    ts = await generateTs({ seconds: 10, fps: 15, gop: 30 });
  });

  const feed = (push: (c: Buffer) => void, bytes: Buffer) => {
    for (const c of chunked(bytes)) push(c);
  };

  it('delivers TS batches where every keyframe starts a batch, and one access unit per frame', () => {
    const s = new StreamHub().open('cam');
    const r = recorder();
    s.subscribe(r.reader, { fromKeyframe: false });
    feed((c) => s.push(c), ts);
    expect(Buffer.concat(r.ts.map((b) => b.packets)).equals(ts)).toBe(true);
    const keys = r.ts.filter((b) => b.key);
    expect(keys).toHaveLength(5);
    for (const k of keys) {
      const first = parseTsPacket(k.packets)!;
      expect([first.pid, first.pusi]).toEqual([VIDEO_PID, true]);
    }
    const video = r.aus.filter((a) => a.kind === 'video');
    expect(video.length).toBe(149); // the last frame completes only when the next starts
    expect(video.filter((a) => a.keyframe).map((a) => (a.pts - video[0]!.pts) / 90000)).toEqual([0, 2, 4, 6, 8]);
    expect(video.every((a) => a.codec === 'h264' && a.data.subarray(0, 3).equals(Buffer.from([0, 0, 0])))).toBe(true);
    const audio = r.aus.filter((a) => a.kind === 'audio');
    expect(audio.length).toBeGreaterThan(460);
    expect(audio[1]!.pts - audio[0]!.pts).toBe(1920); // 1024 samples at 48 kHz in 90 kHz ticks
  });

  it('starts a late reader at a keyframe: PAT+PMT, then the cached GOP, then live', async () => {
    const s = new StreamHub().open('cam');
    const split = Math.floor(ts.length * 0.55);
    feed((c) => s.push(c), ts.subarray(0, split));
    const r = recorder();
    s.subscribe(r.reader);
    expect(pids(r.ts[0]!.packets)).toEqual([0, 0x1000]);
    expect(r.ts[0]!.key).toBe(false);
    expect(r.ts[1]!.key).toBe(true);
    expect(r.aus[0]!.keyframe && r.aus[0]!.kind === 'video').toBe(true);
    expect(s.lastKeyframeAu()).toBe(r.aus[0]);
    feed((c) => s.push(c), ts.subarray(split));
    const received = Buffer.concat(r.ts.map((b) => b.packets));
    const { frames } = await ffprobe(received, ['-select_streams', 'v:0', '-show_frames', '-read_intervals', '%+#1']);
    expect([frames[0].key_frame, frames[0].pict_type]).toEqual([1, 'I']);
  });

  it('with fromKeyframe false, delivers only live data, from mid-GOP', () => {
    const s = new StreamHub().open('cam');
    feed((c) => s.push(c), ts.subarray(0, 300_000));
    const r = recorder();
    s.subscribe(r.reader, { fromKeyframe: false });
    expect(r.ts).toHaveLength(0);
    s.push(ts.subarray(300_000, 400_000));
    expect(r.ts.length).toBeGreaterThan(0);
    expect(r.ts[0]!.key).toBe(false);
  });

  it('bounds the GOP cache; a reader joining after an overflow waits for the next keyframe', () => {
    const s = new StreamHub({ maxGopBytes: 200_000 }).open('cam');
    let maxCached = 0;
    for (const c of chunked(ts)) {
      s.push(c);
      maxCached = Math.max(maxCached, s.cachedBytes());
    }
    expect(maxCached).toBeLessThanOrEqual(200_000);
    const r = recorder();
    s.subscribe(r.reader);
    expect(r.ts).toHaveLength(0);
    s.discontinuity();
    feed((c) => s.push(c), ts.subarray(0, 200_000));
    expect(pids(r.ts[0]!.packets)).toEqual([0, 0x1000]);
    expect(r.ts[1]!.key).toBe(true);
  });

  it('unsubscribes and logs a reader that throws; the other readers never notice', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', destination: { write: (l: string) => void lines.push(l) } });
    const s = new StreamHub({ log }).open('cam');
    const good = recorder();
    s.subscribe({ onTs: () => { throw new Error('boom'); } });
    s.subscribe({ onAccessUnit: () => { throw new Error('bang'); } });
    s.subscribe(good.reader);
    expect(s.readerCount()).toBe(3);
    feed((c) => s.push(c), ts);
    expect(s.readerCount()).toBe(1);
    expect(Buffer.concat(good.ts.map((b) => b.packets)).length).toBeGreaterThan(ts.length * 0.9);
    expect(lines.filter((l) => l.includes('stream reader threw'))).toHaveLength(2);
    expect(lines.join('\n')).toContain('"camera":"cam"');
  });

  it('lets readers unsubscribe, or add readers, from inside a callback without duplicates', () => {
    const s = new StreamHub().open('cam');
    const late = recorder();
    let unsubscribe = () => {};
    let calls = 0;
    unsubscribe = s.subscribe({
      onTs: () => {
        calls++;
        unsubscribe();
        s.subscribe(late.reader, { fromKeyframe: false });
      },
    }, { fromKeyframe: false });
    feed((c) => s.push(c), ts.subarray(0, 50_000));
    expect(calls).toBe(1);
    const got = Buffer.concat(late.ts.map((b) => b.packets));
    expect(got.length % TS_PACKET_SIZE).toBe(0);
    expect(ts.indexOf(got.subarray(0, 4 * TS_PACKET_SIZE))).toBeGreaterThan(0);
  });

  it('on an upstream restart tells readers, drops the cache and restarts them at a keyframe', () => {
    const s = new StreamHub().open('cam');
    const r = recorder();
    s.subscribe(r.reader);
    feed((c) => s.push(c), ts.subarray(0, 500_000 + 77)); // cut mid-packet, mid-frame
    s.discontinuity();
    expect(r.discontinuities).toBe(1);
    expect(s.cachedBytes()).toBe(0);
    const before = r.ts.length;
    const beforeAus = r.aus.length;
    feed((c) => s.push(c), ts);
    expect(pids(r.ts[before]!.packets)).toEqual([0, 0x1000]);
    expect(r.ts[before + 1]!.key).toBe(true);
    expect(r.aus[beforeAus]!.keyframe).toBe(true);
  });

  it('survives garbage between chunks, losing only the damaged packets', () => {
    const s = new StreamHub().open('cam');
    const r = recorder();
    s.subscribe(r.reader, { fromKeyframe: false });
    let n = 0;
    for (const c of chunked(ts, [4000, 10_001, 333])) {
      s.push(c);
      if (++n % 50 === 0) s.push(Buffer.from('\x47garbage\x47\x00\x47 from a confused pipe'));
    }
    expect(r.ts.filter((b) => b.key).length).toBeGreaterThanOrEqual(4);
    for (const b of r.ts) expect(b.packets[0]).toBe(0x47);
    expect(r.aus.filter((a) => a.kind === 'video').length).toBeGreaterThan(120);
  });

  it('finds keyframes from the H.264 NAL units when random_access_indicator is not set', () => {
    const stripped = Buffer.from(ts);
    for (let o = 0; o < stripped.length; o += TS_PACKET_SIZE) {
      if (stripped[o + 3]! & 0x20 && stripped[o + 4]! > 0) stripped[o + 5]! &= ~0x40;
    }
    const s = new StreamHub().open('cam');
    const r = recorder();
    s.subscribe(r.reader, { fromKeyframe: false });
    feed((c) => s.push(c), stripped);
    expect(Buffer.concat(r.ts.map((b) => b.packets)).equals(stripped)).toBe(true);
    const keys = r.ts.filter((b) => b.key);
    expect(keys).toHaveLength(5);
    for (const k of keys) expect(packetPid(k.packets)).toBe(VIDEO_PID);
    expect(r.aus.filter((a) => a.kind === 'video' && a.keyframe)).toHaveLength(5);
  });

  it('reports what the media says, what came in and when, and emits info on change', () => {
    let now = 1_000_000;
    const s = new StreamHub({ now: () => now }).open('cam');
    const infos: unknown[] = [];
    s.on('info', (i) => infos.push(i));
    expect(s.info()).toMatchObject({ videoCodec: null, bytesIn: 0, lastDataAt: null, bitrate: 0 });
    const perSecond = Math.floor(ts.length / 10);
    for (let sec = 0; sec < 10; sec++) {
      for (const c of chunked(ts.subarray(sec * perSecond, (sec + 1) * perSecond))) s.push(c);
      now += 1000;
    }
    const info = s.info();
    expect(info).toMatchObject({ videoCodec: 'h264', profile: 'Constrained Baseline', width: 640, height: 360, fps: 15, hasAudio: true });
    expect(info.bytesIn).toBe(perSecond * 10);
    expect(info.lastDataAt).toBe(now - 1000);
    expect(info.bitrate / (perSecond * 8)).toBeCloseTo(1, 1);
    expect(infos.length).toBeGreaterThanOrEqual(2);
    expect(s.codecConfig().audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 1 });
    expect(s.codecConfig().video!.sps![0]! & 0x1f).toBe(7);
    now += 60_000;
    expect(s.info().bitrate).toBe(0);
  });
});

describe('StreamHub', () => {
  it('opens one stream per id, lists and closes them', () => {
    const hub = new StreamHub();
    const a = hub.open('a');
    expect(hub.open('a')).toBe(a);
    hub.open('b');
    expect(hub.ids()).toEqual(['a', 'b']);
    let closed = false;
    a.on('close', () => (closed = true));
    a.subscribe({ onTs: () => {} });
    hub.close('a');
    expect(closed).toBe(true);
    expect(a.readerCount()).toBe(0);
    expect(hub.get('a')).toBeUndefined();
    expect(hub.ids()).toEqual(['b']);
    a.subscribe({ onTs: () => {} });
    expect(a.readerCount()).toBe(0);
    hub.close('nope');
  });
});
