import type { Operator } from '../../../../media-core/contracts/api';
import type { ConsoleErrorCode } from '../../services/consoleApiError';

/** checking: looking for a desktop or saved token at start-up. */
export type SessionStatus = 'checking' | 'signedOut' | 'signingIn' | 'signedIn';

/** Where the session's token came from: the Electron preload, a saved browser session,
 *  or the login form. */
export type SessionSource = 'desktop' | 'restored' | 'login';

export interface LoginFailure {
  code: ConsoleErrorCode;
  message: string;
  retryAfterSeconds: number | null;
}

export interface SessionState {
  sessionStatus: SessionStatus;
  token: string | null;
  operator: Operator | null;
  sessionSource: SessionSource | null;
  loginError: LoginFailure | null;
  /** Why the last session ended, so the login screen can say so. */
  sessionEnded: 'expired' | 'signedOut' | null;
}

export const initialSessionState: SessionState = {
  sessionStatus: 'checking',
  token: null,
  operator: null,
  sessionSource: null,
  loginError: null,
  sessionEnded: null,
};
