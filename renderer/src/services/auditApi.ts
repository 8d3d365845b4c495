import type { AuditDecisionRow, AuditPage, AuditSessionRow } from '../../../media-core/contracts/audit';
import type { ApiRequest } from './consoleApi';

export type AuditKind = 'decisions' | 'sessions';

/** The audit trail's filters, as the API takes them (empty strings are left out). */
export interface AuditListQuery {
  partner?: string;
  camera?: string;
  ip?: string;
  protocol?: string;
  result?: 'allow' | 'deny';
  /** ISO date-times: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit?: number;
  /** Cursor: a page's `next`. */
  before?: string;
}

export interface AuditApi {
  auditDecisions(token: string, query: AuditListQuery): Promise<AuditPage<AuditDecisionRow>>;
  auditSessions(token: string, query: AuditListQuery): Promise<AuditPage<AuditSessionRow>>;
}

export function auditSearch(query: AuditListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

const withSearch = (path: string, search: string) => (search ? `${path}?${search}` : path);

export function createAuditApi(request: ApiRequest): AuditApi {
  return {
    auditDecisions: (token, query) => request<AuditPage<AuditDecisionRow>>(withSearch('/audit/decisions', auditSearch(query)), { token }),
    auditSessions: (token, query) => request<AuditPage<AuditSessionRow>>(withSearch('/audit/sessions', auditSearch(query)), { token }),
  };
}

/** The whole filtered trail as a CSV download. A download link cannot send headers, so
 *  the token rides in the query, as for snapshots; the core streams the file. */
export function auditExportUrl(kind: AuditKind, query: AuditListQuery, token: string, baseUrl = ''): string {
  const { limit: _limit, before: _before, ...filters } = query;
  const search = auditSearch({ ...filters });
  return `${baseUrl}/api/v1/audit/${kind}/export?${search ? `${search}&` : ''}format=csv&token=${encodeURIComponent(token)}`;
}
