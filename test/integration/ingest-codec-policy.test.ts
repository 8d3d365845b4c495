import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { CameraSim } from '../fixtures/camera-sim/camera-sim';
import { serviceHarness, type ServiceHarness } from '../fixtures/camera-sim/service-harness';

// Real RTSP cameras (gst-rtsp-server) sending what real cameras send; the appliance must
// re-serve every one of them as H.264 Baseline with a keyframe every 2 s.
let sim: CameraSim;
let h: ServiceHarness;

beforeAll(async () => {
  sim = await CameraSim.start({
    mounts: [
      { path: '/baseline', codec: 'h264-baseline', width: 640, height: 360, fps: 15, gop: 2, audio: 'aac' },
      { path: '/high', codec: 'h264-high', width: 640, height: 360, fps: 15, gop: 4 },
      { path: '/hevc', codec: 'h265', width: 320, height: 240, fps: 15, gop: 2 },
      { path: '/mjpeg', codec: 'mjpeg', width: 320, height: 240, fps: 10, audio: 'pcma' },
    ],
  });
  h = await serviceHarness();
});

afterAll(async () => {
  await h?.close();
  await sim?.stop();
});

/** What the appliance re-serves for the camera, recorded for `seconds` from a keyframe. */
async function recordOutput(id: string, seconds: number): Promise<Buffer> {
  const stream = h.hub.get(id)!;
  const parts: Buffer[] = [];
  const stop = stream.subscribe({ onTs: (p) => void parts.push(p) });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop();
  return Buffer.concat(parts);
}

async function describeOutput(ts: Buffer) {
  const { streams } = await ffprobe(ts, ['-show_entries', 'stream=codec_type,codec_name,profile,width,height,channels,sample_rate']);
  const { packets } = await ffprobe(ts, ['-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags']);
  const keys = (packets as Array<{ pts_time: string; flags: string }>).filter((p) => p.flags.startsWith('K')).map((p) => Number(p.pts_time));
  const gaps = keys.slice(1).map((t, i) => Math.round((t - keys[i]!) * 100) / 100);
  const video = (streams as Array<Record<string, unknown>>).find((s) => s.codec_type === 'video');
  const audio = (streams as Array<Record<string, unknown>>).find((s) => s.codec_type === 'audio');
  return { video, audio, gaps };
}

async function runCamera(id: string, path: string, extra: { maxHeight?: number } = {}) {
  await h.add({ id, name: id, source: sim.url(path), ...extra });
  const cam = await h.waitFor(id, 'live', (c) => c.status === 'live');
  const out = await describeOutput(await recordOutput(id, 7));
  await h.service.remove(id);
  return { cam, out };
}

describe('the codec policy on real RTSP cameras', () => {
  it('passes H.264 Baseline with a 2 s GOP through untouched: Baseline out, keyframes every 2 s, AAC mono kept', async () => {
    const { cam, out } = await runCamera('baseline', '/baseline');
    expect(cam.ingest).toEqual({ path: 'copy', reason: 'passed through: the camera already sends H.264 Constrained Baseline with keyframes every 2 s' });
    expect(cam.stats.input).toMatchObject({ videoCodec: 'h264', profile: 'Constrained Baseline', width: 640, height: 360, fps: 15, gopSeconds: 2, audioCodec: 'aac' });
    expect(out.video).toMatchObject({ codec_name: 'h264', profile: expect.stringMatching(/Baseline/), width: 640, height: 360 });
    expect(out.audio).toMatchObject({ codec_name: 'aac', channels: 1 });
    expect(out.gaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of out.gaps) expect(gap).toBeCloseTo(2, 1);
  });

  it.each([
    ['high', '/high', 'the camera sends H.264 High, not Baseline; its keyframes are 4 s apart', 640, 360],
    ['hevc', '/hevc', 'the camera sends H.265, not H.264', 320, 240],
    ['mjpeg', '/mjpeg', 'the camera sends MJPEG, not H.264', 320, 240],
  ])('transcodes the %s camera to Baseline with keyframes every 2 s, and says why', async (id, path, why, width, height) => {
    const { cam, out } = await runCamera(id, path);
    expect(cam.ingest?.path).toBe('transcode');
    expect(cam.ingest?.reason).toContain(why);
    expect(out.video).toMatchObject({ codec_name: 'h264', profile: expect.stringMatching(/Baseline/), width, height });
    expect(out.gaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of out.gaps) expect(gap).toBeCloseTo(2, 1);
  });

  it('re-encodes A-law audio to AAC mono', async () => {
    await h.add({ id: 'alaw', name: 'alaw', source: sim.url('/mjpeg') });
    const cam = await h.waitFor('alaw', 'live', (c) => c.status === 'live');
    expect(cam.ingest?.reason).toContain('audio (pcm_alaw) re-encoded to AAC mono');
    const out = await describeOutput(await recordOutput('alaw', 3));
    expect(out.audio).toMatchObject({ codec_name: 'aac', channels: 1, sample_rate: '48000' });
    await h.service.remove('alaw');
  });

  it('downscales a compliant camera when asked, which means transcoding it', async () => {
    const down = await runCamera('down', '/baseline', { maxHeight: 240 });
    expect(down.cam.ingest?.reason).toContain('downscaling from 360 to 240 lines was asked for');
    expect(down.out.video).toMatchObject({ width: 426, height: 240, profile: expect.stringMatching(/Baseline/) });
  });

  it('never upscales: a maximum height above the source keeps the source size', async () => {
    const up = await runCamera('up', '/hevc', { maxHeight: 720 });
    expect(up.out.video).toMatchObject({ width: 320, height: 240 });
  });
});
