import type { ConsoleStore } from '../types';
import { DEFAULT_ALERT_FILTERS } from './initialState';

export const alertSelectors = {
  all: (s: ConsoleStore) => s.alerts,
  hasMore: (s: ConsoleStore) => s.alertsNext !== null,
  loadState: (s: ConsoleStore) => s.alertsLoad,
  error: (s: ConsoleStore) => s.alertsError,
  filters: (s: ConsoleStore) => s.alertFilters,
  filtered: (s: ConsoleStore) => JSON.stringify(s.alertFilters) !== JSON.stringify(DEFAULT_ALERT_FILTERS),
  unread: (s: ConsoleStore) => s.unreadAlerts,
  busy: (s: ConsoleStore) => s.alertBusy,
  isFresh: (id: number) => (s: ConsoleStore) => s.freshAlertIds.includes(id),
  ipBlocks: (s: ConsoleStore) => s.ipBlocks,
  ipBlocksLoad: (s: ConsoleStore) => s.ipBlocksLoad,
  /** The active block of an address, if any. */
  blockOf: (ip: string | null) => (s: ConsoleStore) => (ip === null ? undefined : s.ipBlocks.find((b) => b.ip === ip && b.active)),
};
