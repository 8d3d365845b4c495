import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { hlsSource, mjpegHttpSource, rtmpSource, type TestSource } from '../fixtures/camera-sim/ffmpeg-sources';
import { serviceHarness, type ServiceHarness } from '../fixtures/camera-sim/service-harness';

// Sources other than RTSP: RTMP, MJPEG and HLS over HTTP, and files in the media folder.
// Each must come out as H.264 Baseline with a keyframe every 2 s.
const run = promisify(execFile);
let h: ServiceHarness;
const sources: TestSource[] = [];

beforeAll(async () => {
  h = await serviceHarness();
});
afterAll(async () => {
  await h?.close();
  await Promise.all(sources.map((s) => s.stop()));
});

async function keep(source: Promise<TestSource>): Promise<TestSource> {
  const s = await source;
  sources.push(s);
  return s;
}

async function output(id: string, seconds: number) {
  const parts: Buffer[] = [];
  const stop = h.hub.get(id)!.subscribe({ onTs: (p) => void parts.push(p) });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop();
  const ts = Buffer.concat(parts);
  const { streams } = await ffprobe(ts, ['-select_streams', 'v:0', '-show_entries', 'stream=codec_name,profile,width,height']);
  const { packets } = await ffprobe(ts, ['-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags']);
  const keys = (packets as Array<{ pts_time: string; flags: string }>).filter((p) => p.flags.startsWith('K')).map((p) => Number(p.pts_time));
  return { video: streams[0] as Record<string, unknown>, gaps: keys.slice(1).map((t, i) => t - keys[i]!) };
}

async function expectPolicyOutput(id: string, path: 'copy' | 'transcode') {
  const cam = await h.waitFor(id, 'live', (c) => c.status === 'live');
  expect(cam.ingest?.path).toBe(path);
  const out = await output(id, 6);
  expect(out.video).toMatchObject({ codec_name: 'h264', profile: expect.stringMatching(/Baseline/), width: 320, height: 240 });
  expect(out.gaps.length).toBeGreaterThanOrEqual(2);
  // Within one frame (1/15 s) of 2 s: sources without timing get keyframes placed by time.
  for (const gap of out.gaps) expect(Math.abs(gap - 2)).toBeLessThanOrEqual(0.07);
  return cam;
}

describe('sources other than RTSP', () => {
  it('passes an RTMP stream that already complies through', async () => {
    const src = await keep(rtmpSource());
    await h.add({ id: 'rtmp', name: 'RTMP', source: src.url });
    await expectPolicyOutput('rtmp', 'copy');
    await h.service.remove('rtmp');
  }, 45_000);

  it('transcodes MJPEG from an HTTP camera, timing frames by their arrival', async () => {
    const src = await keep(mjpegHttpSource());
    await h.add({ id: 'mjpeg-http', name: 'MJPEG', source: src.url });
    const cam = await expectPolicyOutput('mjpeg-http', 'transcode');
    expect(cam.ingest?.reason).toContain('the camera sends MJPEG, not H.264');
    expect(cam.stats.input?.fps).toBeNull();
    await h.service.remove('mjpeg-http');
  }, 45_000);

  it('transcodes a live HLS stream in H.264 High', async () => {
    const src = await keep(hlsSource());
    await h.add({ id: 'hls', name: 'HLS', source: src.url });
    const cam = await expectPolicyOutput('hls', 'transcode');
    expect(cam.ingest?.reason).toContain('H.264 High, not Baseline');
    await h.service.remove('hls');
  }, 45_000);

  it('loops a file from the media folder in real time', async () => {
    const file = join(h.mediaDir, 'clip.ts');
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15', '-t', '8', '-c:v', 'libx264',
      '-profile:v', 'baseline', '-preset', 'ultrafast', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0', '-pix_fmt', 'yuv420p', file]);
    await h.add({ id: 'clip', name: 'Clip', source: 'file:clip.ts' });
    const cam = await expectPolicyOutput('clip', 'copy');
    expect(cam.source).toBe(`file://${file}`);
    await h.service.remove('clip');
  });
});
