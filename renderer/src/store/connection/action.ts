import type { ConsoleEvent } from '../../../../media-core/contracts/api';
import type { StreamState } from '../../services/events';
import { callWithSession } from '../sessionCall';
import type { ActionCreator } from '../types';
import { initialConnectionState } from './initialState';

export interface ConnectionAction {
  /** Subscribes to the live-event stream with the session token (idempotent). */
  connectEvents(): void;
  disconnectEvents(): void;
  internal_onStreamState(state: StreamState): void;
  internal_onStreamEvent(event: ConsoleEvent): void;
  /** The server refused the stream: ask whether the session is still valid. */
  internal_onStreamRefused(): Promise<void>;
}

export const createConnectionActions: ActionCreator<ConnectionAction> = (set, get, { api, events, now = () => new Date() }) => {
  let unsubscribe: (() => void) | null = null;
  let checkingSession = false;

  return {
    connectEvents() {
      const token = get().token;
      if (token === null || unsubscribe !== null) return;
      set({ ...initialConnectionState, connection: 'connecting' });
      unsubscribe = events.subscribe(token, {
        onState: (state) => get().internal_onStreamState(state),
        onEvent: (event) => get().internal_onStreamEvent(event),
        onRefused: () => void get().internal_onStreamRefused(),
      });
    },

    disconnectEvents() {
      unsubscribe?.();
      unsubscribe = null;
      set(initialConnectionState);
    },

    internal_onStreamState(state) {
      if (unsubscribe === null) return;
      if (state !== 'open') {
        set({ connection: state });
        return;
      }
      const reconnected = get().connectedOnce;
      set({ connection: 'open', connectedOnce: true });
      // Events sent while we were away are lost: re-read what they keep current.
      if (reconnected) {
        void get().loadCameras();
        void get().loadUnreadAlerts();
        if (get().alertsLoad === 'ready') void get().loadAlerts();
      }
    },

    internal_onStreamEvent(event) {
      if (unsubscribe === null) return;
      set({ lastEventAt: now().toISOString() });
      get().applyEvent(event);
      get().applyAlertEvent(event);
    },

    async internal_onStreamRefused() {
      if (checkingSession) return;
      checkingSession = true;
      try {
        // A 401 here ends the session (callWithSession); anything else: keep retrying.
        await callWithSession(get, (token) => api.me(token));
      } finally {
        checkingSession = false;
      }
    },
  };
};
