import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../log/logger';
import { readRtpHeader, readSenderReport } from '../../protocols/rtp';
import { MediaTrack } from './media-track';
import { PayloadCache } from './payload-cache';
import { RtspSession } from './session';
import { planTracks } from './track-plan';
import type { RtspAccessUnit, RtspSourceReader } from './types';

const sps = Buffer.from('6742c01eda0280bfe5c04400000300040000030078f1832a', 'hex');
const pps = Buffer.from('68ce0fc8', 'hex');
const video = (pts: number, keyframe = false): RtspAccessUnit => ({
  kind: 'video', codec: 'h264', pts, dts: pts, keyframe,
  data: Buffer.concat([Buffer.from([0, 0, 0, 1, keyframe ? 0x65 : 0x41]), Buffer.alloc(200, 7)]),
});
const audio = (pts: number): RtspAccessUnit => ({
  kind: 'audio', codec: 'aac', pts, dts: pts, keyframe: true,
  data: Buffer.concat([Buffer.from([0xff, 0xf1, 0x4c, 0x40, 0x0d, 0x7f, 0xfc]), Buffer.alloc(100, 3)]), // 107-byte ADTS frame
});

function harness(budget?: { admit: (partnerId: string, bytes: number, cap: number | null) => boolean }) {
  let clock = 1_700_000_000_000;
  let reader: RtspSourceReader | null = null;
  let replay: RtspAccessUnit[] = [];
  const source = {
    subscribe: (r: RtspSourceReader) => {
      reader = r;
      for (const au of replay) r.onAccessUnit(au);
      return () => (reader = null);
    },
    codecConfig: () => ({ video: { codec: 'h264', sps, pps }, audio: { codec: 'aac', sampleRate: 48000, channels: 1, config: Buffer.from([0x11, 0x88]) } }),
  };
  const frames: { ch: number; data: Buffer }[] = [];
  const writer = {
    writeMedia: (buf: Buffer) => {
      for (let o = 0; o < buf.length; ) {
        const len = buf.readUInt16BE(o + 2);
        frames.push({ ch: buf[o + 1]!, data: buf.subarray(o + 4, o + 4 + len) });
        o += 4 + len;
      }
      return true;
    },
  };
  let terminate: (reason: string) => void = () => {};
  const access = { id: 'a1', addBytes: vi.fn(), close: vi.fn(), onTerminate: (cb: (r: string) => void) => (terminate = cb) };
  const connection = { id: 1, sessions: new Set<RtspSession>(), destroy: vi.fn() };
  const session = new RtspSession({
    id: 's1', camera: 'cam1', ip: '127.0.0.1', source, access, connection,
    host: { payloads: new PayloadCache(), log: silentLogger(), cname: 'test', now: () => clock, counted: () => {}, closed: () => {}, dropped: () => dropped++ },
    budget: budget ? { bandwidth: budget, partnerId: 'p1', capBytesPerSec: 1000 } : undefined,
  });
  let dropped = 0;
  const plan = planTracks(source.codecConfig());
  if (!plan.ok) throw new Error('plan');
  session.tracks.set(0, new MediaTrack(plan.tracks[0]!, { kind: 'tcp', writer, rtpChannel: 0, rtcpChannel: 1 }));
  session.tracks.set(1, new MediaTrack(plan.tracks[1]!, { kind: 'tcp', writer, rtpChannel: 2, rtcpChannel: 3 }));
  return {
    session, frames, access, connection,
    push: (au: RtspAccessUnit) => reader?.onAccessUnit(au),
    discontinuity: () => reader?.onDiscontinuity(),
    setReplay: (aus: RtspAccessUnit[]) => (replay = aus),
    advance: (ms: number) => (clock += ms),
    terminate: (r: string) => terminate(r),
    dropped: () => dropped,
  };
}

/** Wall-clock ms of an RTP timestamp per the latest sender report on that track. */
function wallOf(frames: { ch: number; data: Buffer }[], rtcpCh: number, ts: number, rate: number): number {
  const sr = frames.filter((f) => f.ch === rtcpCh).map((f) => readSenderReport(f.data)!).at(-1)!;
  const delta = ((ts - sr.rtpTime + 2 ** 31) % 2 ** 32) - 2 ** 31 + (ts - sr.rtpTime < -(2 ** 31) ? 2 ** 32 : 0);
  return sr.ntpMs + (delta / rate) * 1000;
}
const rtpOf = (frames: { ch: number; data: Buffer }[], ch: number) => frames.filter((f) => f.ch === ch).map((f) => readRtpHeader(f.data)!);

