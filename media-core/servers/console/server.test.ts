import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../contracts/api';
import { openDatabase } from '../../db/database';
import { CameraGroupsRepo } from '../../db/repos/camera-groups';
import { LayoutsRepo } from '../../db/repos/layouts';
import { OperatorsRepo } from '../../db/repos/operators';
import { EventBus } from '../../events/event-bus';
import { silentLogger } from '../../log/logger';
import { OperatorService } from '../../operators/operator-service';
import { createConsoleServer } from './server';

const log = silentLogger();
const camera = (id: string): Camera => ({
  id,
  name: id,
  kind: 'demo',
  enabled: true,
  status: 'live',
  statusReason: null,
  statusSince: new Date().toISOString(),
  stats: { videoCodec: 'h264', profile: 'Constrained Baseline', width: 640, height: 360, fps: 15, bitrate: 600000, hasAudio: true, uptime: 3, restarts: 0 },
});

describe('console API', () => {
  let app: FastifyInstance;
  let base: string;
  // Sessions taken once: every login counts against the client's rate-limit bucket.
  let adminToken: string;
  let viewerToken: string;
  const cams = new Map([['demo-1', camera('demo-1')], ['demo-2', camera('demo-2')]]);
  const bus = new EventBus(log);

  beforeAll(async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'wink-console-')), 'wink.db'), log);
    const operators = new OperatorService(new OperatorsRepo(db), log);
    await operators.ensureAdmin('correct horse');
    await operators.createOperator('viewer', 'viewer pass', 'viewer');
    app = await createConsoleServer(
      {
        operators,
        operatorAccounts: operators,
        layouts: new LayoutsRepo(db),
        cameraGroups: new CameraGroupsRepo(db),
        events: bus,
        cameras: { list: () => [...cams.values()], get: (id) => cams.get(id), remove: async (id) => cams.delete(id) },
        system: () => ({ version: 't', startedAt: '', listeners: {}, dataDir: '/x', ffmpeg: { path: '', source: 'PATH', version: null } }),
        staticDir: null,
        mountHls: () => {},
      },
      log,
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const a = app.server.address() as { port: number };
    base = `http://127.0.0.1:${a.port}`;
    adminToken = ((await (await login('admin', 'correct horse')).json()) as { token: string }).token;
    viewerToken = ((await (await login('viewer', 'viewer pass')).json()) as { token: string }).token;
  });
  afterAll(() => app.close());

  const login = (username: string, password: string) =>
    fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('logs in with the right password and returns a bearer token that identifies the operator', async () => {
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(await me.json()).toEqual({ username: 'admin', role: 'admin' });
    const viewer = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(await viewer.json()).toEqual({ username: 'viewer', role: 'viewer' });
  });

  it('ends a session on logout', async () => {
    const r = await login('viewer', 'viewer pass');
    const { token } = (await r.json()) as { token: string };
    const h = { authorization: `Bearer ${token}` };
    expect((await fetch(`${base}/api/v1/auth/logout`, { method: 'POST', headers: h })).status).toBe(204);
    expect((await fetch(`${base}/api/v1/auth/me`, { headers: h })).status).toBe(401);
  });

  it('answers 401 with a stable code to a wrong password or an unknown user, saying the same thing', async () => {
    const wrong = await login('admin', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as { error: { code: string; message: string } };
    const b = (await unknown.json()) as { error: { code: string; message: string } };
    expect(a.error.code).toBe('UNAUTHENTICATED');
    expect(a).toEqual(b);
  });

  it('rejects malformed login bodies with 400 VALIDATION_FAILED', async () => {
    const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":""}' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const bad = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
  });

  it('needs a session for every other call', async () => {
    for (const path of ['/api/v1/cameras', '/api/v1/cameras/demo-1', '/api/v1/system', '/api/v1/events']) {
      const r = await fetch(`${base}${path}`);
      expect(r.status, path).toBe(401);
      const r2 = await fetch(`${base}${path}`, { headers: { authorization: 'Bearer forged' } });
      expect(r2.status, path).toBe(401);
    }
  });

  it('lists cameras and returns one by id, 404 for an unknown id', async () => {
    const h = { authorization: `Bearer ${adminToken}` };
    const list = (await (await fetch(`${base}/api/v1/cameras`, { headers: h })).json()) as Camera[];
    expect(list.map((c) => c.id)).toEqual(['demo-1', 'demo-2']);
    expect(list[0]).toMatchObject({ id: 'demo-1', name: 'demo-1', status: 'live' });
    expect((await fetch(`${base}/api/v1/cameras/demo-2`, { headers: h })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/cameras/nope`, { headers: h })).status).toBe(404);
  });

  it('lets only admins delete cameras', async () => {
    expect((await fetch(`${base}/api/v1/cameras/demo-2`, { method: 'DELETE', headers: { authorization: `Bearer ${viewerToken}` } })).status).toBe(403);
    expect((await fetch(`${base}/api/v1/cameras/demo-2`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(204);
    expect(cams.has('demo-2')).toBe(false);
  });

  it('pushes camera status changes as server-sent events', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/v1/events?token=${adminToken}`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    setTimeout(() => bus.publish({ type: 'camera.status', camera: { ...camera('demo-1'), status: 'stalled', statusReason: 'no media for 5 s' } }), 50);
    while (!text.includes('"stalled"')) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    expect(text).toMatch(/event: hello/);
    expect(text).toMatch(/event: camera\.status\ndata: .*"status":"stalled"/);
  });

  it('rate-limits logins: after a burst of 5 per client the 6th+ attempt within a second gets 429 with Retry-After', async () => {
    // Sent at once, as a guessing script would: the bucket is charged on arrival, before
    // the slow hash, so a loaded machine cannot refill it between attempts.
    const answers = await Promise.all(Array.from({ length: 8 }, () => login('admin', 'wrong')));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited[0]!.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});
