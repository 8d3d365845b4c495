// Part of the fake console API the slice tests use (see ../testing.ts). Not imported by the app.
import { DEFAULT_ABUSE_SETTINGS, type AbuseSettings, type NotificationSettingsUpdate, type NotificationSettingsView } from '../../../../media-core/contracts/alerts';
import type { AuditRetention } from '../../../../media-core/contracts/audit-retention';
import type { ListenerSettingsUpdate, ListenerSettingsView } from '../../../../media-core/contracts/listener-settings';
import { DEFAULT_ACCESS_LIMITS, type AccessLimits } from '../../../../media-core/contracts/partners';
import type { NotificationTestResult, SettingsApi } from '../../services/settingsApi';
import { FakeMonitorApi } from './fakeMonitorApi';

const notifications = (): NotificationSettingsView => ({
  smtp: { enabled: false, host: '', port: 587, secure: false, user: '', passSet: false, from: '', allowSelfSigned: false },
  operatorEmails: [],
  operatorMinSeverity: 'high',
  emailPartnerContact: false,
  webhooks: [],
  consoleUrl: '',
  maxAttempts: 5,
});

/** The appliance's settings kept in memory; what was sent is kept for the assertions. */
export abstract class FakeSettingsApi extends FakeMonitorApi implements SettingsApi {
  abuseSettings: AbuseSettings = structuredClone(DEFAULT_ABUSE_SETTINGS);
  notificationSettings: NotificationSettingsView = notifications();
  accessLimits: AccessLimits = { ...DEFAULT_ACCESS_LIMITS };
  retention: AuditRetention = { retentionDays: 365 };
  listeners: ListenerSettingsView = {
    next: { bind: '0.0.0.0', httpPort: 8080, consoleBind: '127.0.0.1', consolePort: 8088, rtspPort: 8554, rtmpPort: 1935, srtPort: 8890 },
    running: { bind: '0.0.0.0', httpPort: 8080, consoleBind: '127.0.0.1', consolePort: 8088, rtspPort: 8554, rtmpPort: 1935, srtPort: 8890 },
    restartRequired: false,
    file: '/data/config.json',
  };
  readonly sentUpdates: unknown[] = [];

  async getAbuseSettings(token: string): Promise<AbuseSettings> {
    this.authorize('getAbuseSettings', token);
    return this.abuseSettings;
  }

  async putAbuseSettings(token: string, patch: unknown): Promise<AbuseSettings> {
    this.authorize('putAbuseSettings', token);
    this.sentUpdates.push(patch);
    const next = structuredClone(this.abuseSettings) as unknown as Record<string, object>;
    for (const [key, section] of Object.entries(patch as Record<string, object>)) next[key] = { ...next[key], ...section };
    return (this.abuseSettings = next as unknown as AbuseSettings);
  }

  async getNotificationSettings(token: string): Promise<NotificationSettingsView> {
    this.authorize('getNotificationSettings', token);
    return this.notificationSettings;
  }

  async putNotificationSettings(token: string, u: NotificationSettingsUpdate): Promise<NotificationSettingsView> {
    this.authorize('putNotificationSettings', token);
    this.sentUpdates.push(u);
    const { pass, ...smtp } = u.smtp ?? {};
    const current = this.notificationSettings;
    this.notificationSettings = {
      ...current,
      ...(u.operatorEmails ? { operatorEmails: u.operatorEmails } : {}),
      smtp: { ...current.smtp, ...smtp, passSet: pass === undefined ? current.smtp.passSet : pass !== null },
      webhooks: u.webhooks
        ? u.webhooks.map((w, i) => ({ id: w.id ?? `hook-${i + 1}`, url: w.url, enabled: w.enabled, minSeverity: w.minSeverity, secretSet: true }))
        : current.webhooks,
    };
    return this.notificationSettings;
  }

  async testNotifications(token: string, to?: string): Promise<NotificationTestResult[]> {
    this.authorize('testNotifications', token);
    return [{ channel: 'email', target: to ?? 'ops@example.com', ok: true, error: null }];
  }

  async getAccessLimits(token: string): Promise<AccessLimits> {
    this.authorize('getAccessLimits', token);
    return this.accessLimits;
  }

  async putAccessLimits(token: string, limits: Partial<AccessLimits>): Promise<AccessLimits> {
    this.authorize('putAccessLimits', token);
    return (this.accessLimits = { ...this.accessLimits, ...limits });
  }

  async getAuditRetention(token: string): Promise<AuditRetention> {
    this.authorize('getAuditRetention', token);
    return this.retention;
  }

  async getListenerSettings(token: string): Promise<ListenerSettingsView> {
    this.authorize('getListenerSettings', token);
    return this.listeners;
  }

  async putListenerSettings(token: string, change: ListenerSettingsUpdate): Promise<ListenerSettingsView> {
    this.authorize('putListenerSettings', token);
    const next = { ...this.listeners.next, ...change } as ListenerSettingsView['next'];
    return (this.listeners = { ...this.listeners, next, restartRequired: JSON.stringify(next) !== JSON.stringify(this.listeners.running) });
  }

  async putAuditRetention(token: string, retention: AuditRetention): Promise<AuditRetention> {
    this.authorize('putAuditRetention', token);
    return (this.retention = retention);
  }
}
