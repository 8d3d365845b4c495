import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { SnapshotService, type SnapshotSource } from './snapshots';

function source(): SnapshotSource & { key: Buffer } {
  const s = {
    key: Buffer.from([0, 0, 0, 1, 0x65, 1]),
    lastKeyframeAu: () => ({ codec: 'h264', data: s.key }),
    codecConfig: () => ({ video: { sps: Buffer.from([0x67, 1]), pps: Buffer.from([0x68, 1]) } }),
  };
  return s;
}

describe('SnapshotService', () => {
  it('decodes the cached keyframe with SPS and PPS in front, and reuses the picture while it is fresh', async () => {
    let now = 1000;
    const decoded: Buffer[] = [];
    const svc = new SnapshotService({ ffmpegPath: 'ffmpeg', log: silentLogger(), refreshMs: 5000, now: () => now, decode: async (b) => (decoded.push(b), Buffer.from('jpeg')) });
    const src = source();
    const first = await svc.get('cam', src);
    expect(first).toEqual({ jpeg: Buffer.from('jpeg'), takenAt: 1000 });
    expect(decoded[0]).toEqual(Buffer.from([0, 0, 0, 1, 0x67, 1, 0, 0, 0, 1, 0x68, 1, 0, 0, 0, 1, 0x65, 1]));
    now += 4000;
    src.key = Buffer.from([0, 0, 0, 1, 0x65, 2]);
    expect(await svc.get('cam', src)).toBe(first);
    now += 2000;
    expect((await svc.get('cam', src))?.takenAt).toBe(7000);
    expect(decoded).toHaveLength(2);
  });

  it('keeps the last picture when no new keyframe came (camera down), and runs one decode at a time', async () => {
    let now = 0;
    let running = 0;
    let most = 0;
    const svc = new SnapshotService({
      ffmpegPath: 'ffmpeg',
      log: silentLogger(),
      refreshMs: 10,
      now: () => now,
      decode: async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return Buffer.from('jpeg');
      },
    });
    const a = source();
    const b = source();
    const [sa] = await Promise.all([svc.get('a', a), svc.get('b', b), svc.get('a', a)]);
    expect(most).toBe(1);
    now += 1000;
    expect(await svc.get('a', a)).toBe(sa);
  });

  it('has nothing to show before the first keyframe', async () => {
    const svc = new SnapshotService({ ffmpegPath: 'ffmpeg', log: silentLogger(), decode: async () => Buffer.from('x') });
    expect(await svc.get('cam', { lastKeyframeAu: () => undefined, codecConfig: () => ({ video: null }) })).toBeNull();
  });
});
