// Alert notifications against a real SMTP server and a real webhook receiver on
// 127.0.0.1: e-mail to the operators and the partner's technical contact, webhooks
// signed with HMAC-SHA256, failures retried with backoff (the test moves the clock) and
// shown on the alert, never dropped, secrets never returned by the API.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, NotificationSettingsView } from '../../media-core/contracts/alerts';
import { startAbuseHarness, type AbuseHarness } from './abuse-harness';
import { mailText, startHookReceiver, startMailServer, type HookReceiver, type MailServer } from './abuse-mail-hook';
import { get, playlistPath } from './abuse-players';

const SECRET = 'hook-secret-0123456789abcdef';

describe('abuse monitor: notifications', () => {
  let h: AbuseHarness;
  let mail: MailServer;
  let hook: HookReceiver;

  beforeAll(async () => {
    h = await startAbuseHarness();
    mail = await startMailServer('router', 'relay pass 42');
    hook = await startHookReceiver();
    const r = await h.api<NotificationSettingsView>('PUT', '/api/v1/abuse/notifications', {
      smtp: { enabled: true, host: '127.0.0.1', port: mail.port, secure: false, user: 'router', pass: 'relay pass 42', from: 'router@agency.example' },
      operatorEmails: ['soc@agency.example'],
      webhooks: [{ url: hook.url, secret: SECRET, minSeverity: 'warning' }],
      consoleUrl: 'https://router.agency.example/console',
      maxAttempts: 3,
    });
    expect(r.status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await mail?.close();
    await hook?.close();
  });

  /** Four addresses on one token: a level-1 finding for the partner. */
  async function raiseAlert(name: string, firstIp: number): Promise<Alert> {
    const p = await h.createPartner({ name, cameras: ['cam-a'], auth: ['otp'], contactEmail: `tech@${name.toLowerCase().replace(/\W/g, '')}.example` });
    const t = h.token(p.id);
    for (let i = 0; i < 4; i++) await get(h.base, playlistPath('cam-a', t), `127.0.2.${firstIp + i}`);
    const [a] = (await h.alerts()).filter((x) => x.partnerId === p.id);
    return a!;
  }

  it('never returns the SMTP password or webhook secrets, and keeps them sealed at rest', async () => {
    const view = (await h.api<NotificationSettingsView>('GET', '/api/v1/abuse/notifications')).body;
    expect(view.smtp).toMatchObject({ host: '127.0.0.1', user: 'router', passSet: true });
    expect(view.webhooks).toEqual([expect.objectContaining({ url: hook.url, secretSet: true, enabled: true })]);
    const raw = JSON.stringify(view) + JSON.stringify(h.db.prepare('SELECT value FROM settings').all());
    expect(raw).not.toContain('relay pass 42');
    expect(raw).not.toContain(SECRET);
  });

  it('e-mails the operators and the partner contact, and posts a signed webhook, retrying a failed one', async () => {
    hook.answers.push(500);
    const a = await raiseAlert('Alpha News', 10);
    await h.abuse.service.notifier.runDue();
    expect(mail.mails.map((m) => m.to[0]).sort()).toEqual(['soc@agency.example', 'tech@alphanews.example']);
    expect(mail.mails.every((m) => m.user === 'router' && m.from === 'router@agency.example')).toBe(true);
    const soc = mailText(mail.mails.find((m) => m.to[0] === 'soc@agency.example')!.raw);
    expect(soc).toContain(`Alert #${a.id} (warning)`);
    expect(soc).toContain('127.0.2.13');
    expect(soc).toContain(`https://router.agency.example/console/alerts/${a.id}`);
    const partnerMail = mailText(mail.mails.find((m) => m.to[0] === 'tech@alphanews.example')!.raw);
    expect(partnerMail).toContain('Response: warning');
    expect(partnerMail).not.toContain('Evidence');

    // The receiver answered 500: tried again after the first backoff step, then sent.
    let seen = h.abuse.service.store.get(a.id)!;
    const webhook = () => seen.notifications.find((n) => n.channel === 'webhook')!;
    expect(webhook()).toMatchObject({ state: 'pending', attempts: 1, lastError: 'the receiver answered HTTP 500', target: hook.url.split('?')[0] });
    expect(Date.parse(webhook().nextAttemptAt!) - h.now()).toBeGreaterThan(25_000);
    expect(h.events.some((e) => e.type === 'alert.updated' && e.alert.id === a.id && e.alert.notifications.some((n) => n.lastError))).toBe(true);
    await h.abuse.service.notifier.runDue();
    expect(hook.calls).toHaveLength(1);
    h.advance(31_000);
    await h.abuse.service.notifier.runDue();
    seen = h.abuse.service.store.get(a.id)!;
    expect(webhook()).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(seen.notifications.filter((n) => n.channel === 'email').map((n) => n.state)).toEqual(['sent', 'sent']);

    const call = hook.calls[1]!;
    const ts = String(call.headers['x-wink-timestamp']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${call.body}`).digest('hex')}`;
    expect(call.headers['x-wink-signature']).toBe(expected);
    expect(Math.abs(Number(ts) - h.now() / 1000)).toBeLessThan(5);
    expect(call.headers['content-type']).toBe('application/json');
    const body = JSON.parse(call.body) as { event: string; alert: Alert };
    expect(body.event).toBe('alert.created');
    expect(body.alert).toMatchObject({ id: a.id, detector: 'token_many_ips', partnerName: 'Alpha News' });
    expect(hook.calls[0]!.headers['x-wink-delivery']).toBe(call.headers['x-wink-delivery']);
  });

  it('gives up after the configured attempts, shows it on the alert, and retries on an operator’s request', async () => {
    await hook.close();
    const a = await raiseAlert('Bravo TV', 20);
    for (let i = 0; i < 3; i++) {
      await h.abuse.service.notifier.runDue();
      h.advance(10 * 60_000);
    }
    const failed = h.abuse.service.store.get(a.id)!.notifications.find((n) => n.channel === 'webhook')!;
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/fetch failed|ECONNREFUSED/);

    hook = await startHookReceiver();
    const cfg = (await h.api<NotificationSettingsView>('GET', '/api/v1/abuse/notifications')).body;
    // The receiver moved: point the same hook (and its secret) at it.
    expect((await h.api('PUT', '/api/v1/abuse/notifications', { webhooks: [{ id: cfg.webhooks[0]!.id, url: hook.url }] })).status).toBe(200);
    const retried = await h.api<Alert>('POST', `/api/v1/alerts/${a.id}/notifications/retry`);
    expect(retried.body.notifications.find((n) => n.channel === 'webhook')).toMatchObject({ state: 'pending', attempts: 0 });
    await h.abuse.service.notifier.runDue();
    expect(h.abuse.service.store.get(a.id)!.notifications.find((n) => n.channel === 'webhook')).toMatchObject({ state: 'sent' });
    expect(hook.calls).toHaveLength(1);
    expect(retried.body.history.at(-1)).toMatchObject({ actor: 'admin', action: 'notifications.retried' });
  });

  it('keeps e-mail while the relay is down and delivers it once the relay is back', async () => {
    await mail.close();
    const before = mail.mails.length;
    const a = await raiseAlert('Charlie FM', 30);
    await h.abuse.service.notifier.runDue();
    const pending = h.abuse.service.store.get(a.id)!.notifications.filter((n) => n.channel === 'email');
    expect(pending.map((n) => n.state)).toEqual(['pending', 'pending']);
    expect(pending[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    mail = await startMailServer('router', 'relay pass 42');
    await h.api('PUT', '/api/v1/abuse/notifications', { smtp: { port: mail.port } });
    h.advance(31_000);
    await h.abuse.service.notifier.runDue();
    expect(h.abuse.service.store.get(a.id)!.notifications.filter((n) => n.channel === 'email').map((n) => n.state)).toEqual(['sent', 'sent']);
    expect(mail.mails.length).toBe(2);
    expect(before).toBeGreaterThan(0);
  });

  it('sends a test message on request and says what happened', async () => {
    const r = await h.api<{ results: { channel: string; ok: boolean; error: string | null }[] }>('POST', '/api/v1/abuse/notifications/test', {});
    expect(r.body.results).toEqual([
      { channel: 'email', target: 'soc@agency.example', ok: true, error: null },
      { channel: 'webhook', target: hook.url.split('?')[0], ok: true, error: null },
    ]);
    expect(JSON.parse(hook.calls.at(-1)!.body)).toMatchObject({ event: 'test', sentBy: 'admin' });
  });
});
