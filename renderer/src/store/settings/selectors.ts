import type { ConsoleStore } from '../types';
import type { SettingsKind } from './initialState';

export const settingsSelectors = {
  doc:
    <K extends SettingsKind>(kind: K) =>
    (s: ConsoleStore) =>
      s.settings[kind],
  /** Viewers see every setting but change none; the core enforces it too. */
  canEdit: (s: ConsoleStore) => s.operator?.role === 'admin',
};
