// Test support for the abuse monitor: the partner listener of the core built in-process
// from the real wiring (createPartnerAccess + createPartnerHttpServer + createAbuseWiring),
// live HLS fed segment by segment from ffmpeg-made TS, one clock the test can move (the
// access plane, the muxers and the monitor all read it), and the console API on top.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SecretBox } from '../../media-core/cameras/secret-box';
import type { AlertConsoleEvent } from '../../media-core/abuse/index';
import { createAbuseWiring, type AbuseWiring } from '../../media-core/core/abuse-wiring';
import { createPartnerAccess, type PartnerAccess } from '../../media-core/core/partner-access';
import type { AbuseSettingsInput, Alert } from '../../media-core/contracts/alerts';
import { PartnerCreateSchema, type PartnerCreateRequest, type TokenCreateRequest } from '../../media-core/contracts/partner-requests';
import type { Partner } from '../../media-core/contracts/partners';
import { openDatabase, type Db } from '../../media-core/db/database';
import { OperatorsRepo } from '../../media-core/db/repos/operators';
import { SettingsRepo } from '../../media-core/db/repos/settings';
import { EventBus } from '../../media-core/events/event-bus';
import { silentLogger } from '../../media-core/log/logger';
import { OperatorService } from '../../media-core/operators/operator-service';
import { generateTs } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { createConsoleServer } from '../../media-core/servers/console/server';
import { HlsMuxer } from '../../media-core/servers/hls/index';
import { createPartnerHttpServer } from '../../media-core/servers/http/server';
import { StreamHub } from '../../media-core/stream/index';

export const WINDOW = 6;

/** One camera's live source: pushes the TS until exactly one more segment is finished. */
export class LiveFeed {
  private pos = 0;

  constructor(
    private readonly ts: Buffer,
    private readonly push: (b: Buffer) => void,
    readonly muxer: HlsMuxer,
  ) {}

  newestSeq(): number {
    const s = this.muxer.stats();
    if (s.mediaSequence === null) return -1;
    return s.mediaSequence + Math.min(WINDOW, s.segments) - 1;
  }

  /** One more segment (about 2 s of media). False when the source ran out. */
  step(): boolean {
    const before = this.newestSeq();
    for (let i = 0; i < 10_000 && this.pos < this.ts.length; i++) {
      this.push(this.ts.subarray(this.pos, this.pos + 188 * 16));
      this.pos += 188 * 16;
      if (this.newestSeq() > before) return true;
    }
    return false;
  }
}

export interface HarnessOptions {
  cameras?: string[];
  /** Seconds of source media per camera. */
  seconds?: number;
  settings?: AbuseSettingsInput;
  bandwidthBucketMs?: number;
  notifierDelays?: { baseMs: number; maxMs: number };
}

