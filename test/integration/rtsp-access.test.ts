// Every RTSP decision goes through the access plane (here its test double behind the
// server's narrow interface): credentials, grants, caps, byte accounting, and immediate
// teardown when the plane ends a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { RawRtspClient, playTcp } from './rtsp-harness-client';
import { FFMPEG, FFPROBE, run, start, startTestRtsp, until, type TestRtsp } from './rtsp-harness-tools';

let cam: LiveCamera;
let rtsp: TestRtsp;

beforeAll(async () => {
  cam = await startLiveCamera('cam1');
  // cam2 exists on the appliance but is granted to nobody; 'ghost' is granted but has no stream.
  rtsp = await startTestRtsp({ cam1: cam.stream, cam2: cam.stream });
  rtsp.access.allowToken('good-token', ['cam1', 'ghost']);
});

afterAll(async () => {
  await rtsp?.close();
  await cam?.stop();
});

async function describeStatus(url: string): Promise<{ status: number; auth: string | undefined }> {
  const c = await RawRtspClient.connect(rtsp.port);
  try {
    const r = await c.request('DESCRIBE', url);
    return { status: r.status, auth: r.headers.get('www-authenticate') };
  } finally {
    c.close();
  }
}

describe('RTSP access decisions', () => {
  it('no credentials → 401 with a Digest challenge; ffprobe is refused', async () => {
    const r = await describeStatus(rtsp.url('cam1'));
    expect(r.status).toBe(401);
    expect(r.auth).toMatch(/^Digest realm="WINK Media Router", nonce="[0-9a-f]{64}"/);
    const probe = await run(FFPROBE, ['-v', 'error', '-rtsp_transport', 'tcp', rtsp.url('cam1')]);
    expect(probe.code).not.toBe(0);
    expect(probe.stderr).toMatch(/401/);
  });

  it('a wrong token → 401', async () => {
    expect((await describeStatus(rtsp.url('cam1', 'token=not-a-token'))).status).toBe(401);
  });

  it('a valid token for a camera it does not grant → 403', async () => {
    expect((await describeStatus(rtsp.url('cam2', 'token=good-token'))).status).toBe(403);
  });

  it('a granted camera with no live stream → 404', async () => {
    expect((await describeStatus(rtsp.url('ghost', 'token=good-token'))).status).toBe(404);
  });

  it('an allow-listed IP needs no token; the plane sees the request as it came', async () => {
    rtsp.access.allowIp('127.0.0.1', ['cam1']);
    try {
      expect((await describeStatus(rtsp.url('cam1'))).status).toBe(200);
    } finally {
      rtsp.access.ips.clear();
    }
    const seen = rtsp.access.decisions.at(-1)!;
    expect(seen).toMatchObject({ protocol: 'rtsp', camera: 'cam1', ip: '127.0.0.1', credentials: {} });
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('a connection cap from the plane refuses the SETUP (429) and nothing is left open', async () => {
    rtsp.access.maxSessions = 0;
    const c = await RawRtspClient.connect(rtsp.port);
    try {
      const d = await c.request('DESCRIBE', rtsp.url('cam1', 'token=good-token'));
      expect(d.status).toBe(200);
      const s = await c.request('SETUP', `${d.headers.get('content-base')}trackID=0`, { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1' });
      expect(s.status).toBe(429);
      expect(rtsp.server.stats().sessions).toBe(0);
    } finally {
      rtsp.access.maxSessions = Infinity;
      c.close();
    }
  });

  it('an address over its connection cap is answered 503 and closed; a freed slot is usable again', async () => {
    rtsp.access.connectionLimit = 2;
    try {
      const a = await RawRtspClient.connect(rtsp.port);
      const b = await RawRtspClient.connect(rtsp.port);
      await until('two slots taken', () => rtsp.access.openConnections.get('127.0.0.1') === 2);
      const over = await RawRtspClient.connect(rtsp.port);
      const r = await over.request('OPTIONS', '*');
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      await over.closedPromise;
      expect(rtsp.access.records.at(-1)).toEqual({ ip: '127.0.0.1', code: 'too_many_connections' });
      expect((await a.request('OPTIONS', '*')).status).toBe(200);
      b.close();
      await until('slot released', () => rtsp.access.openConnections.get('127.0.0.1') === 1);
      const again = await RawRtspClient.connect(rtsp.port);
      expect((await again.request('OPTIONS', '*')).status).toBe(200);
      a.close();
      again.close();
    } finally {
      rtsp.access.connectionLimit = Infinity;
    }
  });

  it('bytes sent are accounted to the access session, which is closed at TEARDOWN', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    const { session } = await playTcp(c, rtsp.url('cam1', 'token=good-token'));
    await until('media', () => c.framesReceived > 50);
    const handle = [...rtsp.access.open].at(-1)!;
    const t = await c.request('TEARDOWN', rtsp.url('cam1'), { Session: session });
    expect(t.status).toBe(200);
    expect(handle.closedWith).toBe('teardown');
    expect(handle.bytes).toBeGreaterThan(10_000);
    c.close();
  });

  for (const transport of ['tcp', 'udp'] as const) {
    it(`revoking the token ends a running ffmpeg (${transport.toUpperCase()}) within a second`, async () => {
      rtsp.access.allowToken('short-lived', ['cam1']);
      const ff = start(FFMPEG, ['-hide_banner', '-v', 'error', '-rtsp_transport', transport, '-i', rtsp.url('cam1', 'token=short-lived'), '-f', 'null', '-']);
      try {
        await until('ffmpeg playing', () => rtsp.server.stats().playing === 1 && rtsp.server.stats().rtpPackets > 0, 15_000);
        await new Promise((r) => setTimeout(r, 500));
        const revokedAt = performance.now();
        rtsp.access.revoke('short-lived');
        // The requirement itself: the partner's client is gone within one second.
        const exited = await Promise.race([ff.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 1000))]);
        expect(exited, `ffmpeg still running ${(performance.now() - revokedAt).toFixed(0)} ms after revoke`).toBe(true);
        expect(rtsp.server.stats()).toMatchObject({ sessions: 0, playing: 0 });
        expect((await describeStatus(rtsp.url('cam1', 'token=short-lived'))).status).toBe(401);
      } finally {
        ff.child.kill('SIGKILL');
        await ff.exited;
      }
    });
  }

  it('leaves no session, reader or connection behind', async () => {
    await until('connections closed', () => rtsp.server.stats().connections === 0);
    expect(rtsp.server.stats()).toMatchObject({ sessions: 0, playing: 0 });
    expect(cam.stream.readerCount()).toBe(0);
    expect(rtsp.access.open.size).toBe(0);
  });
});
