import type { Alert, AlertSeverity } from '../../../../media-core/contracts/alerts';
import type { AlertListQuery } from '../../services/alertsApi';
import type { AlertFilters } from './initialState';

/** Severities worth a desktop notification: the operator may be looking elsewhere. */
export const NOTIFY_SEVERITIES: readonly AlertSeverity[] = ['high', 'critical'];

export function alertQuery(filters: AlertFilters, before?: string): AlertListQuery {
  return {
    ...(filters.severity.length ? { severity: filters.severity } : {}),
    ...(filters.detector ? { detector: [filters.detector] } : {}),
    ...(filters.partner ? { partner: filters.partner } : {}),
    ...(filters.ip.trim() ? { ip: filters.ip.trim() } : {}),
    ...(filters.status === 'unread' ? { acknowledged: false } : {}),
    limit: 50,
    ...(before ? { before } : {}),
  };
}

/** Whether a live alert belongs in the list as filtered. */
export function matchesFilters(alert: Alert, filters: AlertFilters): boolean {
  if (filters.severity.length > 0 && !filters.severity.includes(alert.severity)) return false;
  if (filters.detector && alert.detector !== filters.detector) return false;
  if (filters.partner && alert.partnerId !== filters.partner) return false;
  if (filters.ip.trim() && alert.ip !== filters.ip.trim()) return false;
  if (filters.status === 'unread' && alert.acknowledged) return false;
  return true;
}

/** The list with `alert` replacing its older self, or added in place (newest first). */
export function upsertAlert(alerts: readonly Alert[], alert: Alert): Alert[] {
  const rest = alerts.filter((a) => a.id !== alert.id);
  const index = rest.findIndex((a) => a.id < alert.id);
  return index === -1 ? [...rest, alert] : [...rest.slice(0, index), alert, ...rest.slice(index)];
}
