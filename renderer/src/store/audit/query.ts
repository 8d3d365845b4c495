import type { AuditKind, AuditListQuery } from '../../services/auditApi';
import type { AuditFilters } from './initialState';

/** A datetime-local value (local time) as ISO, or undefined when empty or invalid. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The API query of the filters; `result` applies to decisions only. */
export function auditQuery(filters: AuditFilters, kind: AuditKind, extra: { limit?: number; before?: string } = {}): AuditListQuery {
  const query: AuditListQuery = {};
  if (filters.partner) query.partner = filters.partner;
  if (filters.camera) query.camera = filters.camera;
  if (filters.ip.trim()) query.ip = filters.ip.trim();
  if (filters.protocol) query.protocol = filters.protocol;
  if (kind === 'decisions' && filters.result) query.result = filters.result;
  const from = localToIso(filters.from);
  const to = localToIso(filters.to);
  if (from) query.from = from;
  if (to) query.to = to;
  if (extra.limit !== undefined) query.limit = extra.limit;
  if (extra.before !== undefined) query.before = extra.before;
  return query;
}

/** Why the filters cannot be searched, or null. */
export function auditFiltersProblem(filters: AuditFilters): string | null {
  if (filters.from && !localToIso(filters.from)) return 'The start time is not a valid date.';
  if (filters.to && !localToIso(filters.to)) return 'The end time is not a valid date.';
  const from = localToIso(filters.from);
  const to = localToIso(filters.to);
  if (from && to && from >= to) return 'The start time must be before the end time.';
  return null;
}
