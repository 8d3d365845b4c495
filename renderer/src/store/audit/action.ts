import type { AuditKind } from '../../services/auditApi';
import { callWithSession } from '../sessionCall';
import type { ActionCreator } from '../types';
import { AUDIT_PAGE_SIZE, initialAuditState } from './initialState';
import type { AuditFilters, AuditRows } from './initialState';
import { auditFiltersProblem, auditQuery } from './query';

export interface AuditAction {
  /** Reads the page shown (the newest at first), paged on the server. */
  loadAudit(): Promise<void>;
  setAuditKind(kind: AuditKind): Promise<void>;
  /** A new search, from the newest page. */
  searchAudit(filters: AuditFilters): Promise<void>;
  olderAuditPage(): Promise<void>;
  newerAuditPage(): Promise<void>;
  internal_resetAudit(): void;
}

export const createAuditActions: ActionCreator<AuditAction> = (set, get, { api }) => {
  const fromTheTop = { auditCursors: [undefined], auditPage: 0, auditNext: null, auditRows: null, auditLoad: 'loading' as const, auditError: null };

  return {
    async loadAudit() {
      const { auditKind: kind, auditFilters: filters, auditPage: page } = get();
      const problem = auditFiltersProblem(filters);
      if (problem) {
        set({ auditLoad: 'error', auditError: problem });
        return;
      }
      const before = get().auditCursors[page];
      if (get().auditRows === null) set({ auditLoad: 'loading', auditError: null });
      const query = auditQuery(filters, kind, { limit: AUDIT_PAGE_SIZE, ...(before ? { before } : {}) });
      const result = await callWithSession(get, (token): Promise<{ rows: AuditRows; next: string | null }> =>
        kind === 'decisions'
          ? api.auditDecisions(token, query).then((p) => ({ rows: { kind, items: p.items }, next: p.next }))
          : api.auditSessions(token, query).then((p) => ({ rows: { kind, items: p.items }, next: p.next })),
      );
      const now = get();
      // Another search or page was asked for meanwhile: its answer counts.
      if (result.kind === 'ended' || now.auditKind !== kind || now.auditFilters !== filters || now.auditPage !== page) return;
      if (result.kind === 'failed') {
        set({ auditLoad: 'error', auditError: result.error.message });
        return;
      }
      set({ auditRows: result.value.rows, auditNext: result.value.next, auditLoad: 'ready', auditError: null });
    },

    async setAuditKind(kind) {
      if (kind === get().auditKind) return;
      set({ auditKind: kind, ...fromTheTop });
      await get().loadAudit();
    },

    async searchAudit(filters) {
      set({ auditFilters: filters, ...fromTheTop });
      await get().loadAudit();
    },

    async olderAuditPage() {
      const { auditNext: next, auditPage: page, auditCursors: cursors } = get();
      if (next === null || get().auditLoad === 'loading') return;
      set({ auditCursors: [...cursors.slice(0, page + 1), next], auditPage: page + 1, auditLoad: 'loading' });
      await get().loadAudit();
    },

    async newerAuditPage() {
      const page = get().auditPage;
      if (page === 0 || get().auditLoad === 'loading') return;
      set({ auditPage: page - 1, auditLoad: 'loading' });
      await get().loadAudit();
    },

    internal_resetAudit() {
      set(initialAuditState);
    },
  };
};
