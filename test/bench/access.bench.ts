// Access plane figures: token checks per second (OTP, JWT), and partner HLS requests per
// second with full auth at 50 and 200 concurrent clients, against Debian's nginx with
// secure_link on the same segment files. Prints figures; asserts nothing about speed.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PartnerCreateSchema } from '../../media-core/contracts/partner-requests';
import type { PartnerCreated, TokenCreated } from '../../media-core/contracts/partners';
import { createPartnerAccess, type PartnerAccess } from '../../media-core/core/partner-access';
import { openDatabase, type Db } from '../../media-core/db/database';
import { SettingsRepo } from '../../media-core/db/repos/settings';
import { silentLogger } from '../../media-core/log/logger';
import { loginAs, spawnCore, waitFor, type CoreProcess } from '../fixtures/core-process';
import { describeLoad, hlsLoad, type LoadResult } from './hls-load';
import { nginxAvailable, startNginx } from './nginx-secure-link';

const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 8000);

/** Calls per second of fn(0..n-1), after `warm` calls of fn(n..n+warm-1) to warm up. */
async function rate(n: number, fn: (i: number) => Promise<unknown> | unknown, warm = 2000): Promise<number> {
  for (let i = n; i < n + warm; i++) await fn(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return n / ((performance.now() - t0) / 1000);
}
const fmt = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;

describe('access plane: token checks', () => {
  let dir: string;
  let db: Db;
  let pa: PartnerAccess;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wink-bench-'));
    db = openDatabase(join(dir, 'wink.db'), silentLogger());
    pa = createPartnerAccess({ db, dataDir: dir, settings: new SettingsRepo(db), log: silentLogger(), knownCameras: () => ['cam-a'], muxerFor: () => undefined });
  });
  afterAll(() => {
    pa.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('OTP and JWT checks per second through authorize()', async () => {
    const secret = 'bench-shared-secret-with-at-least-32-chars';
    const ed = generateKeyPairSync('ed25519');
    const { partner } = await pa.partners.create(
      PartnerCreateSchema.parse({
        name: 'Bench',
        cameras: ['cam-a'],
        auth: ['otp', 'jwt'],
        maxConnections: 10_000,
        tokenMaxMinutes: 600,
        jwtKeys: [
          { kid: 'hs', alg: 'HS256', key: secret },
          { kid: 'ed', alg: 'EdDSA', key: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
        ],
      }),
    );
    const tokens = Array.from({ length: 1000 }, () => pa.console.partners.createToken(partner.id, { minutes: 600 })!.token);
    const req = (credentials: object, i: number) => ({ protocol: 'hls' as const, camera: 'cam-a', ip: `10.0.${(i >> 8) & 255}.${i & 255}`, kind: 'session' as const, credentials });

    const otp = await rate(200_000, (i) => pa.access.authorize(req({ otp: tokens[i % tokens.length] }, i)));
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const hsKey = new TextEncoder().encode(secret);
    const edKey = await importPKCS8(ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'EdDSA');
    const hsJwts = await Promise.all(Array.from({ length: 5000 }, (_, i) => new SignJWT({ cameras: ['cam-a'], n: i }).setProtectedHeader({ alg: 'HS256', kid: 'hs' }).setExpirationTime(exp).sign(hsKey)));
    const edJwts = await Promise.all(Array.from({ length: 3000 }, (_, i) => new SignJWT({ cameras: ['cam-a'], n: i }).setProtectedHeader({ alg: 'EdDSA', kid: 'ed' }).setExpirationTime(exp).sign(edKey)));
    // Each JWT once: a full signature check per request (warm-up on other JWTs). Then the
    // same ones again: the verified-token cache.
    const hsCold = await rate(4000, (i) => pa.access.authorize(req({ jwt: hsJwts[i] }, i)), 1000);
    const edCold = await rate(2000, (i) => pa.access.authorize(req({ jwt: edJwts[i] }, i)), 1000);
    const hsWarm = await rate(200_000, (i) => pa.access.authorize(req({ jwt: hsJwts[i % hsJwts.length] }, i)));
    console.log(`[bench] authorize() with an OTP token: ${fmt(otp)} (HMAC-SHA256 lookup, partner checks, access event), one core`);
    console.log(`[bench] authorize() with a JWT, first sight: HS256 ${fmt(hsCold)}, EdDSA ${fmt(edCold)}; seen before (cache): ${fmt(hsWarm)}`);
  });
});

describe('partner HLS under load, full auth, vs nginx secure_link', () => {
  let core: CoreProcess;
  let playlistUrl: string;
  const results: Record<string, LoadResult> = {};

  beforeAll(async () => {
    core = await spawnCore();
    const admin = await loginAs(core.consoleUrl);
    const api = async <T>(path: string, body: unknown): Promise<T> =>
      (await (await fetch(new URL(path, core.consoleUrl), { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as T;
    const { partner } = await api<PartnerCreated>('/api/v1/partners', { name: 'Load', cameras: ['demo-1'], auth: ['otp'], maxConnections: 10_000 });
    const { token } = await api<TokenCreated>(`/api/v1/partners/${partner.id}/tokens`, { minutes: 60 });
    playlistUrl = `http://127.0.0.1:${core.listen.http!.split(':').pop()}/hls/demo-1/playlist.m3u8?token=${token}`;
    await waitFor('a full playlist', async () => {
      const r = await fetch(playlistUrl);
      return r.status === 200 && (await r.text()).split('.ts?').length > 4 ? true : undefined;
    }, 60_000, 500);
  });
  afterAll(() => core?.stop());

  for (const clients of [50, 200]) {
    it(`core: ${clients} concurrent clients`, async () => {
      await hlsLoad(playlistUrl, 20, 1000);
      results[`core-${clients}`] = await hlsLoad(playlistUrl, clients, LOAD_MS);
      console.log(`[bench] ${describeLoad('core (OTP token, rate limits, session accounting)', results[`core-${clients}`]!)}`);
    });
  }

  it('nginx secure_link on the same segments, and the ratio', async () => {
    if (!nginxAvailable()) {
      console.log('[bench] nginx with secure_link not installed: comparison skipped');
      return;
    }
    const text = await (await fetch(playlistUrl)).text();
    const lines = text.split('\n');
    const segments: { name: string; data: Buffer; duration: number }[] = [];
    for (let i = 0; i < lines.length; i++) {
      const m = /^seg-\d+\.ts/.exec(lines[i]!);
      if (!m) continue;
      const duration = Number(/#EXTINF:([\d.]+)/.exec(lines[i - 1] ?? '')?.[1] ?? 2);
      const data = Buffer.from(await (await fetch(playlistUrl.slice(0, playlistUrl.lastIndexOf('/') + 1) + lines[i]!)).arrayBuffer());
      segments.push({ name: m[0], data, duration });
    }
    const avg = segments.reduce((a, s) => a + s.data.length, 0) / segments.length;
    console.log(`[bench] segments: ${segments.length}, average ${(avg / 1024).toFixed(0)} KiB`);
    for (const workers of [1, 2]) {
      const site = await startNginx('demo-1', segments, workers);
      try {
        for (const clients of [50, 200]) {
          await hlsLoad(site.playlistUrl, 20, 1000);
          const r = await hlsLoad(site.playlistUrl, clients, LOAD_MS);
          console.log(`[bench] ${describeLoad(`nginx ${workers} worker${workers > 1 ? 's' : ''} secure_link`, r)}`);
          const mine = results[`core-${clients}`];
          if (mine) console.log(`[bench] ratio core / nginx (${workers} worker${workers > 1 ? 's' : ''}) at ${clients} clients: ${(mine.reqPerSec / r.reqPerSec).toFixed(2)}`);
        }
      } finally {
        await site.stop();
      }
    }
  });
});
