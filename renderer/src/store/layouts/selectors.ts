import type { LayoutScope } from '../../../../media-core/contracts/layouts';
import type { ConsoleStore } from '../types';

export const layoutSelectors = {
  all: (s: ConsoleStore) => s.layouts,
  loadState: (s: ConsoleStore) => s.layoutsLoad,
  error: (s: ConsoleStore) => s.layoutsError,
  busy: (s: ConsoleStore) => s.layoutBusy,
  find: (name: string, scope: LayoutScope) => (s: ConsoleStore) => s.layouts.find((l) => l.name === name && l.scope === scope),
};
