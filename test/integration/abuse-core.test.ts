// The abuse monitor inside the real, running core (the built process on loopback): a
// token-guessing address is blocked on every request, the alert is on the console API,
// an operator lifts the block, and the settings and notification secrets behave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbuseActionRow, AlertPage, IpBlockView, NotificationSettingsView } from '../../media-core/contracts/alerts';
import type { TokenCreated } from '../../media-core/contracts/partners';
import { getFrom } from './partner-harness';
import { startCoreWithApis, type CoreWithApis } from './partner-core-client';

describe('abuse monitor in the running core', () => {
  let c: CoreWithApis;

  beforeAll(async () => {
    c = await startCoreWithApis();
  }, 60_000);
  afterAll(() => c?.core.stop());

  it('blocks an address that guesses tokens, shows the alert, and lets an operator lift the block', async () => {
    const { partner } = await c.createPartner({ name: 'Real Partner', cameras: ['demo-1'], auth: ['otp'] });
    const token = (await c.api<TokenCreated>('POST', `/api/v1/partners/${partner.id}/tokens`, {})).body.token;
    const url = (t: string) => `${c.partnerBase}/hls/demo-1/playlist.m3u8?token=${t}`;
    const guesser = '127.0.5.1';
    for (let i = 0; i < 11; i++) expect((await getFrom(url(`1234567890123456789${i}`), { localAddress: guesser })).status).toBe(401);

    let blocked: IpBlockView | undefined;
    for (let i = 0; i < 50 && !blocked; i++) {
      blocked = (await c.api<IpBlockView[]>('GET', '/api/v1/abuse/blocks')).body.find((b) => b.ip === guesser);
      if (!blocked) await new Promise((r) => setTimeout(r, 100));
    }
    expect(blocked).toMatchObject({ step: 1, active: true });
    expect((await getFrom(url(token), { localAddress: guesser })).status).toBe(403);
    expect((await getFrom(`${c.partnerBase}/health`, { localAddress: '127.0.5.2' })).status).toBe(200);

    const alerts = (await c.api<AlertPage>('GET', '/api/v1/alerts?detector=auth_failures')).body;
    expect(alerts.items[0]).toMatchObject({ ip: guesser, severity: 'warning' });
    expect(alerts.unread).toBeGreaterThanOrEqual(1);

    expect((await c.api('DELETE', `/api/v1/abuse/blocks/${guesser}`, { note: 'test over' })).status).toBe(200);
    expect((await getFrom(url(token), { localAddress: guesser })).status).not.toBe(403);
    const log = (await c.api<AbuseActionRow[]>('GET', '/api/v1/abuse/actions')).body;
    expect(log.find((a) => a.action === 'ip.unblocked')).toMatchObject({ actor: 'admin', ip: guesser });
    expect(log.find((a) => a.action === 'ip.blocked')).toMatchObject({ actor: 'abuse-monitor', ip: guesser });
  });

  it('keeps the SMTP password sealed: set through the API, never read back', async () => {
    const r = await c.api<NotificationSettingsView>('PUT', '/api/v1/abuse/notifications', { smtp: { enabled: true, host: '127.0.0.1', port: 2525, pass: 's3cret-relay', from: 'router@agency.example' } });
    expect(r.status).toBe(200);
    expect(r.body.smtp.passSet).toBe(true);
    expect(JSON.stringify((await c.api('GET', '/api/v1/abuse/notifications')).body)).not.toContain('s3cret-relay');
  });
});
