import type { StoreApi } from 'zustand';
import type { CamerasAction } from './cameras/action';
import type { CamerasState } from './cameras/initialState';
import type { ConnectionAction } from './connection/action';
import type { ConnectionState } from './connection/initialState';
import type { StoreDeps } from './deps';
import type { SessionAction } from './session/action';
import type { SessionState } from './session/initialState';
import type { SystemAction } from './system/action';
import type { SystemState } from './system/initialState';

export type ConsoleStoreState = SessionState & CamerasState & ConnectionState & SystemState;
export type ConsoleStoreAction = SessionAction & CamerasAction & ConnectionAction & SystemAction;
export type ConsoleStore = ConsoleStoreState & ConsoleStoreAction;

export type SetState = StoreApi<ConsoleStore>['setState'];
export type GetState = StoreApi<ConsoleStore>['getState'];

/** A slice's actions: built from the store's set/get and the injected services. */
export type ActionCreator<A> = (set: SetState, get: GetState, deps: StoreDeps) => A;

/** idle: never asked; loading: first answer pending; ready: data shown (maybe refreshing). */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
