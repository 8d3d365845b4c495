import { callWithSession } from '../sessionCall';
import type { ActionCreator } from '../types';
import { initialSystemState } from './initialState';

export interface SystemAction {
  loadSystem(): Promise<void>;
  internal_resetSystem(): void;
}

export const createSystemActions: ActionCreator<SystemAction> = (set, get, { api }) => ({
  async loadSystem() {
    set({ systemLoad: get().system === null ? 'loading' : 'ready', systemError: null });
    const result = await callWithSession(get, (token) => api.systemInfo(token));
    if (result.kind === 'ended') return;
    if (result.kind === 'failed') {
      set({ systemLoad: 'error', systemError: result.error.message });
      return;
    }
    set({ system: result.value, systemLoad: 'ready', systemError: null });
  },

  internal_resetSystem() {
    set(initialSystemState);
  },
});
