// Test support: the partner listener of the core, built in-process from the same wiring
// as the real core (createPartnerAccess + createPartnerHttpServer), serving real
// ffmpeg-made HLS segments, with a clock the test can move.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createPartnerAccess, type PartnerAccess } from '../../media-core/core/partner-access';
import { openDatabase, type Db } from '../../media-core/db/database';
import { SettingsRepo } from '../../media-core/db/repos/settings';
import { silentLogger } from '../../media-core/log/logger';
import { chunked, generateTs } from '../../media-core/protocols/mpegts/testing/ffmpeg-ts';
import { createPartnerHttpServer } from '../../media-core/servers/http/server';
import { HlsMuxer } from '../../media-core/servers/hls/index';
import { StreamHub } from '../../media-core/stream/index';

export interface PartnerHarness {
  base: string;
  port: number;
  pa: PartnerAccess;
  db: Db;
  muxers: Map<string, HlsMuxer>;
  /** The access plane's clock. */
  now(): number;
  /** Moves the access plane's clock forward (not the muxers'). */
  advance(ms: number): void;
  /** Stops the access plane's clock (rates then never refill) until `unfreeze`. */
  freeze(): void;
  unfreeze(): void;
  setClock(ms: number): void;
  close(): Promise<void>;
}

export async function startPartnerHarness(opts: { cameras?: string[]; seconds?: number; size?: string } = {}): Promise<PartnerHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'wink-partner-'));
  const log = silentLogger();
  const db = openDatabase(join(dir, 'wink.db'), log);
  const cameras = opts.cameras ?? ['cam-a', 'cam-b'];
  const hub = new StreamHub();
  const muxers = new Map<string, HlsMuxer>();
  const ts = await generateTs({ seconds: opts.seconds ?? 12, size: opts.size ?? '640x360' });
  for (const id of cameras) {
    muxers.set(id, new HlsMuxer(hub.open(id), { windowSize: 10 }));
    for (const c of chunked(ts, [65536])) hub.open(id).push(c);
  }
  let offset = 0;
  let frozen: number | null = null;
  const now = () => frozen ?? Date.now() + offset;
  const pa = createPartnerAccess({
    db,
    dataDir: dir,
    settings: new SettingsRepo(db),
    log,
    knownCameras: () => cameras,
    muxerFor: (id) => muxers.get(id),
    now,
    failureDelay: async () => {},
  });
  const app: FastifyInstance = await createPartnerHttpServer(
    { ...pa.http, health: () => ({ status: 'ok', version: 'test', uptimeSec: 0, cameras: { total: cameras.length, live: cameras.length } }) },
    log,
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    pa,
    db,
    muxers,
    now,
    advance: (ms) => (offset += ms),
    freeze: () => (frozen = now()),
    unfreeze: () => (frozen = null),
    setClock: (ms) => (offset = ms - Date.now()),
    close: async () => {
      await app.close();
      pa.stop();
      for (const m of muxers.values()) m.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET from a chosen loopback source address (Linux routes all of 127/8 to lo). */
export function getFrom(url: string, opts: { localAddress?: string; headers?: Record<string, string> } = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', localAddress: opts.localAddress, headers: opts.headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A POST of a form or JSON body from a chosen loopback source address. */
export function postFrom(url: string, body: string, opts: { localAddress?: string; json?: boolean } = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: opts.localAddress,
        agent: false,
        headers: { 'content-type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The segment URIs of a playlist, as written (with their query). */
export function segmentUris(playlist: string): string[] {
  return playlist.split('\n').filter((l) => l && !l.startsWith('#'));
}
