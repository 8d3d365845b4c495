import type { SessionView } from '../../../../media-core/contracts/partners';
import type { ConsoleStore } from '../types';

export const liveSessionSelectors = {
  all: (s: ConsoleStore) => s.liveSessions,
  loadState: (s: ConsoleStore) => s.liveSessionsLoad,
  error: (s: ConsoleStore) => s.liveSessionsError,
  busy: (s: ConsoleStore) => s.sessionBusy,
  /** A new array each call: select it with useShallow. */
  onCamera: (cameraId: string) => (s: ConsoleStore): SessionView[] => s.liveSessions.filter((x) => x.camera === cameraId),
  /** A new array each call: select it with useShallow. */
  ofPartner: (partnerId: string) => (s: ConsoleStore): SessionView[] => s.liveSessions.filter((x) => x.partnerId === partnerId),
  countOfPartner: (partnerId: string) => (s: ConsoleStore) => s.liveSessions.reduce((n, x) => n + (x.partnerId === partnerId ? 1 : 0), 0),
};
