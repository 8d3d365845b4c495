import type { ConsoleStore } from '../types';

export const sessionSelectors = {
  status: (s: ConsoleStore) => s.sessionStatus,
  isSignedIn: (s: ConsoleStore) => s.sessionStatus === 'signedIn',
  token: (s: ConsoleStore) => s.token,
  operator: (s: ConsoleStore) => s.operator,
  operatorName: (s: ConsoleStore) => s.operator?.username ?? null,
  operatorRole: (s: ConsoleStore) => s.operator?.role ?? null,
  /** Admin actions show only to admins; the core refuses them to viewers anyway. */
  isAdmin: (s: ConsoleStore) => s.operator?.role === 'admin',
  source: (s: ConsoleStore) => s.sessionSource,
  loginError: (s: ConsoleStore) => s.loginError,
  isSigningIn: (s: ConsoleStore) => s.sessionStatus === 'signingIn',
  endedBecauseExpired: (s: ConsoleStore) => s.sessionEnded === 'expired',
};
