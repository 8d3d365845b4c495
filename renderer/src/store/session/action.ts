import type { Operator } from '../../../../media-core/contracts/api';
import { ConsoleApiError, isConsoleApiError } from '../../services/consoleApiError';
import type { ActionCreator } from '../types';
import type { LoginFailure, SessionSource } from './initialState';

export interface SessionAction {
  /** Start-up: signs in with the desktop's token or a saved one, else shows login.
   *  Runs once per store; later calls return the first run. */
  bootstrap(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Called when any call answers 401: the token is no longer valid. */
  expireSession(): void;
  clearLoginError(): void;
  internal_startSession(token: string, operator: Operator, source: SessionSource): void;
  internal_endSession(reason: 'expired' | 'signedOut'): void;
}

export const createSessionActions: ActionCreator<SessionAction> = (set, get, { api, desktop, tokens }) => {
  // React StrictMode mounts the app twice in development; start-up must not run twice.
  let bootstrapRun: Promise<void> | null = null;

  async function runBootstrap(): Promise<void> {
    set({ sessionStatus: 'checking', loginError: null });
    const desktopInfo = await desktop.getConsoleInfo();
    const saved = tokens.read();
    const candidate: { token: string; source: SessionSource } | null = desktopInfo
      ? { token: desktopInfo.operatorToken, source: 'desktop' }
      : saved
        ? { token: saved, source: 'restored' }
        : null;
    if (candidate === null) {
      set({ sessionStatus: 'signedOut' });
      return;
    }
    try {
      const operator = await api.me(candidate.token);
      get().internal_startSession(candidate.token, operator, candidate.source);
    } catch (cause) {
      tokens.clear();
      const failure = loginFailure(cause);
      // A stale token is not worth a message; an unreachable core is.
      set({ sessionStatus: 'signedOut', loginError: failure.code === 'UNAUTHENTICATED' ? null : failure });
    }
  }

  return {
    bootstrap() {
      bootstrapRun ??= runBootstrap();
      return bootstrapRun;
    },

    async login(username, password) {
      if (get().sessionStatus === 'signingIn') return;
      set({ sessionStatus: 'signingIn', loginError: null });
      try {
        const { token, operator } = await api.login({ username, password });
        tokens.write(token);
        get().internal_startSession(token, operator, 'login');
      } catch (cause) {
        set({ sessionStatus: 'signedOut', loginError: loginFailure(cause) });
      }
    },

    async logout() {
      const token = get().token;
      get().internal_endSession('signedOut');
      if (token === null) return;
      try {
        await api.logout(token);
      } catch {
        // The session is over on this side whatever the core says; an unreachable core
        // lets the token expire by itself.
      }
    },

    expireSession() {
      if (get().token === null) return;
      get().internal_endSession('expired');
    },

    clearLoginError() {
      set({ loginError: null });
    },

    internal_startSession(token, operator, source) {
      set({ sessionStatus: 'signedIn', token, operator, sessionSource: source, loginError: null, sessionEnded: null });
      get().connectEvents();
      void get().loadCameras();
      // The navigation's alert badge is on every screen.
      void get().loadUnreadAlerts();
    },

    internal_endSession(reason) {
      get().disconnectEvents();
      get().internal_resetCameras();
      get().internal_resetSystem();
      get().internal_resetWall();
      get().internal_resetLayouts();
      get().internal_resetGroups();
      get().internal_resetOperators();
      get().internal_resetPartners();
      get().internal_resetPartnerAccess();
      get().internal_resetUsage();
      get().internal_resetLiveSessions();
      get().internal_resetAlerts();
      get().internal_resetAudit();
      get().internal_resetSettings();
      tokens.clear();
      set({ sessionStatus: 'signedOut', token: null, operator: null, sessionSource: null, sessionEnded: reason });
    },
  };
};

function loginFailure(cause: unknown): LoginFailure {
  const error = isConsoleApiError(cause) ? cause : new ConsoleApiError('INTERNAL', String(cause), 0);
  return { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
}
