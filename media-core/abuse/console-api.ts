import { ApiError } from '../contracts/api-error';
import type { AbuseActionRow, AbuseSettings, Alert, AlertPage, AlertQuery, GeoDatabaseStatus, IpBlockView, NotificationSettingsUpdate, NotificationSettingsView, PartnerAbuseState } from '../contracts/alerts';
import type { AbuseStateRepo } from '../db/repos/abuse-state';
import { NotificationConfigError } from './notify/notification-config';
import { postWebhook, sendEmail, displayUrl } from './notify/senders';
import { OperatorActionError } from './operator-actions';
import type { AbuseService } from './service';
import type { AuditSink } from './types';
import { AbuseSettingsError } from './settings-store';

/** Maps the service's refusals to the API's stable error codes. */
function api<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof OperatorActionError) throw new ApiError('CONFLICT', err.message);
    if (err instanceof AbuseSettingsError) throw new ApiError('VALIDATION_FAILED', err.message, err.issues);
    if (err instanceof NotificationConfigError) throw new ApiError('VALIDATION_FAILED', err.message);
    throw err;
  }
}

/** The abuse service as the console server's ConsoleAlerts sees it. */
export class AlertsConsoleApi {
  constructor(
    private readonly s: AbuseService,
    private readonly repo: AbuseStateRepo,
    private readonly audit: AuditSink,
    private readonly now: () => number,
  ) {}

  list(q: AlertQuery): AlertPage {
    return this.s.store.list(q);
  }

  get(id: number): Alert | undefined {
    return this.s.store.get(id);
  }

  unread(): number {
    return this.s.store.unread();
  }

  acknowledge(id: number, operator: string, note: string | null): Alert | undefined {
    return this.s.operator.acknowledge(id, operator, note);
  }

  acknowledgeAll(operator: string, upToId: number | null): number {
    return this.s.operator.acknowledgeAll(operator, upToId);
  }

  escalate(id: number, operator: string, note: string | null): Alert | undefined {
    return api(() => this.s.operator.moveAlert(id, operator, note, 1));
  }

  deescalate(id: number, operator: string, note: string | null): Alert | undefined {
    return api(() => this.s.operator.moveAlert(id, operator, note, -1));
  }

  retryNotifications(id: number, operator: string): Alert | undefined {
    return this.s.operator.retryNotifications(id, operator);
  }

  partners(): PartnerAbuseState[] {
    return this.s.ladder.all().map((r) => this.s.operator.partnerState(r));
  }

  movePartner(partnerId: string, dir: 1 | -1, operator: string, note: string | null): PartnerAbuseState {
    return api(() => {
      this.s.operator.movePartner(partnerId, operator, note, dir);
      return this.s.operator.partnerState(this.s.ladder.get(partnerId)!);
    });
  }

  reinstatePartner(partnerId: string, operator: string, note: string | null): PartnerAbuseState {
    return api(() => this.s.operator.reinstate(partnerId, operator, note));
  }

  blocks(activeOnly: boolean): IpBlockView[] {
    return this.s.blocks.list(activeOnly);
  }

  block(ip: string, minutes: number | null, operator: string, note: string | null): IpBlockView {
    return api(() => this.s.operator.block(ip, minutes, operator, note));
  }

  liftBlock(ip: string, operator: string, note: string | null): IpBlockView {
    return api(() => this.s.operator.liftBlock(ip, operator, note));
  }

  actions(limit: number, before: number | undefined): AbuseActionRow[] {
    return this.repo.actions(limit, before).map((a) => ({ ...a, at: new Date(a.at).toISOString() }));
  }

  settings(): AbuseSettings {
    return this.s.settings.get();
  }

  updateSettings(patch: unknown, operator: string): AbuseSettings {
    const next = api(() => this.s.settings.update(patch));
    this.log(operator, 'settings.changed', { patch });
    return next;
  }

  notificationSettings(): NotificationSettingsView {
    return this.s.notifications.view();
  }

  updateNotificationSettings(u: NotificationSettingsUpdate, operator: string): NotificationSettingsView {
    const view = api(() => this.s.notifications.update(u));
    // Secrets are never logged: only which parts changed.
    this.log(operator, 'notifications.changed', { fields: Object.keys(u), passChanged: u.smtp?.pass !== undefined });
    return view;
  }

  /** Sends a test message to every configured channel now (not through the outbox) and
   *  says what happened, so an operator can fix the settings on the spot. */
  async testNotifications(operator: string, to: string | null): Promise<{ channel: string; target: string; ok: boolean; error: string | null }[]> {
    const cfg = this.s.notifications.resolved();
    const results: { channel: string; target: string; ok: boolean; error: string | null }[] = [];
    const attempt = async (channel: string, target: string, run: () => Promise<void>) => {
      try {
        await run();
        results.push({ channel, target, ok: true, error: null });
      } catch (err) {
        results.push({ channel, target, ok: false, error: (err as Error).message });
      }
    };
    const text = `This is a test message from the WINK Media Router, sent by ${operator}. Alerts will arrive the same way.`;
    for (const addr of to ? [to] : cfg.operatorEmails) {
      await attempt('email', addr, () => sendEmail(cfg.smtp, { to: addr, subject: 'WINK Media Router: test alert notification', text }));
    }
    for (const h of cfg.webhooks.filter((w) => w.enabled && w.secret)) {
      const body = JSON.stringify({ event: 'test', deliveredFor: 'test', sentBy: operator, at: new Date().toISOString() });
      await attempt('webhook', displayUrl(h.url), () => postWebhook(h.url, h.secret!, body, `test-${Date.now()}`, Date.now()));
    }
    this.log(operator, 'notifications.tested', { results: results.map((r) => ({ channel: r.channel, target: r.target, ok: r.ok })) });
    return results;
  }

  geoStatus(): GeoDatabaseStatus {
    return this.s.geo.status();
  }

  reloadGeo(operator: string): Promise<GeoDatabaseStatus> {
    this.log(operator, 'geoip.reloaded', {});
    return this.s.geo.load(this.s.settings.get().geoImpossible.database);
  }

  private log(actor: string, action: string, detail: Record<string, unknown>): void {
    const a = { at: this.now(), actor, action, partnerId: null, ip: null, alertId: null, detail };
    this.repo.logAction(a);
    this.audit.recordOperatorAction(a);
  }
}
