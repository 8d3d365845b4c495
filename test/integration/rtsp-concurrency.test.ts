// Fifty partner clients on one camera at once: each gets its own gap-free RTP stream
// starting at a keyframe, from one upstream reader per client and one camera pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRtpHeader } from '../../media-core/protocols/rtp';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { RawRtspClient, playTcp } from './rtsp-harness-client';
import { startTestRtsp, until, type TestRtsp } from './rtsp-harness-tools';

const CLIENTS = 50;
let cam: LiveCamera;
let rtsp: TestRtsp;

beforeAll(async () => {
  cam = await startLiveCamera('cam1');
  rtsp = await startTestRtsp({ cam1: cam.stream });
  rtsp.access.allowToken('vms-token', ['cam1']);
});

afterAll(async () => {
  await rtsp?.close();
  await cam?.stop();
});

interface Tally {
  video: number;
  audio: number;
  gaps: number;
  lastSeq: Map<number, number>;
}

describe('RTSP under 50 concurrent clients', () => {
  it(`serves ${CLIENTS} clients at once, each with a gap-free stream`, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => RawRtspClient.connect(rtsp.port)));
    const tallies: Tally[] = clients.map((c) => {
      const t: Tally = { video: 0, audio: 0, gaps: 0, lastSeq: new Map() };
      c.onFrame = (ch, data) => {
        if (ch !== 0 && ch !== 2) return;
        const h = readRtpHeader(data)!;
        const prev = t.lastSeq.get(ch);
        if (prev !== undefined && ((prev + 1) & 0xffff) !== h.sequence) t.gaps++;
        t.lastSeq.set(ch, h.sequence);
        if (ch === 0) t.video++;
        else t.audio++;
      };
      return t;
    });
    await Promise.all(clients.map((c) => playTcp(c, `rtsp://127.0.0.1:${rtsp.port}/cam1?token=vms-token`)));
    expect(rtsp.server.stats()).toMatchObject({ connections: CLIENTS, sessions: CLIENTS, playing: CLIENTS });
    expect(cam.stream.readerCount()).toBe(CLIENTS);
    const start = tallies.map((t) => t.video);
    // Live media (beyond the replayed GOP) reaches every client.
    await until('live packets at every client', () => tallies.every((t, i) => t.video > start[i]! + 60 && t.audio > 20), 20_000, 50);
    expect(tallies.map((t) => t.gaps)).toEqual(Array(CLIENTS).fill(0));
    for (const c of clients) c.close();
    await until('all sessions gone', () => rtsp.server.stats().sessions === 0 && rtsp.server.stats().connections === 0);
    expect(cam.stream.readerCount()).toBe(0);
    expect(rtsp.access.open.size).toBe(0);
  });
});
