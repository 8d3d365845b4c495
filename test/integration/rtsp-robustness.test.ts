// Bad input and bad clients: the server answers with the right error or closes the
// connection, never crashes, and keeps nothing behind.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { RawRtspClient, playTcp } from './rtsp-harness-client';
import { startTestRtsp, until, type TestRtsp } from './rtsp-harness-tools';
import type { RtspAccessUnit, RtspSource, RtspSourceReader } from '../../media-core/servers/rtsp';

let cam: LiveCamera;
let rtsp: TestRtsp;
let url: string;

/** A source that pushes whatever the test wants, as fast as it wants. */
class PushSource implements RtspSource {
  readonly readers = new Set<RtspSourceReader>();
  /** Replayed to each new reader, like the hub's cached GOP. */
  replay: RtspAccessUnit[] = [];
  constructor(private readonly live: LiveCamera) {}
  subscribe(reader: RtspSourceReader) {
    this.readers.add(reader);
    for (const au of this.replay) reader.onAccessUnit(au);
    return () => this.readers.delete(reader);
  }
  codecConfig() {
    return { video: this.live.stream.codecConfig().video, audio: null };
  }
  pushBigPicture(bytes: number): void {
    const data = Buffer.concat([Buffer.from([0, 0, 0, 1, 0x65]), randomBytes(bytes)]);
    for (const r of this.readers) r.onAccessUnit({ kind: 'video', codec: 'h264', pts: 0, dts: 0, keyframe: true, data });
  }
}
let push: PushSource;

beforeAll(async () => {
  cam = await startLiveCamera('cam1');
  push = new PushSource(cam);
  rtsp = await startTestRtsp(
    { cam1: cam.stream, flood: push as never },
    { requestTimeoutMs: 300, idleTimeoutMs: 2000, sessionTimeoutSec: 2, maxQueuedBytes: 256 * 1024 },
  );
  rtsp.access.allowIp('127.0.0.1', ['cam1', 'flood']);
  url = rtsp.url('cam1');
});

