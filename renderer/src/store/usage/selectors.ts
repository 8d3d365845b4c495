import type { ConsoleStore } from '../types';

export const usageSelectors = {
  /** The series of `partnerId`, null while another partner's is loaded. */
  series: (partnerId: string) => (s: ConsoleStore) => (s.usageOf === partnerId ? s.partnerUsage : null),
  range: (s: ConsoleStore) => s.usageRange,
  loadState: (partnerId: string) => (s: ConsoleStore) => (s.usageOf === partnerId ? s.usageLoad : 'loading'),
  error: (s: ConsoleStore) => s.usageError,
};
