// The console API of the abuse monitor, over real HTTP: the alert list (newest first,
// filters, paging, unread count), live events, and what operators do about alerts —
// acknowledge, escalate to suspension or termination, de-escalate, reinstate, block and
// lift — each enforced on the partner's next request and logged with the operator's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbuseActionRow, AbuseSettings, Alert, AlertPage, IpBlockView, PartnerAbuseState } from '../../media-core/contracts/alerts';
import type { Partner } from '../../media-core/contracts/partners';
import { startAbuseHarness, type AbuseHarness } from './abuse-harness';
import { get, playlistPath } from './abuse-players';

describe('abuse monitor: console API', () => {
  let h: AbuseHarness;

  beforeAll(async () => {
    h = await startAbuseHarness();
  });
  afterAll(() => h?.close());

  /** A reverse-proxy finding (level 1) for a new partner; returns its alert and a token. */
  async function proxied(name: string, ip: string): Promise<{ alert: Alert; partner: Partner; token: string }> {
    const partner = await h.createPartner({ name, cameras: ['cam-a'], auth: ['otp'], tokenDefaultMinutes: 60 });
    const token = h.token(partner.id);
    await get(h.base, playlistPath('cam-a', token), ip, { 'x-forwarded-for': '198.51.100.1' });
    const [alert] = (await h.alerts()).filter((a) => a.partnerId === partner.id);
    return { alert: alert!, partner, token };
  }

  it('pushes new alerts on the live event stream', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${h.consoleBase}/api/v1/events?token=${h.adminToken}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    const { alert } = await proxied('Live Co', '127.0.3.1');
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('event: alert.created') && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += Buffer.from(chunk.value).toString();
    }
    ctrl.abort();
    const line = text.split('\n').find((l) => l.startsWith('data: {"type":"alert.created"'))!;
    const event = JSON.parse(line.slice(6)) as { alert: Alert; unread: number };
    expect(event.alert).toMatchObject({ id: alert.id, detector: 'reverse_proxy' });
    expect(event.unread).toBeGreaterThanOrEqual(1);
  });

  it('lists alerts newest first with filters and pages, counts and acknowledges unread ones', async () => {
    await proxied('Page One', '127.0.3.2');
    await proxied('Page Two', '127.0.3.3');
    const all = (await h.api<AlertPage>('GET', '/api/v1/alerts')).body;
    expect(all.items.map((a) => a.id)).toEqual([...all.items.map((a) => a.id)].sort((x, y) => y - x));
    expect(all.unread).toBe(all.items.length);
    const page1 = (await h.api<AlertPage>('GET', '/api/v1/alerts?limit=2')).body;
    expect(page1.items).toHaveLength(2);
    const page2 = (await h.api<AlertPage>('GET', `/api/v1/alerts?limit=2&before=${page1.next}`)).body;
    expect(page2.items[0]!.id).toBeLessThan(page1.items[1]!.id);
    const byPartner = (await h.api<AlertPage>('GET', `/api/v1/alerts?partner=${all.items[0]!.partnerId}&detector=reverse_proxy,cdn_headers&severity=warning`)).body;
    expect(byPartner.items.map((a) => a.id)).toEqual([all.items[0]!.id]);
    const future = (await h.api<AlertPage>('GET', `/api/v1/alerts?from=${encodeURIComponent(new Date(h.now() + 60_000).toISOString())}`)).body;
    expect(future.items).toEqual([]);
    expect((await h.api('GET', '/api/v1/alerts?severity=urgent')).status).toBe(400);

    const acked = await h.api<Alert>('POST', `/api/v1/alerts/${all.items[0]!.id}/acknowledge`, { note: 'known proxy' }, h.viewerToken);
    expect(acked.body).toMatchObject({ acknowledged: true, acknowledgedBy: 'viewer' });
    expect(acked.body.history.at(-1)).toMatchObject({ actor: 'viewer', action: 'acknowledged', note: 'known proxy' });
    expect((await h.api<{ unread: number }>('GET', '/api/v1/alerts/unread-count')).body.unread).toBe(all.unread - 1);
    expect((await h.api<AlertPage>('GET', '/api/v1/alerts?acknowledged=true')).body.items.map((a) => a.id)).toEqual([all.items[0]!.id]);
    const rest = await h.api<{ acknowledged: number; unread: number }>('POST', '/api/v1/alerts/acknowledge-all', {});
    expect(rest.body).toEqual({ acknowledged: all.unread - 1, unread: 0 });
    expect((await h.api('GET', '/api/v1/alerts/999999')).status).toBe(404);
  });

  it('escalates to suspension (refused at once), de-escalates, reinstates — admins only, each logged', async () => {
    const { alert, partner, token } = await proxied('Ladder Co', '127.0.3.10');
    expect((await h.api('POST', `/api/v1/alerts/${alert.id}/escalate`, {}, h.viewerToken)).status).toBe(403);

    const two = await h.api<Alert>('POST', `/api/v1/alerts/${alert.id}/escalate`, { note: 'repeat offender' });
    expect(two.body.response.level).toBe(2);
    expect(h.pa.access.bandwidth.multiplier(partner.id)).toBe(0.5);
    expect((await get(h.base, playlistPath('cam-a', token), '127.0.3.10')).status).toBe(200);

    const three = await h.api<Alert>('POST', `/api/v1/alerts/${alert.id}/escalate`, {});
    expect(three.body.response).toMatchObject({ level: 3 });
    expect(three.body.severity).toBe('critical');
    expect(h.pa.partners.get(partner.id)!.status).toBe('suspended');
    expect((await get(h.base, playlistPath('cam-a', token), '127.0.3.10')).status).toBe(403);
    expect(h.pa.access.listSessions().filter((s) => s.partnerId === partner.id)).toEqual([]);

    const back = await h.api<Alert>('POST', `/api/v1/alerts/${alert.id}/de-escalate`, { note: 'reviewed' });
    expect(back.body.response.level).toBe(2);
    expect(h.pa.partners.get(partner.id)!.status).toBe('active');
    expect((await get(h.base, playlistPath('cam-a', token), '127.0.3.10')).status).toBe(200);
    expect(h.pa.access.bandwidth.multiplier(partner.id)).toBe(0.5);

    const fresh = await h.api<PartnerAbuseState>('POST', `/api/v1/abuse/partners/${partner.id}/reinstate`, { note: 'all clear' });
    expect(fresh.body).toMatchObject({ partnerId: partner.id, level: 0, throttle: 1 });
    expect(h.pa.access.bandwidth.multiplier(partner.id)).toBe(1);

    const log = (await h.api<AbuseActionRow[]>('GET', '/api/v1/abuse/actions?limit=50')).body.filter((a) => a.partnerId === partner.id);
    expect(log.filter((a) => a.actor === 'admin').map((a) => a.action)).toEqual(
      expect.arrayContaining(['partner.escalated', 'alert.escalated', 'partner.de-escalated', 'alert.de-escalated', 'partner.reinstated']),
    );
    expect(log.find((a) => a.action === 'partner.escalated' && a.actor === 'abuse-monitor')).toMatchObject({ detail: expect.objectContaining({ from: 0, to: 1 }) });
  });

  it('suspends automatically when a detector starts at level 3, and terminates on an operator’s escalation', async () => {
    const s = await h.api<AbuseSettings>('PUT', '/api/v1/abuse/settings', { cdnHeaders: { startLevel: 3 } });
    expect(s.body.cdnHeaders.startLevel).toBe(3);
    const p = await h.createPartner({ name: 'Pirate Relay', cameras: ['cam-a'], auth: ['otp'] });
    const t = h.token(p.id);
    expect((await get(h.base, playlistPath('cam-a', t), '127.0.3.20')).status).toBe(200);
    await get(h.base, playlistPath('cam-a', t), '127.0.3.21', { 'fastly-client-ip': '203.0.113.50', 'fastly-ff': 'cache-iad-kiad7000001-IAD' });
    const [a] = (await h.alerts()).filter((x) => x.partnerId === p.id);
    expect(a).toMatchObject({ detector: 'cdn_headers', severity: 'critical' });
    expect(a!.response.actions.map((x) => x.kind)).toEqual(['warn', 'throttle', 'suspend']);
    expect((await get(h.base, playlistPath('cam-a', t), '127.0.3.20')).status).toBe(403);

    const four = await h.api<Alert>('POST', `/api/v1/alerts/${a!.id}/escalate`, { note: 'contract breach' });
    expect(four.body.response.level).toBe(4);
    const after = h.pa.partners.get(p.id)!;
    expect(after.status).toBe('terminated');
    expect(after.notes).toMatch(/flagged for legal review/);
    expect(h.pa.console.partners.listTokens(p.id)!.every((x) => x.status === 'revoked')).toBe(true);
    await h.api('PUT', '/api/v1/abuse/settings', { cdnHeaders: { startLevel: 2 } });
  });

  it('blocks and lifts an address by hand, and refuses bad settings with every problem named', async () => {
    const b = await h.api<IpBlockView>('POST', '/api/v1/abuse/blocks', { ip: '127.0.3.30', minutes: 15, note: 'scanner' });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ ip: '127.0.3.30', active: true, reason: 'blocked by admin: scanner' });
    expect((await get(h.base, '/hls/cam-a/playlist.m3u8', '127.0.3.30')).status).toBe(403);
    expect((await h.api<IpBlockView[]>('GET', '/api/v1/abuse/blocks')).body.map((x) => x.ip)).toContain('127.0.3.30');
    expect((await h.api('DELETE', '/api/v1/abuse/blocks/127.0.3.30', {}, h.viewerToken)).status).toBe(403);
    expect((await h.api<IpBlockView>('DELETE', '/api/v1/abuse/blocks/127.0.3.30', {})).body).toMatchObject({ active: false, liftedBy: 'admin' });
    expect((await get(h.base, '/hls/cam-a/playlist.m3u8', '127.0.3.30')).status).toBe(401);
    expect((await h.api('DELETE', '/api/v1/abuse/blocks/127.0.3.30', {})).status).toBe(409);

    const bad = await h.api<{ error: { code: string; message: string } }>('PUT', '/api/v1/abuse/settings', { tokenManyIps: { maxIps: 0 }, escalation: { throttleFactor: 2 }, nonsense: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    for (const path of ['tokenManyIps.maxIps', 'escalation.throttleFactor']) expect(bad.body.error.message).toContain(path);
    expect((await h.api<AbuseSettings>('GET', '/api/v1/abuse/settings')).body.tokenManyIps.maxIps).toBe(3);
  });
});