afterAll(async () => {
  await rtsp?.close();
  await cam?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RTSP robustness', () => {
  it('a request split byte by byte is parsed like a whole one', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    const req = Buffer.from(`DESCRIBE ${url} RTSP/1.0\r\nCSeq: 7\r\nAccept: application/sdp\r\n\r\n`);
    const reply = c.nextReply();
    for (const byte of req) {
      c.socket.write(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r)); // well inside the short request timeout, even under load
    }
    const r = await reply;
    expect(r.status).toBe(200);
    expect(r.headers.get('cseq')).toBe('7');
    c.close();
  });

  it('pipelined requests in one write are answered in order', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    c.socket.write(`OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\nDESCRIBE ${url} RTSP/1.0\r\nCSeq: 2\r\n\r\nFOO * RTSP/1.0\r\nCSeq: 3\r\n\r\n`);
    const r = [await c.nextReply(), await c.nextReply(), await c.nextReply()];
    expect(r.map((x) => [x.headers.get('cseq'), x.status])).toEqual([['1', 200], ['2', 200], ['3', 501]]);
    c.close();
  });

  it('oversized headers → 400 and the connection is closed', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    const r = await c.sendRaw(`OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Big: ${'a'.repeat(9000)}\r\n\r\n`);
    expect(r.status).toBe(400);
    await c.closedPromise;
  });

  it('a malformed request line → 400 and close; binary garbage is never buffered without bound', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    expect((await c.sendRaw('HELLO\r\n\r\n')).status).toBe(400);
    await c.closedPromise;
    const g = await RawRtspClient.connect(rtsp.port);
    g.socket.write(randomBytes(1024 * 1024).fill(0x41, 0, 1)); // starts like a method name, never ends a line
    await g.closedPromise;
  });

  it('a request that never completes is answered 408 and closed after the request timeout', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    const r = await c.sendRaw(`DESCRIBE ${url} RTSP/1.0\r\nCSeq: 1\r\n`);
    expect(r.status).toBe(408);
    await c.closedPromise;
  });

  it('a connection that sends nothing is closed after the idle timeout', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    await c.closedPromise;
    expect(c.closed).toBe(true);
  });

  it('a GOP replay larger than the unread-bytes cap does not count as a slow client', async () => {
    const picture = (i: number): RtspAccessUnit => ({ kind: 'video', codec: 'h264', pts: i * 3600, dts: i * 3600, keyframe: i === 0, data: Buffer.concat([Buffer.from([0, 0, 0, 1, i === 0 ? 0x65 : 0x41]), randomBytes(200 * 1024)]) });
    // 20 MB at once: more than loopback's socket buffers take, against a 256 KiB cap.
    push.replay = Array.from({ length: 100 }, (_, i) => picture(i));
    try {
      const c = await RawRtspClient.connect(rtsp.port);
      let bytes = 0;
      c.onFrame = (ch, data) => ch === 0 && (bytes += data.length);
      await playTcp(c, rtsp.url('flood'));
      await until('the whole replay received', () => bytes > 20_000_000);
      push.pushBigPicture(1000); // live media after the burst flows as usual
      await until('live media after the replay', () => bytes > 20_001_000);
      expect(rtsp.server.stats().sessions).toBe(1);
      c.close();
      await until('closed', () => rtsp.server.stats().sessions === 0);
    } finally {
      push.replay = [];
    }
  });

  it('a client that stops reading is dropped, not buffered for', async () => {
    const c = await RawRtspClient.connect(rtsp.port);
    await playTcp(c, rtsp.url('flood'));
    const handle = [...rtsp.access.open].at(-1)!;
    c.socket.pause();
    for (let i = 0; i < 200 && !c.closed && rtsp.server.stats().sessions > 0; i++) {
      push.pushBigPicture(512 * 1024);
      await sleep(10);
    }
    await until('slow client dropped', () => rtsp.server.stats().sessions === 0);
    expect(handle.closedWith).toBe('slow_client');
    expect(push.readers.size).toBe(0);
    c.close();
  });

  describe('UDP sessions', () => {
    let rtp: UdpSocket;
    let rtcp: UdpSocket;
    let rtpPackets = 0;
    beforeAll(async () => {
      for (let i = 0; i < 20; i++) {
        rtp = createSocket('udp4');
        await new Promise<void>((r) => rtp.bind(0, '127.0.0.1', () => r()));
        rtcp = createSocket('udp4');
        const ok = await new Promise<boolean>((r) => {
          rtcp.once('error', () => r(false));
          rtcp.bind(rtp.address().port + 1, '127.0.0.1', () => r(true));
        });
        if (ok) break;
        rtp.close();
      }
      rtp.on('message', () => rtpPackets++);
    });
    afterAll(() => {
      rtp.close();
      rtcp.close();
    });

    const setupUdp = async (c: RawRtspClient) => {
      const s = await c.request('SETUP', `${url}/trackID=0`, { Transport: `RTP/AVP;unicast;client_port=${rtp.address().port}-${rtcp.address().port}` });
      expect(s.status).toBe(200);
      const session = s.headers.get('session')!.split(';')[0]!;
      expect((await c.request('PLAY', url, { Session: session })).status).toBe(200);
      return session;
    };
    // A receiver report with no report blocks (RFC 3550 §6.4.2).
    const rr = Buffer.from([0x80, 201, 0, 1, 0x12, 0x34, 0x56, 0x78]);

    it('RTP arrives on the client port; RTCP receiver reports keep the session alive past its timeout', async () => {
      const c = await RawRtspClient.connect(rtsp.port);
      await setupUdp(c);
      const [, serverRtcp] = rtsp.server.udp!.ports;
      for (let i = 0; i < 16; i++) {
        rtcp.send(rr, serverRtcp, '127.0.0.1');
        await c.request('GET_PARAMETER', url); // no Session: keeps only the control connection from idling out
        await sleep(250);
      }
      expect(rtsp.server.stats().sessions).toBe(1); // 4 s > the 2 s timeout
      expect(rtpPackets).toBeGreaterThan(0);
      // Silence: the session times out and its control connection is closed.
      await until('session timed out', () => rtsp.server.stats().sessions === 0, 5000);
      await c.closedPromise;
    });
  });

  it('survives 300 connections of mutated requests and random bytes, and still answers', async () => {
    let seed = 0x5eed;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const seeds = [
      `OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n`,
      `DESCRIBE ${url} RTSP/1.0\r\nCSeq: 2\r\n\r\n`,
      `SETUP ${url}/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n`,
      `PLAY ${url} RTSP/1.0\r\nCSeq: 4\r\nSession: 0123456789abcdef\r\n\r\n`,
      `SET_PARAMETER ${url} RTSP/1.0\r\nCSeq: 5\r\nContent-Length: 4\r\n\r\nab\r\n`,
      '$\x01\x00\x08\x80\xc9\x00\x01\x00\x00\x00\x01',
    ];
    for (let batch = 0; batch < 15; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const c = await RawRtspClient.connect(rtsp.port);
          const parts = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
            const b = Buffer.from(seeds[Math.floor(rand() * seeds.length)]!, 'latin1');
            if (rand() < 0.2) return randomBytes(Math.floor(rand() * 300));
            for (let k = 0; k < 1 + rand() * 4; k++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
            return b;
          });
          c.socket.write(Buffer.concat(parts));
          await sleep(20);
          c.close();
        }),
      );
    }
    const probe = await RawRtspClient.connect(rtsp.port);
    expect((await probe.request('OPTIONS', '*')).status).toBe(200);
    probe.close();
  });

  it('after all of it: no connection, session or stream reader left', async () => {
    await until('all closed', () => rtsp.server.stats().connections === 0 && rtsp.server.stats().sessions === 0, 5000);
    expect(cam.stream.readerCount()).toBe(0);
    expect(rtsp.access.open.size).toBe(0);
  });
});
