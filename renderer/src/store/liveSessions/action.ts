import type { SessionView } from '../../../../media-core/contracts/partners';
import { busyChange, callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult } from '../types';
import { initialLiveSessionsState } from './initialState';

export interface LiveSessionsAction {
  loadLiveSessions(): Promise<void>;
  /** Ends one partner session now (the partner may come back while its access holds). */
  endSession(sessionId: string): Promise<ActionResult>;
  /** Privacy blackout on: every partner session to the camera ends and partners are
   *  refused until it is lifted. Operators still see the camera. */
  setCameraBlackout(cameraId: string, on: boolean): Promise<ActionResult>;
  internal_resetLiveSessions(): void;
}

/** Oldest first, so a list does not reshuffle on every refresh. */
const byStart = (sessions: SessionView[]) => [...sessions].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));

export const createLiveSessionsActions: ActionCreator<LiveSessionsAction> = (set, get, { api }) => ({
  async loadLiveSessions() {
    if (get().liveSessionsLoad !== 'ready') set({ liveSessionsLoad: 'loading', liveSessionsError: null });
    const result = await callWithSession(get, (token) => api.listSessions(token));
    if (result.kind === 'ended') return;
    if (result.kind === 'failed') {
      set({ liveSessionsLoad: get().liveSessionsLoad === 'ready' ? 'ready' : 'error', liveSessionsError: result.error.message });
      return;
    }
    set({ liveSessions: byStart(result.value), liveSessionsLoad: 'ready', liveSessionsError: null });
  },

  endSession(sessionId) {
    return busyChange(set, get, 'sessionBusy', sessionId, (token) => api.endSession(token, sessionId), () =>
      set({ liveSessions: get().liveSessions.filter((x) => x.id !== sessionId) }),
    );
  },

  setCameraBlackout(cameraId, on) {
    return busyChange(set, get, 'sessionBusy', `blackout:${cameraId}`, (token) => api.setCameraBlackout(token, cameraId, on), (camera) => {
      get().applyEvent({ type: 'camera.status', camera });
      if (on) set({ liveSessions: get().liveSessions.filter((x) => x.camera !== cameraId) });
    });
  },

  internal_resetLiveSessions() {
    set(initialLiveSessionsState);
  },
});
