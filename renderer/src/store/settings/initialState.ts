import type { AbuseSettings, NotificationSettingsUpdate, NotificationSettingsView } from '../../../../media-core/contracts/alerts';
import type { AuditRetention } from '../../../../media-core/contracts/audit-retention';
import type { ListenerSettingsUpdate, ListenerSettingsView } from '../../../../media-core/contracts/listener-settings';
import type { AccessLimits } from '../../../../media-core/contracts/partners';
import type { LoadState } from '../types';

/** The settings documents of the System screen, as the core answers them. */
export interface SettingsDocs {
  abuse: AbuseSettings;
  notifications: NotificationSettingsView;
  limits: AccessLimits;
  retention: AuditRetention;
  listeners: ListenerSettingsView;
}

/** What a save sends for each document: the parts that changed. */
export interface SettingsUpdates {
  abuse: { [K in keyof AbuseSettings]?: Partial<AbuseSettings[K]> };
  notifications: NotificationSettingsUpdate;
  limits: Partial<AccessLimits>;
  retention: AuditRetention;
  listeners: ListenerSettingsUpdate;
}

export type SettingsKind = keyof SettingsDocs;

export interface SettingsDoc<T> {
  value: T | null;
  load: LoadState;
  error: string | null;
  saving: boolean;
}

export interface SettingsState {
  settings: { [K in SettingsKind]: SettingsDoc<SettingsDocs[K]> };
}

const empty = { value: null, load: 'idle', error: null, saving: false } as const;

export const initialSettingsState: SettingsState = {
  settings: { abuse: empty, notifications: empty, limits: empty, retention: empty, listeners: empty },
};
