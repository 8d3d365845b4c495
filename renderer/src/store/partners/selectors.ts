import type { ConsoleStore } from '../types';

export const partnerSelectors = {
  all: (s: ConsoleStore) => s.partners,
  byId: (id: string) => (s: ConsoleStore) => s.partners.find((p) => p.id === id),
  loadState: (s: ConsoleStore) => s.partnersLoad,
  error: (s: ConsoleStore) => s.partnersError,
  presets: (s: ConsoleStore) => s.partnerPresets,
  busy: (s: ConsoleStore) => s.partnerBusy,
  usageToday: (id: string) => (s: ConsoleStore) => s.usageToday[id],
  /** A partner's name for lists that hold only its id (alerts, audit rows). */
  nameOf: (id: string | null) => (s: ConsoleStore) => (id === null ? null : (s.partners.find((p) => p.id === id)?.name ?? null)),
};