describe('RtspSession', () => {
  it('maps both tracks to one wall clock in its sender reports, so audio lines up with video', () => {
    const h = harness();
    h.setReplay([video(900_000, true), audio(901_800)]);
    h.session.start();
    h.push(video(906_000));
    h.push(audio(903_720));
    const v = rtpOf(h.frames, 0);
    const a = rtpOf(h.frames, 2);
    const wallV = wallOf(h.frames, 1, v.at(-1)!.timestamp, 90000); // pts 906 000
    const wallA = wallOf(h.frames, 3, a.at(-1)!.timestamp, 48000); // pts 903 720
    expect(wallA - wallV).toBeCloseTo((903_720 - 906_000) / 90, 0);
    expect(a[1]!.timestamp - a[0]!.timestamp).toBe(1024); // 1920 ticks of 90 kHz = 1024 samples at 48 kHz
  });

  it('keeps timestamps moving forward across an upstream restart', () => {
    const h = harness();
    h.session.start();
    h.push(video(5_000_000, true));
    h.push(video(5_006_000));
    h.discontinuity();
    h.push(video(0, true));
    h.push(audio(1_800));
    const v = rtpOf(h.frames, 0);
    const last = v.at(-1)!.timestamp;
    const before = v.find((p) => p.marker && p.timestamp !== v[0]!.timestamp)!.timestamp;
    expect((last - before + 2 ** 32) % 2 ** 32).toBeGreaterThan(0);
    expect((last - before + 2 ** 32) % 2 ** 32).toBeLessThan(90_000);
  });

  it('after PAUSE, PLAY resumes at a new keyframe and never repeats what was sent', () => {
    const h = harness();
    h.setReplay([video(0, true), video(6000)]);
    h.session.start();
    h.session.pause();
    h.push(video(12_000)); // while paused: not sent
    const sent = rtpOf(h.frames, 0).length;
    h.setReplay([video(0, true), video(6000), video(12_000), video(18_000)]);
    h.session.start();
    expect(rtpOf(h.frames, 0).length).toBe(sent); // replay is all old or not a keyframe
    h.push(video(24_000, true));
    const after = rtpOf(h.frames, 0).slice(sent);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]!.sequence).toBe((rtpOf(h.frames, 0)[sent - 1]!.sequence + 1) & 0xffff);
  });

  it('ends at once when the access plane terminates it, dropping the connection', () => {
    const h = harness();
    h.session.start();
    h.push(video(0, true));
    h.terminate('token_revoked');
    expect(h.session.closed).toBe(true);
    expect(h.connection.destroy).toHaveBeenCalledWith('token_revoked');
    expect(h.access.addBytes).toHaveBeenCalled();
    const n = h.frames.length;
    h.push(video(6000));
    expect(h.frames.length).toBe(n);
  });

  it('over its partner\'s budget, leaves video out up to the next admitted keyframe and keeps audio', () => {
    let room = true;
    const admit = vi.fn((_p: string, _b: number, _c: number | null) => room);
    const h = harness({ admit });
    h.session.start();
    h.push(video(0, true));
    room = false;
    h.push(video(6000)); // refused: dropping starts
    room = true;
    h.push(video(12_000)); // budget again, but not a keyframe: still dropped
    h.push(audio(13_000)); // audio always goes
    h.push(video(18_000, true)); // admitted keyframe: video resumes
    h.push(video(24_000));
    const v = rtpOf(h.frames, 0);
    const videoTimestamps = new Set(v.map((p) => p.timestamp));
    expect(videoTimestamps.size).toBe(3);
    expect(rtpOf(h.frames, 2).length).toBe(1);
    expect(h.dropped()).toBe(2);
    expect(admit).toHaveBeenCalledWith('p1', expect.any(Number), 1000);
    // RTP sequence numbers stay contiguous: the client sees a jump in time, not loss.
    for (let i = 1; i < v.length; i++) expect(v[i]!.sequence).toBe((v[i - 1]!.sequence + 1) & 0xffff);
  });
});
