import type { AuditDecisionRow, AuditSessionRow } from '../../../../media-core/contracts/audit';
import type { AuditKind } from '../../services/auditApi';
import type { LoadState } from '../types';

/** The audit search as the operator typed it; '' means "any". */
export interface AuditFilters {
  partner: string;
  camera: string;
  ip: string;
  protocol: string;
  /** Decisions only. */
  result: '' | 'allow' | 'deny';
  /** Local date-times as a datetime-local input gives them (YYYY-MM-DDTHH:mm). */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { partner: '', camera: '', ip: '', protocol: '', result: '', from: '', to: '' };

export type AuditRows = { kind: 'decisions'; items: AuditDecisionRow[] } | { kind: 'sessions'; items: AuditSessionRow[] };

export const AUDIT_PAGE_SIZE = 50;

export interface AuditState {
  auditKind: AuditKind;
  auditFilters: AuditFilters;
  auditRows: AuditRows | null;
  /** The cursor each visited page was read with (undefined: the newest page). */
  auditCursors: (string | undefined)[];
  /** Index into auditCursors of the page shown. */
  auditPage: number;
  /** Cursor of the next (older) page; null on the last one. */
  auditNext: string | null;
  auditLoad: LoadState;
  auditError: string | null;
}

export const initialAuditState: AuditState = {
  auditKind: 'decisions',
  auditFilters: EMPTY_AUDIT_FILTERS,
  auditRows: null,
  auditCursors: [undefined],
  auditPage: 0,
  auditNext: null,
  auditLoad: 'idle',
  auditError: null,
};
