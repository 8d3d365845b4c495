import type { ConsoleStore } from '../types';

export const partnerAccessSelectors = {
  /** The tokens of `partnerId`, empty while another partner's are loaded. */
  tokens: (partnerId: string) => (s: ConsoleStore) => (s.tokensOf === partnerId ? s.partnerTokens : EMPTY),
  loadState: (partnerId: string) => (s: ConsoleStore) => (s.tokensOf === partnerId ? s.partnerTokensLoad : 'loading'),
  error: (s: ConsoleStore) => s.partnerTokensError,
  busy: (s: ConsoleStore) => s.partnerAccessBusy,
  activeTokenCount: (partnerId: string) => (s: ConsoleStore) => (s.tokensOf === partnerId ? s.partnerTokens.filter((t) => t.status === 'active').length : 0),
};

const EMPTY: never[] = [];
