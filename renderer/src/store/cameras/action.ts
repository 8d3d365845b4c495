import type { ConsoleEvent } from '../../../../media-core/contracts/api';
import { callWithSession } from '../sessionCall';
import type { ActionCreator } from '../types';
import { initialCamerasState } from './initialState';
import { applyConsoleEvent, fromList } from './reduce';

export interface CamerasAction {
  /** Fetches the full list; a refresh keeps the current wall on screen meanwhile. */
  loadCameras(): Promise<void>;
  applyEvent(event: ConsoleEvent): void;
  internal_resetCameras(): void;
}

export const createCamerasActions: ActionCreator<CamerasAction> = (set, get, { api }) => ({
  async loadCameras() {
    if (get().camerasLoad !== 'ready') set({ camerasLoad: 'loading', camerasError: null });
    const result = await callWithSession(get, (token) => api.listCameras(token));
    if (result.kind === 'ended') return;
    if (result.kind === 'failed') {
      // With a wall already on screen, live events keep it current: keep it.
      if (get().camerasLoad === 'ready') return;
      set({ camerasLoad: 'error', camerasError: result.error.message });
      return;
    }
    set({ ...fromList(result.value), camerasLoad: 'ready', camerasError: null });
  },

  applyEvent(event) {
    const current = { cameraIds: get().cameraIds, camerasById: get().camerasById };
    const next = applyConsoleEvent(current, event);
    if (next !== current) set(next);
  },

  internal_resetCameras() {
    set(initialCamerasState);
  },
});
