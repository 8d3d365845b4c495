import type { ConsoleStore } from '../types';
import { EMPTY_AUDIT_FILTERS } from './initialState';

export const auditSelectors = {
  kind: (s: ConsoleStore) => s.auditKind,
  filters: (s: ConsoleStore) => s.auditFilters,
  filtered: (s: ConsoleStore) => JSON.stringify(s.auditFilters) !== JSON.stringify(EMPTY_AUDIT_FILTERS),
  rows: (s: ConsoleStore) => s.auditRows,
  page: (s: ConsoleStore) => s.auditPage,
  hasOlder: (s: ConsoleStore) => s.auditNext !== null,
  hasNewer: (s: ConsoleStore) => s.auditPage > 0,
  loadState: (s: ConsoleStore) => s.auditLoad,
  error: (s: ConsoleStore) => s.auditError,
};
