import type { AbuseSettings, NotificationSettingsUpdate, NotificationSettingsView } from '../../../media-core/contracts/alerts';
import type { AuditRetention } from '../../../media-core/contracts/audit-retention';
import type { ListenerSettingsUpdate, ListenerSettingsView } from '../../../media-core/contracts/listener-settings';
import type { AccessLimits } from '../../../media-core/contracts/partners';
import type { ApiRequest } from './consoleApi';

/** One delivery of a test notification, per channel and address. */
export interface NotificationTestResult {
  channel: string;
  target: string;
  ok: boolean;
  error: string | null;
}

/** The appliance's settings: operators read them (notifications: admins only), admins
 *  change them; the core validates every change. */
export interface SettingsApi {
  getAbuseSettings(token: string): Promise<AbuseSettings>;
  /** Takes a partial document; answers the whole, as stored. */
  putAbuseSettings(token: string, patch: unknown): Promise<AbuseSettings>;
  getNotificationSettings(token: string): Promise<NotificationSettingsView>;
  putNotificationSettings(token: string, update: NotificationSettingsUpdate): Promise<NotificationSettingsView>;
  testNotifications(token: string, to?: string): Promise<NotificationTestResult[]>;
  getAccessLimits(token: string): Promise<AccessLimits>;
  putAccessLimits(token: string, limits: Partial<AccessLimits>): Promise<AccessLimits>;
  getAuditRetention(token: string): Promise<AuditRetention>;
  putAuditRetention(token: string, retention: AuditRetention): Promise<AuditRetention>;
  getListenerSettings(token: string): Promise<ListenerSettingsView>;
  putListenerSettings(token: string, change: ListenerSettingsUpdate): Promise<ListenerSettingsView>;
}

export function createSettingsApi(request: ApiRequest): SettingsApi {
  return {
    getAbuseSettings: (token) => request<AbuseSettings>('/abuse/settings', { token }),
    putAbuseSettings: (token, body) => request<AbuseSettings>('/abuse/settings', { method: 'PUT', token, body }),
    getNotificationSettings: (token) => request<NotificationSettingsView>('/abuse/notifications', { token }),
    putNotificationSettings: (token, body) => request<NotificationSettingsView>('/abuse/notifications', { method: 'PUT', token, body }),
    testNotifications: async (token, to) =>
      (await request<{ results: NotificationTestResult[] }>('/abuse/notifications/test', { method: 'POST', token, body: to ? { to } : {} })).results,
    getAccessLimits: (token) => request<AccessLimits>('/access/limits', { token }),
    putAccessLimits: (token, body) => request<AccessLimits>('/access/limits', { method: 'PUT', token, body }),
    getAuditRetention: (token) => request<AuditRetention>('/audit/retention', { token }),
    putAuditRetention: (token, body) => request<AuditRetention>('/audit/retention', { method: 'PUT', token, body }),
    getListenerSettings: (token) => request<ListenerSettingsView>('/system/listeners', { token }),
    putListenerSettings: (token, body) => request<ListenerSettingsView>('/system/listeners', { method: 'PUT', token, body }),
  };
}