export interface AbuseHarness {
  base: string;
  consoleBase: string;
  adminToken: string;
  viewerToken: string;
  db: Db;
  pa: PartnerAccess;
  abuse: AbuseWiring;
  feeds: Map<string, LiveFeed>;
  events: AlertConsoleEvent[];
  now(): number;
  advance(ms: number): void;
  createPartner(req: PartnerCreateRequest): Promise<Partner>;
  token(partnerId: string, req?: TokenCreateRequest): string;
  /** Every finding so far responded to; then the alerts, newest first. */
  alerts(): Promise<Alert[]>;
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

const tsCache = new Map<number, Promise<Buffer>>();

export async function startAbuseHarness(o: HarnessOptions = {}): Promise<AbuseHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'wink-abuse-'));
  const log = silentLogger();
  const db = openDatabase(join(dir, 'wink.db'), log);
  const settings = new SettingsRepo(db);
  if (o.settings) settings.set('abuse.settings', o.settings);
  const cameras = o.cameras ?? ['cam-a', 'cam-b'];
  let offset = 0;
  const now = () => Date.now() + offset;
  const seconds = o.seconds ?? 20;
  if (!tsCache.has(seconds)) tsCache.set(seconds, generateTs({ seconds, size: '320x180', fps: 15, gop: 30 }));
  const ts = await tsCache.get(seconds)!;
  const hub = new StreamHub();
  const feeds = new Map<string, LiveFeed>();
  for (const id of cameras) {
    const stream = hub.open(id);
    // The muxers keep real time: the test's clock jumps (minutes) would make them stale.
    const muxer = new HlsMuxer(stream, { windowSize: WINDOW });
    const feed = new LiveFeed(ts, (b) => stream.push(b), muxer);
    for (let i = 0; i < WINDOW; i++) feed.step();
    feeds.set(id, feed);
  }
  const muxerFor = (id: string) => feeds.get(id)?.muxer;
  const pa = createPartnerAccess({ db, dataDir: dir, settings, log, knownCameras: () => cameras, muxerFor, now, failureDelay: async () => {} });
  const app: FastifyInstance = await createPartnerHttpServer(
    { ...pa.http, health: () => ({ status: 'ok', version: 'test', uptimeSec: 0, cameras: { total: cameras.length, live: cameras.length } }) },
    log,
  );
  const bus = new EventBus(log);
  const events: AlertConsoleEvent[] = [];
  bus.subscribe((e) => {
    if (e.type === 'alert.created' || e.type === 'alert.updated') events.push(e);
  });
  const abuse = createAbuseWiring({
    db,
    settings,
    dataDir: dir,
    log,
    bus,
    partnerAccess: pa,
    partnerHttp: app,
    muxerFor,
    sealer: SecretBox.withKey(randomBytes(32)),
    now,
    ...(o.bandwidthBucketMs ? { bandwidthBucketMs: o.bandwidthBucketMs } : {}),
    notifierDelays: o.notifierDelays ?? { baseMs: 30_000, maxMs: 3_600_000 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;

  const operators = new OperatorService(new OperatorsRepo(db), log);
  await operators.ensureAdmin('correct horse');
  await operators.createOperator('viewer', 'viewer pass', 'viewer');
  const consoleApp = await createConsoleServer(
    {
      operators,
      operatorAccounts: operators,
      layouts: { listVisibleTo: () => [], find: () => undefined, put: () => { throw new Error('unused'); }, delete: () => false },
      cameraGroups: { list: () => [], find: () => undefined, put: () => { throw new Error('unused'); }, delete: () => false },
      cameras: { list: () => [], get: () => undefined, remove: async () => false },
      events: bus,
      ...pa.console,
      alerts: abuse.service.consoleApi,
      system: () => ({ version: 't', startedAt: '', listeners: {}, dataDir: dir, ffmpeg: { path: '', source: 'PATH', version: null } }) as never,
      staticDir: null,
      mountHls: () => {},
    },
    log,
  );
  await consoleApp.listen({ host: '127.0.0.1', port: 0 });
  const consoleBase = `http://127.0.0.1:${(consoleApp.server.address() as { port: number }).port}`;
  const login = async (username: string, password: string) => {
    const r = await fetch(`${consoleBase}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return ((await r.json()) as { token: string }).token;
  };
  const adminToken = await login('admin', 'correct horse');
  const viewerToken = await login('viewer', 'viewer pass');

  const api: AbuseHarness['api'] = async (method, path, body, token = adminToken) => {
    const r = await fetch(`${consoleBase}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as never };
  };

  return {
    base: `http://127.0.0.1:${port}`,
    consoleBase,
    adminToken,
    viewerToken,
    db,
    pa,
    abuse,
    feeds,
    events,
    now,
    advance: (ms) => (offset += ms),
    createPartner: async (req) => (await pa.console.partners.create(PartnerCreateSchema.parse(req))).partner,
    token: (partnerId, req = {}) => {
      const t = pa.console.partners.createToken(partnerId, req);
      if (!t) throw new Error(`no partner ${partnerId}`);
      return t.token;
    },
    alerts: async () => {
      await abuse.service.monitor.idle();
      return abuse.service.store.list({ limit: 500 }).items;
    },
    api,
    close: async () => {
      await Promise.allSettled([app.close(), consoleApp.close()]);
      await abuse.stop();
      pa.stop();
      for (const f of feeds.values()) f.muxer.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
