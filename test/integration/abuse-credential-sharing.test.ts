// Credential sharing, seen from real partner requests on loopback: one token from too
// many addresses, a user agent that changes mid-session, and impossible travel between
// two uses of one token (located by an offline CSV database the test writes).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerAbuseState } from '../../media-core/contracts/alerts';
import { startAbuseHarness, type AbuseHarness } from './abuse-harness';
import { get, playlistPath } from './abuse-players';

describe('abuse monitor: credential sharing', () => {
  let h: AbuseHarness;
  const geoCsv = join(tmpdir(), `wink-geo-${process.pid}.csv`);

  beforeAll(async () => {
    // Loopback addresses stand in for public ones: the test database places them.
    writeFileSync(
      geoCsv,
      ['network,latitude,longitude,label', '127.0.0.21/32,40.7128,-74.0060,"New York, US"', '127.0.0.22,34.0522,-118.2437,"Los Angeles, US"', '127.0.0.23,40.7357,-74.1724,"Newark, US"'].join('\n'),
    );
    h = await startAbuseHarness({ settings: { geoImpossible: { skipPrivate: false, database: geoCsv } } });
    await h.abuse.service.geo.load(geoCsv);
  });
  afterAll(() => h?.close());

  it('warns when one token is used from more than 3 addresses within an hour', async () => {
    const p = await h.createPartner({ name: 'Metro TV', type: 'news_media', cameras: ['cam-a'], auth: ['otp'], contactEmail: 'noc@metro.example' });
    const token = h.token(p.id);
    for (const ip of ['127.0.0.11', '127.0.0.12', '127.0.0.13']) expect((await get(h.base, playlistPath('cam-a', token), ip)).status).toBe(200);
    expect((await h.alerts()).filter((a) => a.partnerId === p.id)).toEqual([]);

    await get(h.base, playlistPath('cam-a', token), '127.0.0.14');
    await get(h.base, playlistPath('cam-a', token), '127.0.0.15');
    const alerts = (await h.alerts()).filter((a) => a.partnerId === p.id);
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toMatchObject({ detector: 'token_many_ips', severity: 'warning', partnerName: 'Metro TV', occurrences: 2, acknowledged: false });
    expect(a.response.level).toBe(1);
    expect(a.response.actions).toEqual([{ kind: 'warn' }]);
    expect(a.metrics.distinctIps).toBe(5);
    expect(new Set(a.evidence.map((e) => e.ip))).toEqual(new Set(['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14', '127.0.0.15']));
    expect(a.evidence.every((e) => e.partnerId === p.id && e.result === 'allow')).toBe(true);
    // The partner's technical contact is told (SMTP is not configured here, and that shows).
    expect(a.notifications).toEqual([expect.objectContaining({ channel: 'email', target: 'noc@metro.example', state: 'skipped', lastError: 'SMTP is not configured' })]);
    expect(h.events.some((e) => e.type === 'alert.created' && e.alert.id === a.id)).toBe(true);
    // A warning does not slow the partner down.
    expect((await get(h.base, playlistPath('cam-a', token), '127.0.0.11')).status).toBe(200);
  });

  it('notices a user agent that changes in the middle of a session, and escalates a repeat to a 50 % throttle', async () => {
    const p = await h.createPartner({ name: 'Channel 9', type: 'news_media', cameras: ['cam-a'], auth: ['otp'] });
    const token = h.token(p.id);
    expect((await get(h.base, playlistPath('cam-a', token), '127.0.0.31', { 'user-agent': 'VLC/3.0.20 LibVLC/3.0.20' })).status).toBe(200);
    h.advance(2_000);
    expect((await get(h.base, playlistPath('cam-a', token), '127.0.0.31', { 'user-agent': 'VLC/3.0.20 LibVLC/3.0.20' })).status).toBe(200);
    expect((await h.alerts()).filter((a) => a.partnerId === p.id)).toEqual([]);
    h.advance(2_000);
    await get(h.base, playlistPath('cam-a', token), '127.0.0.31', { 'user-agent': 'Lavf/59.27.100' });
    const [first] = (await h.alerts()).filter((a) => a.partnerId === p.id);
    expect(first).toMatchObject({ detector: 'user_agent_changed', severity: 'warning', ip: '127.0.0.31', camera: 'cam-a' });
    expect(first!.metrics).toMatchObject({ before: 'VLC/3.0.20 LibVLC/3.0.20', after: 'Lavf/59.27.100' });
    expect(first!.evidence.map((e) => e.userAgent)).toEqual(['VLC/3.0.20 LibVLC/3.0.20', 'Lavf/59.27.100']);

    // The same change again later is a repeated finding: one level up.
    h.advance(11 * 60_000);
    await get(h.base, playlistPath('cam-a', token), '127.0.0.31', { 'user-agent': 'Lavf/59.27.100' });
    h.advance(2_000);
    await get(h.base, playlistPath('cam-a', token), '127.0.0.31', { 'user-agent': 'VLC/3.0.20 LibVLC/3.0.20' });
    const all = (await h.alerts()).filter((a) => a.partnerId === p.id);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ detector: 'user_agent_changed', severity: 'high' });
    expect(all[0]!.response.level).toBe(2);
    expect(all[0]!.response.actions).toContainEqual({ kind: 'throttle', factor: 0.5 });
    expect(h.pa.access.bandwidth.multiplier(p.id)).toBe(0.5);
    const states = (await h.api<PartnerAbuseState[]>('GET', '/api/v1/abuse/partners')).body;
    expect(states.find((s) => s.partnerId === p.id)).toMatchObject({ level: 2, throttle: 0.5 });
  });

  it('flags a token used in New York and Los Angeles ten minutes apart, but not New York then Newark', async () => {
    expect(h.abuse.service.geo.status()).toMatchObject({ loaded: true, format: 'csv', entries: 3 });
    const p = await h.createPartner({ name: 'Traveller', cameras: ['cam-b'], auth: ['otp'] });
    const near = h.token(p.id, { minutes: 60 });
    expect((await get(h.base, playlistPath('cam-b', near), '127.0.0.21')).status).toBe(200);
    h.advance(10 * 60_000);
    expect((await get(h.base, playlistPath('cam-b', near), '127.0.0.23')).status).toBe(200);
    expect((await h.alerts()).filter((a) => a.partnerId === p.id)).toEqual([]);

    const far = h.token(p.id, { minutes: 60 });
    await get(h.base, playlistPath('cam-b', far), '127.0.0.21');
    h.advance(10 * 60_000);
    await get(h.base, playlistPath('cam-b', far), '127.0.0.22');
    const [a] = (await h.alerts()).filter((x) => x.partnerId === p.id);
    expect(a).toMatchObject({ detector: 'geo_impossible', ip: '127.0.0.22' });
    expect(a!.metrics.distanceKm).toBeGreaterThan(3900);
    expect(a!.metrics.distanceKm).toBeLessThan(4000);
    expect(a!.metrics.speedKmh).toBeGreaterThan(20_000);
    expect(a!.summary).toContain('New York, US');
    expect(a!.summary).toContain('Los Angeles, US');
    expect(a!.evidence.map((e) => e.ip)).toEqual(['127.0.0.21', '127.0.0.22']);
  });

  it('skips private and loopback addresses unless told otherwise', async () => {
    await h.api('PUT', '/api/v1/abuse/settings', { geoImpossible: { skipPrivate: true } });
    const p = await h.createPartner({ name: 'Local', cameras: ['cam-b'], auth: ['otp'] });
    const t = h.token(p.id, { minutes: 60 });
    await get(h.base, playlistPath('cam-b', t), '127.0.0.21');
    h.advance(60_000);
    await get(h.base, playlistPath('cam-b', t), '127.0.0.22');
    expect((await h.alerts()).filter((a) => a.partnerId === p.id)).toEqual([]);
  });
});
