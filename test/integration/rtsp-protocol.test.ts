// RTSP 1.0 conformance at the byte level: methods, status codes, sessions, transports,
// and what a new client receives first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h264NalType } from '../../media-core/protocols/h264';
import { readRtpHeader, readSenderReport } from '../../media-core/protocols/rtp';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { RawRtspClient, playTcp } from './rtsp-harness-client';
import { startTestRtsp, until, type TestRtsp } from './rtsp-harness-tools';

let cam: LiveCamera;
let rtsp: TestRtsp;
let url: string;
const clients: RawRtspClient[] = [];

async function client(): Promise<RawRtspClient> {
  const c = await RawRtspClient.connect(rtsp.port);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  cam = await startLiveCamera('cam1');
  rtsp = await startTestRtsp({ cam1: cam.stream });
  rtsp.access.allowIp('127.0.0.1', ['cam1']);
  url = rtsp.url('cam1');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await rtsp?.close();
  await cam?.stop();
});

describe('RTSP methods and status codes', () => {
  it('OPTIONS lists the methods and echoes CSeq', async () => {
    const c = await client();
    const r = await c.sendRaw('OPTIONS * RTSP/1.0\r\nCSeq: 41\r\n\r\n');
    expect(r.status).toBe(200);
    expect(r.headers.get('cseq')).toBe('41');
    expect(r.headers.get('public')).toBe('OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER');
  });

  it('DESCRIBE returns SDP with H.264 sprop-parameter-sets, the AAC config and a control per track', async () => {
    const c = await client();
    const r = await c.request('DESCRIBE', url, { Accept: 'application/sdp' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/sdp');
    expect(r.headers.get('content-base')).toBe(`${url}/`);
    const sdp = r.body.toString();
    expect(sdp).toMatch(/^m=video 0 RTP\/AVP 96\r\na=rtpmap:96 H264\/90000\r\na=fmtp:96 packetization-mode=1;profile-level-id=42c0[0-9a-f]{2};sprop-parameter-sets=Z[A-Za-z0-9+/=]+,aM[A-Za-z0-9+/=]+\r\na=control:trackID=0\r\n/m);
    expect(sdp).toMatch(/^m=audio 0 RTP\/AVP 97\r\na=rtpmap:97 mpeg4-generic\/48000\/1\r\na=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1188\r\na=control:trackID=1\r\n/m);
  });

  it('answers unknown methods 501, RTSP methods a player cannot use 405, a missing CSeq 400', async () => {
    const c = await client();
    expect((await c.request('FROBNICATE', url)).status).toBe(501);
    const rec = await c.request('RECORD', url);
    expect(rec.status).toBe(405);
    expect(rec.headers.get('allow')).toContain('DESCRIBE');
    expect((await c.request('ANNOUNCE', url)).status).toBe(405);
    expect((await c.sendRaw(`OPTIONS ${url} RTSP/1.0\r\n\r\n`)).status).toBe(400);
  });

  it('answers RTSP/2.0 with 505 and keeps the connection usable', async () => {
    const c = await client();
    expect((await c.sendRaw(`OPTIONS ${url} RTSP/2.0\r\nCSeq: 1\r\n\r\n`)).status).toBe(505);
    expect((await c.request('OPTIONS', url)).status).toBe(200);
  });

  it('PLAY, PAUSE, TEARDOWN and keep-alives with no or an unknown session → 454', async () => {
    const c = await client();
    expect((await c.request('PLAY', url)).status).toBe(454);
    expect((await c.request('PAUSE', url, { Session: 'deadbeef' })).status).toBe(454);
    expect((await c.request('TEARDOWN', url, { Session: 'deadbeef' })).status).toBe(454);
    expect((await c.request('GET_PARAMETER', url, { Session: 'deadbeef' })).status).toBe(454);
  });

  it('SETUP refuses multicast, record mode or a missing Transport with 461, an unknown track with 404', async () => {
    const c = await client();
    const t0 = `${url}/trackID=0`;
    expect((await c.request('SETUP', t0)).status).toBe(461);
    expect((await c.request('SETUP', t0, { Transport: 'RTP/AVP;multicast;port=5000-5001' })).status).toBe(461);
    expect((await c.request('SETUP', t0, { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1;mode=record' })).status).toBe(461);
    expect((await c.request('SETUP', t0, { Transport: 'RAW/RAW/UDP;unicast;client_port=5000-5001' })).status).toBe(461);
    expect((await c.request('SETUP', `${url}/trackID=7`, { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1' })).status).toBe(404);
    expect((await c.request('SETUP', url, { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1' })).status).toBe(459);
  });

  it('SETUP picks the first transport it serves from the client’s list and names a 60 s session', async () => {
    const c = await client();
    const r = await c.request('SETUP', `${url}/trackID=0`, { Transport: 'RTP/AVP;multicast, RTP/AVP/TCP;unicast;interleaved=4-5, RTP/AVP;unicast;client_port=6000-6001' });
    expect(r.status).toBe(200);
    expect(r.headers.get('transport')).toMatch(/^RTP\/AVP\/TCP;unicast;interleaved=4-5;ssrc=[0-9A-F]{8};mode=play$/);
    expect(r.headers.get('session')).toMatch(/^[0-9a-f]{16};timeout=60$/);
    const session = r.headers.get('session')!.split(';')[0]!;
    const other = await client();
    expect((await other.request('PLAY', url, { Session: session })).status).toBe(454); // interleaved: not from another connection
    const u = await c.request('SETUP', `${url}/trackID=1`, { Session: session, Transport: 'RTP/AVP;unicast;client_port=6000-6001' });
    expect(u.status).toBe(461); // one session, one kind of transport
    expect((await c.request('TEARDOWN', url, { Session: session })).status).toBe(200);
  });

  it('UDP SETUP answers server_port from the server’s RTP/RTCP pair', async () => {
    const c = await client();
    const r = await c.request('SETUP', `${url}/trackID=0`, { Transport: 'RTP/AVP;unicast;client_port=50000-50001' });
    expect(r.status).toBe(200);
    const [rtpPort, rtcpPort] = rtsp.server.udp!.ports;
    expect(rtpPort % 2).toBe(0);
    expect(r.headers.get('transport')).toBe(
      `RTP/AVP;unicast;client_port=50000-50001;server_port=${rtpPort}-${rtcpPort};ssrc=${/ssrc=([0-9A-F]{8})/.exec(r.headers.get('transport')!)![1]};mode=play`,
    );
    const session = r.headers.get('session')!.split(';')[0]!;
    const k = await c.request('GET_PARAMETER', url, { Session: session });
    expect(k.status).toBe(200);
    expect(k.headers.get('session')).toBe(`${session};timeout=60`);
    expect((await c.request('SET_PARAMETER', url, { Session: session, 'Content-Type': 'text/parameters' }, 'foo: 1\r\n')).status).toBe(451);
    expect((await c.request('TEARDOWN', url, { Session: session })).status).toBe(200);
  });
});

describe('RTSP playback over TCP', () => {
  it('a new client starts at a keyframe: SPS, PPS, then the IDR, numbered as RTP-Info said', async () => {
    const c = await client();
    const video: Buffer[] = [];
    const reports = new Map<number, number>();
    c.onFrame = (ch, data) => {
      if (ch === 0) video.push(Buffer.from(data));
      if (ch === 1 || ch === 3) reports.set(ch, (reports.get(ch) ?? 0) + (readSenderReport(data) ? 1 : 0));
    };
    const { play } = await playTcp(c, url);
    const info = play.headers.get('rtp-info')!;
    const m = /url=[^;]*trackID=0;seq=(\d+);rtptime=(\d+)/.exec(info)!;
    expect(info).toMatch(/trackID=1;seq=\d+;rtptime=\d+/);
    await until('first video packets', () => video.length >= 8);
    const first = readRtpHeader(video[0]!)!;
    expect(first.sequence).toBe(Number(m[1]));
    expect(first.timestamp).toBe(Number(m[2]));
    const nalTypes = video.slice(0, 8).map((p) => {
      const payload = p.subarray(readRtpHeader(p)!.headerBytes);
      return h264NalType(payload) === 28 ? payload[1]! & 0x1f : h264NalType(payload);
    });
    // Parameter sets first, then (after any SEI) the IDR picture: decodable at once.
    const firstPicture = nalTypes.findIndex((t) => t >= 1 && t <= 5);
    expect(nalTypes.slice(0, 2)).toEqual([7, 8]);
    expect(nalTypes[firstPicture]).toBe(5);
    await until('a sender report on each track', () => reports.get(1) && reports.get(3));
  });

  it('PAUSE stops the packets; PLAY resumes at a keyframe with sequence numbers continuing', async () => {
    const c = await client();
    const video: Buffer[] = [];
    c.onFrame = (ch, data) => ch === 0 && video.push(Buffer.from(data));
    const { session } = await playTcp(c, url);
    await until('media', () => video.length > 20);
    expect((await c.request('PAUSE', url, { Session: session })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    const before = video.length;
    const lastSeq = readRtpHeader(video[before - 1]!)!.sequence;
    await new Promise((r) => setTimeout(r, 300));
    expect(video.length).toBe(before);
    const resumed = await c.request('PLAY', url, { Session: session });
    expect(resumed.status).toBe(200);
    await until('media after resume', () => video.length > before + 2, 10_000);
    const next = video[before]!;
    expect(readRtpHeader(next)!.sequence).toBe((lastSeq + 1) & 0xffff);
    const payload = next.subarray(readRtpHeader(next)!.headerBytes);
    expect([7, 5]).toContain(h264NalType(payload) === 28 ? payload[1]! & 0x1f : h264NalType(payload));
  });

  it('closing the connection ends its interleaved session and the stream reader', async () => {
    const before = cam.stream.readerCount();
    const c = await client();
    await playTcp(c, url);
    expect(cam.stream.readerCount()).toBe(before + 1);
    c.close();
    await until('reader gone', () => cam.stream.readerCount() === before);
  });
});
