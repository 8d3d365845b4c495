import type { StoreApi } from 'zustand';
import type { CameraAdminAction } from './cameraAdmin/action';
import type { CameraAdminState } from './cameraAdmin/initialState';
import type { CamerasAction } from './cameras/action';
import type { CamerasState } from './cameras/initialState';
import type { ConnectionAction } from './connection/action';
import type { ConnectionState } from './connection/initialState';
import type { StoreDeps } from './deps';
import type { PartnersAction } from './partners/action';
import type { PartnersState } from './partners/initialState';
import type { PartnerAccessAction } from './partnerAccess/action';
import type { PartnerAccessState } from './partnerAccess/initialState';
import type { UsageAction } from './usage/action';
import type { UsageState } from './usage/initialState';
import type { LiveSessionsAction } from './liveSessions/action';
import type { LiveSessionsState } from './liveSessions/initialState';
import type { AlertsAction } from './alerts/action';
import type { AlertsState } from './alerts/initialState';
import type { AuditAction } from './audit/action';
import type { AuditState } from './audit/initialState';
import type { SettingsAction } from './settings/action';
import type { SettingsState } from './settings/initialState';
import type { GroupsAction } from './groups/action';
import type { GroupsState } from './groups/initialState';
import type { LayoutsAction } from './layouts/action';
import type { LayoutsState } from './layouts/initialState';
import type { NotificationsAction } from './notifications/action';
import type { NotificationsState } from './notifications/initialState';
import type { OperatorsAction } from './operators/action';
import type { OperatorsState } from './operators/initialState';
import type { SessionAction } from './session/action';
import type { SessionState } from './session/initialState';
import type { SystemAction } from './system/action';
import type { SystemState } from './system/initialState';
import type { WallAction } from './wall/action';
import type { WallState } from './wall/initialState';

export type ConsoleStoreState = SessionState &
  CamerasState &
  CameraAdminState &
  ConnectionState &
  SystemState &
  WallState &
  LayoutsState &
  GroupsState &
  OperatorsState &
  NotificationsState &
  PartnersState &
  PartnerAccessState &
  UsageState &
  LiveSessionsState &
  AlertsState &
  AuditState &
  SettingsState;
export type ConsoleStoreAction = SessionAction &
  CamerasAction &
  CameraAdminAction &
  ConnectionAction &
  SystemAction &
  WallAction &
  LayoutsAction &
  GroupsAction &
  OperatorsAction &
  NotificationsAction &
  PartnersAction &
  PartnerAccessAction &
  UsageAction &
  LiveSessionsAction &
  AlertsAction &
  AuditAction &
  SettingsAction;
export type ConsoleStore = ConsoleStoreState & ConsoleStoreAction;

export type SetState = StoreApi<ConsoleStore>['setState'];
export type GetState = StoreApi<ConsoleStore>['getState'];

/** A slice's actions: built from the store's set/get and the injected services. */
export type ActionCreator<A> = (set: SetState, get: GetState, deps: StoreDeps) => A;

/** idle: never asked; loading: first answer pending; ready: data shown (maybe refreshing). */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What a change the operator asked for came to; a dialog shows the message and stays. */
export type ActionResult = { ok: true } | { ok: false; message: string };

/** A change that answers something to show once (a new token, new credentials). */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };
