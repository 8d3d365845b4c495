import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createCamerasActions } from './cameras/action';
import { initialCamerasState } from './cameras/initialState';
import { createConnectionActions } from './connection/action';
import { initialConnectionState } from './connection/initialState';
import type { StoreDeps } from './deps';
import { createSessionActions } from './session/action';
import { initialSessionState } from './session/initialState';
import { createSystemActions } from './system/action';
import { initialSystemState } from './system/initialState';
import type { ConsoleStore } from './types';

/** One vanilla store per console: React binds to it through StoreProvider, tests drive
 *  it directly with fake services. */
export function createConsoleStore(deps: StoreDeps): StoreApi<ConsoleStore> {
  return createStore<ConsoleStore>()((set, get) => ({
    ...initialSessionState,
    ...initialCamerasState,
    ...initialConnectionState,
    ...initialSystemState,
    ...createSessionActions(set, get, deps),
    ...createCamerasActions(set, get, deps),
    ...createConnectionActions(set, get, deps),
    ...createSystemActions(set, get, deps),
  }));
}
