import type { ConsoleStore } from '../types';

export const notificationSelectors = {
  permission: (s: ConsoleStore) => s.notificationPermission,
  kind: (s: ConsoleStore) => s.notifierKind,
};
