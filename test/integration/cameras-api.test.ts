import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../media-core/contracts/api';
import { CameraSim } from '../fixtures/camera-sim/camera-sim';
import { CORE_ENTRY, loginAs, spawnCore, waitFor, type CoreProcess } from '../fixtures/core-process';

// The headless appliance managing real RTSP cameras through its console API.
const PASSWORD = 'Sup3r$ecret!';
let core: CoreProcess;
let admin: string;
let gateSim: CameraSim;
let lazySim: CameraSim;

beforeAll(async () => {
  if (!existsSync(CORE_ENTRY)) throw new Error(`${CORE_ENTRY} is missing: run "npm run build" first`);
  const mount = { path: '/cam', codec: 'h264-baseline', width: 320, height: 240, fps: 15, audio: 'aac' } as const;
  [gateSim, lazySim] = await Promise.all([CameraSim.start({ mounts: [mount], auth: `admin:${PASSWORD}` }), CameraSim.start({ mounts: [mount] })]);
  core = await spawnCore({ args: ['--no-demo', '--http-port', '0', '--console-port', '0', '--rtsp-port', '0', '--rtmp-port', '0', '--srt-port', '0'] });
  admin = await loginAs(core.consoleUrl);
});
afterAll(async () => {
  await core?.stop();
  await Promise.all([gateSim?.stop(), lazySim?.stop()]);
});

async function call(method: string, path: string, body?: unknown, token = admin): Promise<{ status: number; json: any; headers: Headers }> {
  const r = await fetch(new URL(path, core.consoleUrl), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null, headers: r.headers };
}
const camera = async (id: string) => (await call('GET', `/api/v1/cameras/${id}`)).json as Camera;
const until = (id: string, what: string, check: (c: Camera) => boolean, ms = 30_000) =>
  waitFor(`${id} ${what}`, async () => {
    const c = await camera(id);
    return check(c) ? c : undefined;
  }, ms);

