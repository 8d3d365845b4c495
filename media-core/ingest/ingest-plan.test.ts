import { describe, expect, it } from 'vitest';
import { ingestArgs, planIngest, targetKbps } from './ingest-plan';
import { summarize, type ProbeResult } from './source-probe';

const probe = (o: Partial<ProbeResult> = {}): ProbeResult => ({
  hasVideo: true,
  videoCodec: 'h264',
  profile: 'Constrained Baseline',
  width: 1280,
  height: 720,
  fps: 25,
  gopSeconds: 2,
  bitrate: 2_000_000,
  audioCodec: null,
  audioProfile: null,
  audioChannels: null,
  keyframes: 3,
  probedSeconds: 4.5,
  ...o,
});
const none = { maxHeight: null, maxBitrateKbps: null };

describe('planIngest (the codec policy)', () => {
  it('passes through H.264 Baseline with keyframes every 2 s, and says so', () => {
    const plan = planIngest(probe(), none);
    expect(plan).toMatchObject({ path: 'copy', video: 'copy', audio: 'none' });
    expect(plan.reason).toBe('passed through: the camera already sends H.264 Constrained Baseline with keyframes every 2 s');
    expect(planIngest(probe({ profile: 'Baseline', gopSeconds: 1 }), none).path).toBe('copy');
  });

  it.each([
    [{ videoCodec: 'hevc', profile: 'Main' }, 'the camera sends H.265, not H.264'],
    [{ videoCodec: 'mjpeg', profile: 'Baseline' }, 'the camera sends MJPEG, not H.264'],
    [{ profile: 'High' }, 'the camera sends H.264 High, not Baseline'],
    [{ gopSeconds: 4 }, 'its keyframes are 4 s apart (the policy needs 2 s)'],
    [{ gopSeconds: null, keyframes: 1 }, 'no two keyframes within 4.5 s probed'],
    [{ bitrate: 9_000_000 }, 'its 9.0 Mbit/s is above the 4.0 Mbit/s ceiling'],
  ])('transcodes %o because %s', (o, why) => {
    const plan = planIngest(probe(o), none);
    expect(plan.path).toBe('transcode');
    expect(plan.reason).toContain(why);
    expect(plan.reason).toMatch(/^transcoded to H.264 Baseline: /);
  });

  it('downscales only when asked and the source is taller, never upscales', () => {
    const down = planIngest(probe(), { maxHeight: 360, maxBitrateKbps: null });
    expect(down).toMatchObject({ path: 'transcode', video: { scaleHeight: 360, fps: 25 } });
    expect(down.reason).toContain('downscaling from 720 to 360 lines was asked for');
    expect(planIngest(probe({ height: 360, width: 640 }), { maxHeight: 720, maxBitrateKbps: null }).path).toBe('copy');
  });

  it('sizes the transcode bitrate by pixels per second within 400-4000 kbit/s and under the ceiling', () => {
    expect(targetKbps(320, 240, 15)).toBe(400);
    expect(targetKbps(1280, 720, 25)).toBe(2304);
    expect(targetKbps(1920, 1080, 30)).toBe(4000);
    expect(targetKbps(null, null, null)).toBe(2000);
    const capped = planIngest(probe({ profile: 'High' }), { maxHeight: null, maxBitrateKbps: 800 });
    expect(capped.video).toMatchObject({ bitrateKbps: 800 });
    expect(planIngest(probe({ bitrate: 1_500_000 }), { maxHeight: null, maxBitrateKbps: 1000 }).path).toBe('transcode');
  });

  it('copies AAC-LC mono audio, re-encodes any other audio to AAC mono', () => {
    expect(planIngest(probe({ audioCodec: 'aac', audioProfile: 'LC', audioChannels: 1 }), none).audio).toBe('copy');
    const alaw = planIngest(probe({ audioCodec: 'pcm_alaw', audioChannels: 1 }), none);
    expect(alaw).toMatchObject({ path: 'copy', audio: 'transcode' });
    expect(alaw.reason).toContain('audio (pcm_alaw) re-encoded to AAC mono');
    expect(planIngest(probe({ audioCodec: 'aac', audioProfile: 'LC', audioChannels: 2 }), none).audio).toBe('transcode');
  });
});

describe('ingestArgs', () => {
  const input = ['-rtsp_transport', 'tcp', '-i', 'rtsp://cam/x'];
  it('copies video untouched on the pass-through path', () => {
    const args = ingestArgs(input, planIngest(probe({ audioCodec: 'aac', audioProfile: 'LC', audioChannels: 1 }), none));
    expect(args.join(' ')).toContain('-i rtsp://cam/x -map 0:v:0 -map 0:a:0? -c:v copy -c:a copy -flush_packets 1 -f mpegts pipe:1');
  });
  it('encodes H.264 Baseline with a 2 s GOP at the source frame rate, scaled when asked', () => {
    const args = ingestArgs(input, planIngest(probe({ videoCodec: 'hevc' }), { maxHeight: 480, maxBitrateKbps: null })).join(' ');
    expect(args).toContain('-vf scale=-2:480 -c:v libx264 -profile:v baseline');
    expect(args).toContain('-g 50 -keyint_min 50');
    expect(args).toContain('-an');
  });
});

describe('summarize (ffprobe output)', () => {
  it('measures the keyframe interval and bitrate, placing an untimed first keyframe one frame early', () => {
    const packets = [];
    for (let i = 0; i < 68; i++) packets.push({ stream_index: 0, pts_time: i === 0 ? 'N/A' : (i / 15).toFixed(6), flags: i % 30 === 0 ? 'K_' : '__', size: '1000' });
    const r = summarize({
      streams: [
        { index: 0, codec_type: 'video', codec_name: 'h264', profile: 'Constrained Baseline', width: 640, height: 360, r_frame_rate: '15/1', avg_frame_rate: '15/1' },
        { index: 1, codec_type: 'audio', codec_name: 'aac', profile: 'LC', channels: 1 },
      ],
      packets,
    });
    expect(r).toMatchObject({ videoCodec: 'h264', fps: 15, keyframes: 3, gopSeconds: 2, audioCodec: 'aac', audioChannels: 1 });
    expect(r.bitrate! / 120_000).toBeCloseTo(1, 1);
  });
  it('leaves the GOP unknown with fewer than two timed keyframes', () => {
    const r = summarize({ streams: [{ index: 0, codec_type: 'video', codec_name: 'h264', r_frame_rate: '90000/1' }], packets: [{ stream_index: 0, pts_time: '0.1', flags: 'K_' }] });
    expect([r.gopSeconds, r.fps]).toEqual([null, null]);
  });
});
