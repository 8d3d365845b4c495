import type { ConsoleStore } from '../types';

export const cameraAdminSelectors = {
  busy: (s: ConsoleStore) => s.cameraAdminBusy,
};
