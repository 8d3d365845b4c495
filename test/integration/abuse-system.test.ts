// System abuse from real requests on loopback: guessing tokens, opening connections too
// fast, probing cameras not granted. The responses are enforced: blocked addresses are
// refused on their next request until the block runs out (the test moves the clock),
// and each relapse takes the next rung of the ladder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpBlockView } from '../../media-core/contracts/alerts';
import { startAbuseHarness, type AbuseHarness } from './abuse-harness';
import { get, playlistPath } from './abuse-players';

const MIN = 60_000;

describe('abuse monitor: system abuse', () => {
  let h: AbuseHarness;

  beforeAll(async () => {
    h = await startAbuseHarness();
  });
  afterAll(() => h?.close());

  it('blocks an address after more than 10 authentication failures a minute: 5 min, then 1 h, then 24 h', async () => {
    const p = await h.createPartner({ name: 'Honest', cameras: ['cam-a'], auth: ['otp'], tokenDefaultMinutes: 60, tokenMaxMinutes: 7 * 24 * 60 });
    const good = h.token(p.id, { minutes: 3 * 24 * 60 });
    const guesser = '127.0.0.41';
    const guess = (i: number) => get(h.base, playlistPath('cam-a', `${90000000000000000000n + BigInt(i)}`), guesser);
    for (let i = 0; i < 10; i++) expect((await guess(i)).status).toBe(401);
    expect(await h.alerts()).toEqual([]);
    expect((await guess(10)).status).toBe(401);
    const [a] = await h.alerts();
    expect(a).toMatchObject({ detector: 'auth_failures', ip: guesser, partnerId: null, severity: 'warning' });
    expect(a!.metrics).toMatchObject({ failuresPerMinute: 11, limit: 10, scope: 'address' });
    expect(a!.evidence).toHaveLength(11);
    expect(a!.evidence.every((e) => e.code === 'token_unknown' && e.ip === guesser)).toBe(true);
    expect(a!.response.actions).toEqual([{ kind: 'ip_block', ip: guesser, step: 1, until: expect.any(String) }]);
    const firstUntil = a!.response.actions[0]!.kind === 'ip_block' ? Date.parse(a!.response.actions[0]!.until!) : 0;
    expect(Math.abs(firstUntil - Date.parse(a!.createdAt) - 5 * MIN)).toBeLessThan(1000);

    // Even a valid token is refused from the blocked address; another address is not affected.
    expect((await get(h.base, playlistPath('cam-a', good), guesser)).status).toBe(403);
    expect((await get(h.base, playlistPath('cam-a', good), '127.0.0.42')).status).toBe(200);
    h.advance(4 * MIN);
    expect((await get(h.base, playlistPath('cam-a', good), guesser)).status).toBe(403);
    h.advance(1 * MIN + 1000);
    expect((await get(h.base, playlistPath('cam-a', good), guesser)).status).toBe(200);

    // A relapse: the next rung, one hour.
    for (let i = 0; i < 11; i++) await guess(100 + i);
    const blocks = (await h.api<IpBlockView[]>('GET', '/api/v1/abuse/blocks')).body;
    expect(blocks).toEqual([expect.objectContaining({ ip: guesser, step: 2, active: true, until: expect.any(String) })]);
    const until = Date.parse(blocks[0]!.until!);
    expect(until - h.now()).toBeGreaterThan(59 * MIN);
    expect(until - h.now()).toBeLessThanOrEqual(60 * MIN);
    h.advance(30 * MIN);
    expect((await get(h.base, playlistPath('cam-a', good), guesser)).status).toBe(403);
    h.advance(31 * MIN);
    for (let i = 0; i < 11; i++) await guess(200 + i);
    expect((await h.api<IpBlockView[]>('GET', '/api/v1/abuse/blocks')).body[0]).toMatchObject({ step: 3 });
    h.advance(25 * 60 * MIN);
    for (let i = 0; i < 11; i++) await guess(300 + i);
    // The fourth block waits for an operator.
    const manual = (await h.api<IpBlockView[]>('GET', '/api/v1/abuse/blocks')).body[0]!;
    expect(manual).toMatchObject({ ip: guesser, step: 4, active: true, until: null });
    h.advance(7 * 24 * 60 * MIN);
    expect((await get(h.base, playlistPath('cam-a', h.token(p.id)), guesser)).status).toBe(403);
    const lifted = await h.api<IpBlockView>('DELETE', `/api/v1/abuse/blocks/${guesser}`, { note: 'talked to them' });
    expect(lifted.body).toMatchObject({ active: false, liftedBy: 'admin' });
    expect((await get(h.base, playlistPath('cam-a', h.token(p.id)), guesser)).status).toBe(200);
  });

  it('warns a partner whose clients keep failing authentication from many addresses', async () => {
    const p = await h.createPartner({ name: 'Stale tokens', cameras: ['cam-a'], auth: ['otp'] });
    const stale = h.token(p.id, { minutes: 1 });
    h.advance(2 * MIN);
    for (let i = 0; i < 11; i++) expect((await get(h.base, playlistPath('cam-a', stale), `127.0.1.${10 + i}`)).status).toBe(401);
    const mine = (await h.alerts()).filter((a) => a.partnerId === p.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ detector: 'auth_failures', severity: 'warning' });
    expect(mine[0]!.metrics).toMatchObject({ scope: 'partner', codes: 'token_expired' });
    expect(mine[0]!.response.level).toBe(1);
  });

  it('flags more than 20 new connections a minute sustained for 3 minutes, and blocks the address', async () => {
    const p = await h.createPartner({ name: 'Hammer', cameras: ['cam-a', 'cam-b'], auth: ['otp'], maxConnections: 100 });
    const tokens = Array.from({ length: 21 }, () => h.token(p.id, { minutes: 60 }));
    const ip = '127.0.0.51';
    // Minutes are counted on the clock: start just after one begins.
    h.advance(MIN - (h.now() % MIN) + 1000);
    for (let minute = 0; minute < 3; minute++) {
      for (const t of tokens) expect((await get(h.base, playlistPath('cam-a', t), ip)).status).toBe(200);
      if (minute < 2) expect((await h.alerts()).filter((a) => a.detector === 'connection_rate')).toEqual([]);
      // Each HLS session ends after 30 s without requests; the next minute opens new ones.
      h.advance(MIN);
      h.pa.access.sweepNow();
    }
    const [a] = (await h.alerts()).filter((x) => x.detector === 'connection_rate');
    expect(a).toMatchObject({ ip, partnerId: p.id });
    expect(a!.metrics).toMatchObject({ perMinute: '21, 21, 21', limit: 20 });
    expect(a!.response.actions).toContainEqual(expect.objectContaining({ kind: 'ip_block', ip, step: 1 }));
    expect((await get(h.base, playlistPath('cam-a', tokens[0]!), ip)).status).toBe(403);
  });

  it('flags repeated attempts at cameras not granted; an allow-listed partner’s address is blocked as well', async () => {
    const otp = await h.createPartner({ name: 'Curious', cameras: ['cam-a'], auth: ['otp'] });
    const t = h.token(otp.id, { minutes: 60 });
    for (let i = 0; i < 3; i++) expect((await get(h.base, playlistPath('cam-b', t), '127.0.0.61')).status).toBe(403);
    expect((await h.alerts()).filter((a) => a.partnerId === otp.id)).toEqual([]);
    await get(h.base, playlistPath('cam-b', t), '127.0.0.61');
    const [a] = (await h.alerts()).filter((x) => x.partnerId === otp.id);
    expect(a).toMatchObject({ detector: 'ungranted_camera', camera: 'cam-b', severity: 'warning' });
    expect(a!.response.actions).toEqual([{ kind: 'warn' }]);
    expect((await get(h.base, playlistPath('cam-a', t), '127.0.0.61')).status).toBe(200);

    const vms = await h.createPartner({ name: 'County VMS', type: 'partner_agency_vms', cameras: ['cam-a'], auth: ['ip'], ipAllowList: ['127.0.0.62/32'] });
    for (let i = 0; i < 4; i++) await get(h.base, '/hls/cam-b/playlist.m3u8', '127.0.0.62');
    const [b] = (await h.alerts()).filter((x) => x.partnerId === vms.id);
    expect(b!.response.actions).toEqual([{ kind: 'warn' }, expect.objectContaining({ kind: 'ip_block', ip: '127.0.0.62', step: 1 })]);
    expect((await get(h.base, '/hls/cam-a/playlist.m3u8', '127.0.0.62')).status).toBe(403);
    h.advance(5 * MIN + 1000);
    expect((await get(h.base, '/hls/cam-a/playlist.m3u8', '127.0.0.62')).status).toBe(200);
  });
});