describe('cameras through the console API', () => {
  it('adds a camera with POST and shows it live, with its ingest path and its address masked', async () => {
    const source = `rtsp://admin@127.0.0.1:${gateSim.port}/cam`;
    const created = await call('POST', '/api/v1/cameras', { id: 'gate', name: 'Gate', source, password: PASSWORD, location: 'North gate' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/cameras/gate');
    expect(created.json).toMatchObject({ id: 'gate', name: 'Gate', kind: 'source', mode: 'always-on', transport: 'tcp', hasCredentials: true });
    const live = await until('gate', 'live', (c) => c.status === 'live');
    expect(live.source).toBe(`rtsp://***@127.0.0.1:${gateSim.port}/cam`);
    expect(live.ingest?.path).toBe('copy');
    expect(live.stats).toMatchObject({ videoCodec: 'h264', width: 320, height: 240, input: { videoCodec: 'h264', fps: 15 } });
    expect(JSON.stringify(await call('GET', '/api/v1/cameras'))).not.toContain(PASSWORD);
  });

  it('keeps the camera password out of the log and out of the database file', () => {
    expect(core.stdoutLines.join('\n') + core.stderr()).not.toContain(PASSWORD);
    for (const file of ['wink.db', 'wink.db-wal']) {
      const path = join(core.dataDir, file);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(PASSWORD))).toBe(false);
    }
    expect(statSync(join(core.dataDir, 'source-key')).mode & 0o777).toBe(0o600);
  });

  it('serves a recent JPEG of a live camera without a second connection to it', async () => {
    gateSim.resetCounts();
    const r = await fetch(new URL(`/api/v1/cameras/gate/snapshot.jpg?token=${admin}`, core.consoleUrl));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    const jpeg = Buffer.from(await r.arrayBuffer());
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect([gateSim.clients, gateSim.connectsTotal]).toEqual([1, 0]);
    expect((await fetch(new URL('/api/v1/cameras/gate/snapshot.jpg', core.consoleUrl))).status).toBe(401);
  });

  it.each([
    ['rtsp://127.0.0.1/cam;reboot', /source: the source address contains characters/],
    ['rtsp://127.0.0.1/$(id)', /source: the source address contains characters/],
    ['rtsp://127.0.0.1/a|b', /source: the source address contains characters/],
    ['file:///etc/passwd', /source: file sources must be inside the media folder/],
    ['file:../wink.db', /source: file sources must be inside the media folder/],
    ['concat:/etc/passwd', /source: unsupported source type "concat:"/],
    ['gopher://127.0.0.1/x', /source: unsupported source type "gopher:"/],
  ])('refuses the hostile source %s with a clear message', async (source, message) => {
    const r = await call('POST', '/api/v1/cameras', { id: 'hostile', name: 'Hostile', source });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.message).toMatch(message);
  });

  it('refuses a bad id, a taken id, and non-admins', async () => {
    const source = `rtsp://127.0.0.1:${lazySim.port}/cam`;
    expect((await call('POST', '/api/v1/cameras', { id: 'Bad Id', name: 'x', source })).json.error.message).toMatch(/^id: use 1 to 63 lowercase/);
    expect((await call('POST', '/api/v1/cameras', { id: 'gate', name: 'x', source })).status).toBe(409);
    expect((await call('POST', '/api/v1/operators', { username: 'watcher', password: 'watcher password 1', role: 'viewer' })).status).toBe(201);
    const viewer = await loginAs(core.consoleUrl, 'watcher', 'watcher password 1');
    expect((await call('POST', '/api/v1/cameras', { id: 'v', name: 'x', source }, viewer)).status).toBe(403);
    expect((await call('PATCH', '/api/v1/cameras/gate', { name: 'x' }, viewer)).status).toBe(403);
    expect((await call('GET', '/api/v1/cameras/gate', undefined, viewer)).status).toBe(200);
  });

  it('starts an on-demand camera for HLS viewers, with one upstream connection for three of them', async () => {
    const r = await call('POST', '/api/v1/cameras', { id: 'lazy', name: 'Lazy', source: `rtsp://127.0.0.1:${lazySim.port}/cam`, mode: 'on-demand', idleStopSec: 1 });
    expect(r.json).toMatchObject({ status: 'starting', statusReason: 'on demand: starts when someone watches' });
    expect(lazySim.connectsTotal).toBe(0);
    const tokens = await Promise.all([0, 1, 2].map(() => loginAs(core.consoleUrl)));
    const fetched = [0, 0, 0];
    const watch = async (i: number, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((res) => setTimeout(res, 1000))) {
        const pl = await fetch(new URL(`/hls/lazy/playlist.m3u8?token=${tokens[i]}`, core.consoleUrl));
        if (pl.status !== 200) continue;
        const seg = (await pl.text()).split('\n').filter((l) => l.startsWith('seg-')).at(-1);
        if (seg) fetched[i]! += (await (await fetch(new URL(`/hls/lazy/${seg}`, core.consoleUrl))).arrayBuffer()).byteLength;
      }
    };
    await Promise.all([0, 1, 2].map((i) => watch(i, 14_000)));
    expect(fetched.every((n) => n > 0)).toBe(true);
    expect(lazySim.clients).toBe(1);
    expect(lazySim.maxClients).toBe(1);
    expect((await camera('lazy')).viewers).toBe(3);
    // Players gone: the lease runs out, then the idle time, then the camera is let go.
    await lazySim.waitFor('the camera to see no client', (s) => s.clients === 0, 25_000);
    await until('lazy', 'idle', (c) => c.status === 'starting' && c.statusReason === 'on demand: starts when someone watches');
  }, 60_000);

  it('edits, disables and deletes a camera', async () => {
    const renamed = await call('PATCH', '/api/v1/cameras/gate', { name: 'Gate (north)', notes: 'pole 3' });
    expect(renamed.json).toMatchObject({ name: 'Gate (north)', notes: 'pole 3', status: 'live' });
    expect((await call('PATCH', '/api/v1/cameras/gate', { enabled: false })).status).toBe(200);
    await until('gate', 'disabled', (c) => c.status === 'disabled');
    await gateSim.waitFor('the camera to see no client', (s) => s.clients === 0);
    expect((await call('PATCH', '/api/v1/cameras/gate', { source: 'rtsp://x/;y' })).status).toBe(400);
    expect((await call('DELETE', '/api/v1/cameras/gate')).status).toBe(204);
    expect((await call('GET', '/api/v1/cameras/gate')).status).toBe(404);
  });
});
