// Partner HLS on the partner listener: who gets in with which credential, what a refusal
// looks like, and the limits. In-process listener built by the core's own wiring.
import { generateKeyPairSync } from 'node:crypto';
import { connect } from 'node:net';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditQuery } from '../../media-core/contracts/audit';
import { PartnerCreateSchema, type PartnerCreateRequest } from '../../media-core/contracts/partner-requests';
import { getFrom, segmentUris, startPartnerHarness, type PartnerHarness } from './partner-harness';

const DENIED = { error: { code: 'UNAUTHENTICATED', message: 'Access denied' } };
const FORBIDDEN = { error: { code: 'FORBIDDEN', message: 'Access denied' } };

describe('partner HLS access', () => {
  let h: PartnerHarness;
  let partnerId: string;
  let token: string;

  const create = async (req: PartnerCreateRequest) => (await h.pa.partners.create(PartnerCreateSchema.parse(req))).partner;
  const tokenFor = (id: string, req: Parameters<PartnerHarness['pa']['console']['partners']['createToken']>[1] = {}) => h.pa.console.partners.createToken(id, req)!;
  const audit = (q: Partial<AuditQuery>) => h.pa.console.audit.decisions({ limit: 100, ...q }).items;

  beforeAll(async () => {
    h = await startPartnerHarness();
    partnerId = (await create({ name: 'Channel 5 News', type: 'news_media', cameras: ['cam-a'], auth: ['otp'], allowedOrigins: ['https://news.example'] })).id;
    token = tokenFor(partnerId).token;
  });
  afterAll(() => h.close());

  it('serves a granted camera with the token carried into every playlist URI', async () => {
    const r = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${token}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(r.headers['cache-control']).toBe('no-cache');
    const uris = segmentUris(r.body.toString());
    expect(uris.length).toBeGreaterThanOrEqual(2);
    for (const u of uris) expect(u).toMatch(new RegExp(`^seg-\\d+\\.ts\\?token=${token}$`));
    const seg = await getFrom(`${h.base}/hls/cam-a/${uris[0]}`);
    expect(seg.status).toBe(200);
    expect(seg.headers['content-type']).toBe('video/mp2t');
    expect(seg.body[0]).toBe(0x47);
  });

  it('refuses no token, a wrong token and an ungranted camera with generic bodies', async () => {
    const none = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8`);
    const wrong = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=12345678901234567890`);
    const ungranted = await getFrom(`${h.base}/hls/cam-b/playlist.m3u8?token=${token}`);
    const missingCamera = await getFrom(`${h.base}/hls/no-such-cam/playlist.m3u8?token=${token}`);
    expect([none.status, wrong.status, ungranted.status, missingCamera.status]).toEqual([401, 401, 403, 403]);
    expect(JSON.parse(none.body.toString())).toEqual(DENIED);
    expect(JSON.parse(wrong.body.toString())).toEqual(DENIED);
    // An ungranted camera and one that does not exist cannot be told apart.
    expect(JSON.parse(ungranted.body.toString())).toEqual(FORBIDDEN);
    expect(missingCamera.body.toString()).toBe(ungranted.body.toString());
    const codes = audit({ result: 'deny' }).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['no_credentials', 'token_unknown', 'camera_not_granted']));
  });

  it('refuses an expired token on its next request and says why only in the audit trail', async () => {
    const t = tokenFor(partnerId, { minutes: 1 });
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${t.token}`)).status).toBe(200);
    h.advance(61_000);
    const r = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${t.token}`);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body.toString())).toEqual(DENIED);
    expect(audit({ result: 'deny', code: ['token_expired'] })[0]).toMatchObject({ tokenId: t.info.id, partnerId, camera: 'cam-a' });
    // The long-lived token of the other tests is still good.
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${token}`)).status).toBe(200);
  });

  it('limits a token to its cameras and its bound address', async () => {
    await h.pa.partners.update(partnerId, { cameras: ['cam-a', 'cam-b'] });
    const narrow = tokenFor(partnerId, { cameras: ['cam-b'], bindIp: '127.0.0.1' });
    expect((await getFrom(`${h.base}/hls/cam-b/playlist.m3u8?token=${narrow.token}`)).status).toBe(200);
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${narrow.token}`)).status).toBe(403);
    expect((await getFrom(`${h.base}/hls/cam-b/playlist.m3u8?token=${narrow.token}`, { localAddress: '127.0.0.44' })).status).toBe(403);
    await h.pa.partners.update(partnerId, { cameras: ['cam-a'] });
  });

  it('answers CORS for the partner’s own origins only', async () => {
    const ok = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${token}`, { headers: { origin: 'https://news.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://news.example');
    expect(ok.headers.vary).toMatch(/Origin/);
    const other = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${token}`, { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // Preflights (a Bearer header) are answered for known origins only.
    const preflight = await fetch(`${h.base}/hls/cam-a/playlist.m3u8`, { method: 'OPTIONS', headers: { origin: 'https://news.example', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const stranger = await fetch(`${h.base}/hls/cam-a/playlist.m3u8`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses at once when the partner is suspended, and ends its running session', async () => {
    const p = await create({ name: 'Suspendable', cameras: ['cam-a'], auth: ['otp'] });
    const t = tokenFor(p.id).token;
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${t}`)).status).toBe(200);
    expect(h.pa.access.listSessions().some((s) => s.partnerId === p.id)).toBe(true);
    await h.pa.partners.update(p.id, { status: 'suspended' });
    expect(h.pa.access.listSessions().some((s) => s.partnerId === p.id)).toBe(false);
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${t}`)).status).toBe(403);
    const ended = h.pa.console.audit.sessions({ limit: 10, partner: p.id }).items[0];
    expect(ended?.endReason).toBe('partner_suspended');
  });

  it('accepts partner JWTs (HS256, RS256 and EdDSA) by query or Bearer header, enforcing exp and cameras', async () => {
    const secret = 'a-shared-secret-of-at-least-32-characters!!';
    const ed = generateKeyPairSync('ed25519');
    const edPublic = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const p = await create({
      name: 'JWT agency',
      cameras: ['cam-a', 'cam-b'],
      auth: ['jwt'],
      jwtKeys: [
        { kid: 'hs-1', alg: 'HS256', key: secret },
        { kid: 'ed-1', alg: 'EdDSA', key: edPublic },
        { kid: 'rs-1', alg: 'RS256', key: JSON.stringify(rsa.publicKey.export({ format: 'jwk' })) },
      ],
    });
    const nowSec = Math.floor(h.now() / 1000);
    const hs = await new SignJWT({ cameras: ['cam-a'] }).setProtectedHeader({ alg: 'HS256', kid: 'hs-1' }).setIssuer(p.id).setExpirationTime(nowSec + 60).sign(new TextEncoder().encode(secret));
    const edKey = await importPKCS8(ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'EdDSA');
    const edJwt = await new SignJWT({ cameras: ['cam-b'] }).setProtectedHeader({ alg: 'EdDSA', kid: 'ed-1' }).setExpirationTime(nowSec + 60).sign(edKey);

    const byQuery = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?jwt=${hs}`);
    expect(byQuery.status).toBe(200);
    expect(segmentUris(byQuery.body.toString())[0]).toContain(`jwt=${hs}`);
    expect((await getFrom(`${h.base}/hls/cam-b/playlist.m3u8`, { headers: { authorization: `Bearer ${edJwt}` } })).status).toBe(200);
    const rsKey = await importPKCS8(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    const rsJwt = await new SignJWT({ cameras: 'cam-a,cam-b' }).setProtectedHeader({ alg: 'RS256', kid: 'rs-1' }).setExpirationTime(nowSec + 60).sign(rsKey);
    expect((await getFrom(`${h.base}/hls/cam-b/playlist.m3u8?jwt=${rsJwt}`)).status).toBe(200);
    // The cameras claim narrows the grant.
    expect((await getFrom(`${h.base}/hls/cam-b/playlist.m3u8?jwt=${hs}`)).status).toBe(403);
    // A forged signature and an expired token are refused.
    const forged = await new SignJWT({ cameras: ['cam-a'] }).setProtectedHeader({ alg: 'HS256', kid: 'hs-1' }).setExpirationTime(nowSec + 60).sign(new TextEncoder().encode('x'.repeat(40)));
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?jwt=${forged}`)).status).toBe(401);
    h.advance(120_000);
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?jwt=${hs}`)).status).toBe(401);
    expect(audit({ code: ['jwt_expired'] }).length).toBeGreaterThan(0);
  });

  it('caps a partner’s concurrent sessions', async () => {
    const p = await create({ name: 'One viewer', cameras: ['cam-a', 'cam-b'], auth: ['otp'], maxConnections: 1 });
    const t = tokenFor(p.id).token;
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${t}`)).status).toBe(200);
    // The same viewer again is the same session; a second camera is a second session.
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${t}`)).status).toBe(200);
    const second = await getFrom(`${h.base}/hls/cam-b/playlist.m3u8?token=${t}`);
    expect(second.status).toBe(429);
    expect(audit({ code: ['max_sessions'] })[0]?.partnerId).toBe(p.id);
    // A player that refreshes its token replaces its own session rather than being refused.
    const refreshed = tokenFor(p.id).token;
    expect((await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${refreshed}`)).status).toBe(200);
    const rows = h.pa.console.audit.sessions({ limit: 10, partner: p.id }).items;
    expect(rows.map((r) => r.endReason)).toEqual([null, 'superseded']);
  });

  it('answers 429 with Retry-After past 100 stream requests per second from one address', async () => {
    const url = `${h.base}/hls/cam-a/playlist.m3u8?token=${token}`;
    // With the clock stopped, "one second" lasts as long as the test needs.
    h.freeze();
    try {
      const results = await Promise.all(Array.from({ length: 110 }, () => getFrom(url, { localAddress: '127.0.0.30' })));
      expect(results.filter((r) => r.status === 200)).toHaveLength(100);
      const limited = results.filter((r) => r.status === 429);
      expect(limited).toHaveLength(10);
      expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Other addresses have their own budget.
      expect((await getFrom(url, { localAddress: '127.0.0.33' })).status).toBe(200);
    } finally {
      h.unfreeze();
    }
  });

  it('allows at most 25 concurrent connections per address', async () => {
    const open = await Promise.all(
      Array.from({ length: 26 }, () => new Promise<ReturnType<typeof connect>>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port: h.port, localAddress: '127.0.0.31' }, () => resolve(s));
        s.on('error', reject);
      })),
    );
    try {
      // The 26th connection's request is answered 429 and the connection closed.
      const last = open[25]!;
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        last.on('data', (d) => (text += d.toString()));
        last.on('close', () => resolve(text));
        last.write(`GET /hls/cam-a/playlist.m3u8?token=${token} HTTP/1.1\r\nHost: x\r\n\r\n`);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 429/);
      expect(answer).toMatch(/retry-after: 1/i);
      // Another address is not affected.
      expect((await getFrom(`${h.base}/health`, { localAddress: '127.0.0.32' })).status).toBe(200);
    } finally {
      for (const s of open) s.destroy();
    }
  });
});
