// Real RTSP clients nobody here wrote (ffprobe, ffmpeg, GStreamer's rtspsrc) play a
// partner's stream from the RTSP server and decode it without errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { FFMPEG, FFPROBE, framesPerStream, GST_LAUNCH, run, startTestRtsp, type TestRtsp } from './rtsp-harness-tools';

let cam: LiveCamera;
let rtsp: TestRtsp;
const TOKEN = 'otp-1234567890';

beforeAll(async () => {
  cam = await startLiveCamera('cam1');
  rtsp = await startTestRtsp({ cam1: cam.stream });
  rtsp.access.allowToken(TOKEN, ['cam1']).allowDigest('agency-vms', 'rtsp-secret-7f3a', ['cam1']);
});

afterAll(async () => {
  await rtsp?.close();
  await cam?.stop();
});

/** ffmpeg decodes `seconds` of media to framecrc lines; errors (not warnings) go to stderr. */
async function ffmpegDecode(url: string, transport: 'tcp' | 'udp', seconds = 3) {
  const r = await run(FFMPEG, ['-hide_banner', '-v', 'error', '-rtsp_transport', transport, '-i', url, '-t', String(seconds), '-f', 'framecrc', '-']);
  return { ...r, frames: framesPerStream(r.stdout) };
}

describe('RTSP with real clients', () => {
  it('ffprobe over TCP sees H.264 baseline video and AAC audio as the camera sends them', async () => {
    const r = await run(FFPROBE, ['-v', 'error', '-rtsp_transport', 'tcp', '-show_streams', '-of', 'json', rtsp.url('cam1', `token=${TOKEN}`)]);
    expect(r.stderr).toBe('');
    const streams = JSON.parse(r.stdout).streams as Record<string, unknown>[];
    expect(streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(streams[0]).toMatchObject({ profile: 'Constrained Baseline', width: 640, height: 360 });
    expect(streams[1]).toMatchObject({ sample_rate: '48000', channels: 1 });
  });

  it('ffmpeg over TCP interleaved decodes video and audio without errors', async () => {
    const r = await ffmpegDecode(rtsp.url('cam1', `token=${TOKEN}`), 'tcp');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.frames.get(0)).toBeGreaterThanOrEqual(30); // 3 s at 15 fps, give or take the edges
    expect(r.frames.get(1)).toBeGreaterThanOrEqual(100); // 48 kHz / 1024 ≈ 47 frames per second
  });

  it('ffmpeg over UDP unicast decodes video and audio without errors', async () => {
    const r = await ffmpegDecode(rtsp.url('cam1', `token=${TOKEN}`), 'udp');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.frames.get(0)).toBeGreaterThanOrEqual(30);
    expect(r.frames.get(1)).toBeGreaterThanOrEqual(100);
  });

  it('ffmpeg authenticates with RTSP Digest (the partner’s RTSP credential) and decodes', async () => {
    const port = rtsp.port;
    const r = await ffmpegDecode(`rtsp://agency-vms:rtsp-secret-7f3a@127.0.0.1:${port}/cam1`, 'tcp', 2);
    expect(r.stderr).toBe('');
    expect(r.frames.get(0)).toBeGreaterThanOrEqual(20);
    const bad = await ffmpegDecode(`rtsp://agency-vms:wrong@127.0.0.1:${port}/cam1`, 'tcp', 1);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/401/);
  });

  for (const protocols of ['tcp', 'udp'] as const) {
    it(`gst-launch-1.0 rtspsrc over ${protocols.toUpperCase()} decodes video and audio`, async () => {
      // eos-after ends each branch (and the pipeline, exit 0) after 3 s of decoded pictures
      // and about 2 s of decoded sound.
      const r = await run(GST_LAUNCH, [
        '-q',
        'rtspsrc', `location=${rtsp.url('cam1', `token=${TOKEN}`)}`, `protocols=${protocols}`, 'name=src',
        'src.', '!', 'application/x-rtp,media=video', '!', 'decodebin', '!', 'identity', 'eos-after=45', '!', 'fakesink',
        'src.', '!', 'application/x-rtp,media=audio', '!', 'decodebin', '!', 'identity', 'eos-after=100', '!', 'fakesink',
      ], 30_000);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  }

  it('every client session ended cleanly: no sessions, readers or connections left', async () => {
    const { server } = rtsp;
    for (let i = 0; i < 100 && server.stats().connections + server.stats().sessions > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.stats()).toMatchObject({ connections: 0, sessions: 0, playing: 0 });
    expect(cam.stream.readerCount()).toBe(0);
    const closed = [...rtsp.access.open];
    expect(closed).toEqual([]);
  });
});
