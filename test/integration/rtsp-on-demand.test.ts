// An on-demand camera is idle (no ffmpeg, no codec parameters) until someone watches. A
// VMS that starts with DESCRIBE must still get its stream: the server wakes the camera by
// becoming a viewer and answers once the codec parameters are known.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../media-core/log/logger';
import { CameraStream } from '../../media-core/stream';
import { FFPROBE, run, startTestRtsp, type TestRtsp } from './rtsp-harness-tools';
import { FFMPEG } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';

const TOKEN = 'otp-on-demand-1234';
let stream: CameraStream;
let encoder: ChildProcess | null = null;
let rtsp: TestRtsp;

/** Starts the encoder on the first viewer, as the camera service does for on-demand mode. */
function gateOnViewers(s: CameraStream): void {
  s.on('viewers', (count: number) => {
    if (count === 0 || encoder) return;
    encoder = spawn(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15',
      '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '15', '-pix_fmt', 'yuv420p',
      '-f', 'mpegts', '-flush_packets', '1', 'pipe:1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    encoder.stdout!.on('data', (c: Buffer) => s.push(c));
  });
}

beforeAll(async () => {
  stream = new CameraStream('od', { log: silentLogger(), maxGopBytes: 8 << 20, now: Date.now });
  gateOnViewers(stream);
  rtsp = await startTestRtsp({ od: stream });
  rtsp.access.allowToken(TOKEN, ['od']);
});

afterAll(async () => {
  await rtsp?.close();
  encoder?.kill('SIGKILL');
  stream?.close();
});

describe('RTSP and on-demand cameras', () => {
  it('wakes an idle camera on DESCRIBE and serves it to ffprobe', async () => {
    expect(stream.codecConfig().video).toBeNull();
    const r = await run(FFPROBE, ['-v', 'error', '-rtsp_transport', 'tcp', '-show_streams', '-of', 'json', rtsp.url('od', `token=${TOKEN}`)]);
    expect(encoder).not.toBeNull();
    const streams = JSON.parse(r.stdout).streams as { codec_name: string; width: number }[];
    expect(streams[0]).toMatchObject({ codec_name: 'h264', width: 320 });
  });
});
