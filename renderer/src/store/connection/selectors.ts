import type { ConsoleStore } from '../types';

export const connectionSelectors = {
  status: (s: ConsoleStore) => s.connection,
  isLive: (s: ConsoleStore) => s.connection === 'open',
  lastEventAt: (s: ConsoleStore) => s.lastEventAt,
};
