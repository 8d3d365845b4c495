import type { ConsoleStore } from '../types';

export const operatorSelectors = {
  all: (s: ConsoleStore) => s.operatorAccounts,
  loadState: (s: ConsoleStore) => s.operatorsLoad,
  error: (s: ConsoleStore) => s.operatorsError,
  busy: (s: ConsoleStore) => s.operatorBusy,
  /** Admins that can sign in: the console keeps at least one. */
  activeAdminCount: (s: ConsoleStore) => s.operatorAccounts.filter((a) => a.role === 'admin' && !a.disabled).length,
};
