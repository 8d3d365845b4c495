// Unauthorised redistribution from real requests on loopback: CDN and reverse-proxy
// headers, several identical streams from one address. The CDN finding starts at level
// 2, and the throttle it applies really halves the partner's measured delivery rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAbuseHarness, type AbuseHarness } from './abuse-harness';
import { get, playlistPath, segmentUris, SimPlayer } from './abuse-players';

describe('abuse monitor: redistribution', () => {
  let h: AbuseHarness;

  beforeAll(async () => {
    h = await startAbuseHarness();
  });
  afterAll(() => h?.close());

  /** Bytes per second one client gets fetching every kept segment of cam-a. */
  async function measuredRate(token: string, ip: string): Promise<number> {
    h.advance(5_000); // any earlier reservations of the pacer lie in the past
    const pl = await get(h.base, playlistPath('cam-a', token), ip);
    const uris = segmentUris(pl.body.toString());
    const started = performance.now();
    let bytes = 0;
    for (let round = 0; round < 1; round++) {
      for (const uri of uris) {
        const r = await get(h.base, `/hls/cam-a/${uri}`, ip);
        expect(r.status).toBe(200);
        bytes += r.body.length;
      }
    }
    return bytes / ((performance.now() - started) / 1000);
  }

  it('throttles a partner whose requests carry CDN headers: the measured rate halves', async () => {
    await h.api('PUT', '/api/v1/abuse/settings', { downloadPattern: { enabled: false } });
    const p = await h.createPartner({ name: 'Relay News', type: 'news_media', cameras: ['cam-a'], auth: ['otp'], bandwidthMbps: 4 });
    const token = h.token(p.id);
    const before = await measuredRate(token, '127.0.0.81');
    const cap = (4 * 1_000_000) / 8;
    // Paced at the cap (request overheads make it a little less).
    expect(before).toBeGreaterThan(cap * 0.6);
    expect(before).toBeLessThan(cap * 1.3);

    const cdn = await get(h.base, playlistPath('cam-a', token), '127.0.0.82', { 'cf-connecting-ip': '203.0.113.7', 'cf-ray': '8a1b2c3d4e5f-IAD' });
    expect(cdn.status).toBe(200);
    const [a] = (await h.alerts()).filter((x) => x.partnerId === p.id);
    expect(a).toMatchObject({ detector: 'cdn_headers', severity: 'high', ip: '127.0.0.82' });
    expect(a!.metrics).toMatchObject({ cdn: 'Cloudflare', 'cf-ray': '8a1b2c3d4e5f-IAD' });
    expect(a!.evidence[0]!.headers).toMatchObject({ 'cf-connecting-ip': '203.0.113.7' });
    expect(a!.response).toMatchObject({ level: 2, actions: [{ kind: 'warn' }, { kind: 'throttle', factor: 0.5 }] });

    const after = await measuredRate(token, '127.0.0.81');
    expect(after / before).toBeGreaterThan(0.35);
    expect(after / before).toBeLessThan(0.65);
    await h.api('PUT', '/api/v1/abuse/settings', { downloadPattern: { enabled: true } });
  }, 30_000);

  it('warns about reverse-proxy headers, unless the partner may reshare', async () => {
    const p = await h.createPartner({ name: 'Proxy Co', cameras: ['cam-a'], auth: ['otp'] });
    const t = h.token(p.id);
    await get(h.base, playlistPath('cam-a', t), '127.0.0.83', { via: '1.1 edge-proxy (squid/5.7)', 'x-forwarded-for': '198.51.100.23' });
    const [a] = (await h.alerts()).filter((x) => x.partnerId === p.id);
    expect(a).toMatchObject({ detector: 'reverse_proxy', severity: 'warning' });
    expect(a!.metrics.headers).toBe('via, x-forwarded-for');

    const allowed = await h.createPartner({ name: 'Licensed Redistributor', cameras: ['cam-a'], auth: ['otp'], reshare: true });
    const t2 = h.token(allowed.id);
    await get(h.base, playlistPath('cam-a', t2), '127.0.0.84', { via: '1.1 varnish', 'fastly-client-ip': '198.51.100.99', 'x-forwarded-for': '198.51.100.99' });
    expect((await h.alerts()).filter((x) => x.partnerId === allowed.id)).toEqual([]);
  });

  it('flags more than 3 identical streams of one camera to one partner from one address', async () => {
    const p = await h.createPartner({ name: 'Newsroom', cameras: ['cam-b'], auth: ['otp'], maxConnections: 20 });
    const players = Array.from({ length: 4 }, () => new SimPlayer(h.base, 'cam-b', h.token(p.id), '127.0.0.71'));
    for (const pl of players.slice(0, 3)) await pl.poll();
    expect((await h.alerts()).filter((x) => x.partnerId === p.id)).toEqual([]);
    await players[3]!.poll();
    const [a] = (await h.alerts()).filter((x) => x.partnerId === p.id);
    expect(a).toMatchObject({ detector: 'duplicate_streams', camera: 'cam-b', ip: '127.0.0.71', severity: 'warning' });
    expect(a!.metrics).toMatchObject({ copies: 4, limit: 3 });
    expect(players.every((pl) => pl.failures.length === 0)).toBe(true);
  });
});
