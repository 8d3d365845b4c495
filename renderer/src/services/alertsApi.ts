import type { AlertSeverity, Alert, AlertPage, IpBlockView } from '../../../media-core/contracts/alerts';
import type { ApiRequest } from './consoleApi';

/** The filters of the alert list, as the API takes them. */
export interface AlertListQuery {
  severity?: readonly AlertSeverity[];
  detector?: readonly string[];
  partner?: string;
  ip?: string;
  acknowledged?: boolean;
  limit?: number;
  /** Cursor: the previous page's `next`. */
  before?: string;
}

/** Abuse alerts and the monitor's responses. Acknowledging is for every operator;
 *  escalating, de-escalating, lifting blocks and reinstating need an admin. */
export interface AlertsApi {
  listAlerts(token: string, query: AlertListQuery): Promise<AlertPage>;
  unreadAlertCount(token: string): Promise<number>;
  acknowledgeAlert(token: string, id: number, note?: string): Promise<Alert>;
  acknowledgeAllAlerts(token: string, upToId?: number): Promise<{ acknowledged: number; unread: number }>;
  escalateAlert(token: string, id: number, note?: string): Promise<Alert>;
  deescalateAlert(token: string, id: number, note?: string): Promise<Alert>;
  listIpBlocks(token: string): Promise<IpBlockView[]>;
  liftIpBlock(token: string, ip: string): Promise<IpBlockView>;
}

export function alertListPath(query: AlertListQuery): string {
  const params = new URLSearchParams();
  if (query.severity?.length) params.set('severity', query.severity.join(','));
  if (query.detector?.length) params.set('detector', query.detector.join(','));
  if (query.partner) params.set('partner', query.partner);
  if (query.ip) params.set('ip', query.ip);
  if (query.acknowledged !== undefined) params.set('acknowledged', String(query.acknowledged));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.before) params.set('before', query.before);
  const search = params.toString();
  return search ? `/alerts?${search}` : '/alerts';
}

const alertPath = (id: number, action: string) => `/alerts/${id}/${action}`;
const noteBody = (note: string | undefined) => (note ? { note } : {});

export function createAlertsApi(request: ApiRequest): AlertsApi {
  return {
    listAlerts: (token, query) => request<AlertPage>(alertListPath(query), { token }),
    unreadAlertCount: async (token) => (await request<{ unread: number }>('/alerts/unread-count', { token })).unread,
    acknowledgeAlert: (token, id, note) => request<Alert>(alertPath(id, 'acknowledge'), { method: 'POST', token, body: noteBody(note) }),
    acknowledgeAllAlerts: (token, upToId) =>
      request<{ acknowledged: number; unread: number }>('/alerts/acknowledge-all', { method: 'POST', token, body: upToId === undefined ? {} : { upToId } }),
    escalateAlert: (token, id, note) => request<Alert>(alertPath(id, 'escalate'), { method: 'POST', token, body: noteBody(note) }),
    deescalateAlert: (token, id, note) => request<Alert>(alertPath(id, 'de-escalate'), { method: 'POST', token, body: noteBody(note) }),
    listIpBlocks: (token) => request<IpBlockView[]>('/abuse/blocks', { token }),
    liftIpBlock: (token, ip) => request<IpBlockView>(`/abuse/blocks/${encodeURIComponent(ip)}`, { method: 'DELETE', token }),
  };
}
