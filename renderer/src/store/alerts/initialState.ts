import type { Alert, AlertSeverity, IpBlockView } from '../../../../media-core/contracts/alerts';
import type { LoadState } from '../types';

export interface AlertFilters {
  /** Empty: every severity. */
  severity: AlertSeverity[];
  /** '' : every detector. */
  detector: string;
  /** Partner id, '' for all. */
  partner: string;
  ip: string;
  /** unread: not yet acknowledged. */
  status: 'all' | 'unread';
}

export const DEFAULT_ALERT_FILTERS: AlertFilters = { severity: [], detector: '', partner: '', ip: '', status: 'all' };

export interface AlertsState {
  /** Newest first. */
  alerts: Alert[];
  /** Cursor of the next (older) page; null when the last page is shown. */
  alertsNext: string | null;
  alertsLoad: LoadState;
  alertsError: string | null;
  alertFilters: AlertFilters;
  /** Alerts nobody acknowledged yet: the badge in the navigation. */
  unreadAlerts: number;
  /** An alert id or an IP a change is on its way for; 'all' while acknowledging all. */
  alertBusy: string | null;
  /** Alerts that arrived live while the list was on screen (highlighted). */
  freshAlertIds: number[];
  ipBlocks: IpBlockView[];
  ipBlocksLoad: LoadState;
}

export const initialAlertsState: AlertsState = {
  alerts: [],
  alertsNext: null,
  alertsLoad: 'idle',
  alertsError: null,
  alertFilters: DEFAULT_ALERT_FILTERS,
  unreadAlerts: 0,
  alertBusy: null,
  freshAlertIds: [],
  ipBlocks: [],
  ipBlocksLoad: 'idle',
};
