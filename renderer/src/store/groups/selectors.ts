import type { ConsoleStore } from '../types';

export const groupSelectors = {
  all: (s: ConsoleStore) => s.cameraGroups,
  loadState: (s: ConsoleStore) => s.groupsLoad,
  error: (s: ConsoleStore) => s.groupsError,
  busy: (s: ConsoleStore) => s.groupBusy,
  byName: (name: string) => (s: ConsoleStore) => s.cameraGroups.find((g) => g.name === name),
};
