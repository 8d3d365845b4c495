import type { StoreDeps } from '../deps';
import { callForResult, callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult, GetState, SetState, ValueResult } from '../types';
import type { NotificationTestResult } from '../../services/settingsApi';
import { initialSettingsState, type SettingsDoc, type SettingsDocs, type SettingsKind, type SettingsUpdates } from './initialState';

export interface SettingsAction {
  /** Reads one settings document; a failed refresh keeps the values on screen. */
  loadSettings<K extends SettingsKind>(kind: K): Promise<void>;
  /** Sends a change; on success the document is what the core stored. */
  saveSettings<K extends SettingsKind>(kind: K, update: SettingsUpdates[K]): Promise<ActionResult>;
  testNotifications(to?: string): Promise<ValueResult<NotificationTestResult[]>>;
  internal_resetSettings(): void;
}

type Calls = { [K in SettingsKind]: { get(token: string): Promise<SettingsDocs[K]>; put(token: string, u: SettingsUpdates[K]): Promise<SettingsDocs[K]> } };

function callsFor({ api }: StoreDeps): Calls {
  return {
    abuse: { get: (t) => api.getAbuseSettings(t), put: (t, u) => api.putAbuseSettings(t, u) },
    notifications: { get: (t) => api.getNotificationSettings(t), put: (t, u) => api.putNotificationSettings(t, u) },
    limits: { get: (t) => api.getAccessLimits(t), put: (t, u) => api.putAccessLimits(t, u) },
    retention: { get: (t) => api.getAuditRetention(t), put: (t, u) => api.putAuditRetention(t, u) },
    listeners: { get: (t) => api.getListenerSettings(t), put: (t, u) => api.putListenerSettings(t, u) },
  };
}

function patch<K extends SettingsKind>(set: SetState, get: GetState, kind: K, change: Partial<SettingsDoc<SettingsDocs[K]>>): void {
  set({ settings: { ...get().settings, [kind]: { ...get().settings[kind], ...change } } });
}

export const createSettingsActions: ActionCreator<SettingsAction> = (set, get, deps) => {
  const calls = callsFor(deps);
  return {
    async loadSettings<K extends SettingsKind>(kind: K) {
      const call: Calls[K] = calls[kind];
      const had = get().settings[kind].value !== null;
      if (!had) patch(set, get, kind, { load: 'loading', error: null });
      const result = await callWithSession(get, (token) => call.get(token));
      if (result.kind === 'ended') return;
      if (result.kind === 'failed') {
        patch(set, get, kind, { load: had ? 'ready' : 'error', error: result.error.message });
        return;
      }
      patch(set, get, kind, { value: result.value, load: 'ready', error: null });
    },

    async saveSettings<K extends SettingsKind>(kind: K, update: SettingsUpdates[K]) {
      const call: Calls[K] = calls[kind];
      if (get().settings[kind].saving) return { ok: false, message: 'A change is still being saved.' };
      patch(set, get, kind, { saving: true });
      try {
        const result = await callForResult(get, (token) => call.put(token, update));
        if (!result.ok) return result;
        patch(set, get, kind, { value: result.value, load: 'ready', error: null });
        return { ok: true };
      } finally {
        patch(set, get, kind, { saving: false });
      }
    },

    testNotifications(to) {
      return callForResult(get, (token) => deps.api.testNotifications(token, to));
    },

    internal_resetSettings() {
      set(initialSettingsState);
    },
  };
};
