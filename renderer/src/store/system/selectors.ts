import type { ConsoleStore } from '../types';

export const systemSelectors = {
  info: (s: ConsoleStore) => s.system,
  loadState: (s: ConsoleStore) => s.systemLoad,
  error: (s: ConsoleStore) => s.systemError,
};
