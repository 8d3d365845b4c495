// The partner-facing HLS routes: access decided per request by `authorize`, hostile paths
// answered 404 without reaching it, tokens carried into every playlist URI.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunked, FFPROBE, generateTs } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { HlsMuxer, registerHlsRoutes, type HlsAccessDecision } from '../../media-core/servers/hls';
import { StreamHub } from '../../media-core/stream';

const TOKEN = 'abc123';

describe('HLS routes', () => {
  let app: FastifyInstance;
  let muxer: HlsMuxer;
  let empty: HlsMuxer;
  const calls: string[] = [];
  const served: number[] = [];

  beforeAll(async () => {
    const hub = new StreamHub();
    muxer = new HlsMuxer(hub.open('cam-1'));
    empty = new HlsMuxer(hub.open('cam_2'));
    const ts = await generateTs({ seconds: 7 });
    for (const c of chunked(ts)) hub.open('cam-1').push(c);

    app = Fastify();
    registerHlsRoutes(app, {
      muxerFor: (id) => ({ 'cam-1': muxer, cam_2: empty })[id],
      authorize: async (req, camera, kind): Promise<HlsAccessDecision> => {
        calls.push(`${kind}:${camera}`);
        const token = (req.query as Record<string, string>).token;
        if (token !== TOKEN) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Access denied' };
        if (camera === 'forbidden') return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Access denied' };
        return { ok: true, uriQuery: `token=${TOKEN}`, onBytes: (n) => served.push(n) };
      },
    });
    await app.ready();
  });

  afterAll(async () => {
    muxer.close();
    empty.close();
    await app.close();
  });

  it('serves the playlist with every segment URI carrying the caller’s query', async () => {
    const res = await app.inject({ url: `/hls/cam-1/playlist.m3u8?token=${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(res.headers['cache-control']).toBe('no-cache');
    const uris = res.body.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(uris.length).toBeGreaterThanOrEqual(2);
    for (const u of uris) expect(u).toMatch(/^seg-\d+\.ts\?token=abc123$/);
    expect(served.at(-1)).toBe(res.rawPayload.length);
  });

  it('answers index.m3u8 as an alias of playlist.m3u8', async () => {
    const res = await app.inject({ url: `/hls/cam-1/index.m3u8?token=${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('#EXTM3U\n')).toBe(true);
  });

  it('serves segments as video/mp2t with a max-age', async () => {
    const res = await app.inject({ url: `/hls/cam-1/seg-0.ts?token=${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp2t');
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(res.rawPayload.equals(muxer.segment('seg-0.ts')!)).toBe(true);
    expect(served.at(-1)).toBe(res.rawPayload.length);
  });

  it('answers a denial with the status and generic error the authorizer chose', async () => {
    const noToken = await app.inject({ url: '/hls/cam-1/playlist.m3u8' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Access denied' } });
    const forbidden = await app.inject({ url: `/hls/forbidden/seg-0.ts?token=${TOKEN}` });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for unknown cameras and segments, 503 while a camera has no segments', async () => {
    const unknown = await app.inject({ url: `/hls/nope/playlist.m3u8?token=${TOKEN}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const gone = await app.inject({ url: `/hls/cam-1/seg-999999.ts?token=${TOKEN}` });
    expect(gone.statusCode).toBe(404);
    const notYet = await app.inject({ url: `/hls/cam_2/playlist.m3u8?token=${TOKEN}` });
    expect(notYet.statusCode).toBe(503);
    expect(notYet.json().error.code).toBe('UNAVAILABLE');
  });

  it('answers 404 with the JSON error to hostile or malformed paths, without consulting the authorizer', async () => {
    const hostile = [
      '/hls/cam-1/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/hls/cam-1/..%5c..%5cwin.ini',
      '/hls/cam-1/seg-0.ts%00.m3u8',
      '/hls/cam-1/seg-0.ts.bak',
      '/hls/cam-1/seg--1.ts',
      '/hls/cam-1/seg-99999999999999999999.ts',
      '/hls/cam-1/playlist.m3u8/extra',
      '/hls/Cam-1/playlist.m3u8',
      '/hls/-cam/playlist.m3u8',
      `/hls/${'a'.repeat(65)}/playlist.m3u8`,
      '/hls/cam%0a1/playlist.m3u8',
      '/hls//playlist.m3u8',
      '/hls/',
    ];
    const before = calls.length;
    for (const url of hostile) {
      const res = await app.inject({ url: `${url}?token=${TOKEN}` });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    expect(calls.length).toBe(before);
  });

  it('answers 404 to dot-dot paths sent raw over a socket', async () => {
    const address = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
    for (const path of [
      '/hls/../../etc/passwd',
      '/hls/%2e%2e/%2e%2e/etc/passwd',
      '/hls/%2e%2e/playlist.m3u8',
      '/hls/cam-1/../../../etc/passwd',
    ]) {
      const status = await new Promise<number>((resolve, reject) => {
        // node:http sends the path as given; no client-side normalisation.
        const req = request({ host: '127.0.0.1', port: address.port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status, path).toBe(404);
    }
  });

  it('is playable by a real HLS client over a socket on 127.0.0.1', async () => {
    const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        FFPROBE,
        ['-v', 'error', '-of', 'json', '-show_streams', `${address}/hls/cam-1/playlist.m3u8?token=${TOKEN}`],
        { timeout: 20_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message} ${stderr}`)) : resolve(stdout)),
      ),
    );
    const codecs = JSON.parse(out).streams.map((s: { codec_name: string }) => s.codec_name).sort();
    expect(codecs).toEqual(['aac', 'h264']);
  });
});
