import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createCameraAdminActions } from './cameraAdmin/action';
import { initialCameraAdminState } from './cameraAdmin/initialState';
import { createCamerasActions } from './cameras/action';
import { initialCamerasState } from './cameras/initialState';
import { createConnectionActions } from './connection/action';
import { initialConnectionState } from './connection/initialState';
import type { StoreDeps } from './deps';
import { createGroupsActions } from './groups/action';
import { initialGroupsState } from './groups/initialState';
import { createLayoutsActions } from './layouts/action';
import { initialLayoutsState } from './layouts/initialState';
import { createNotificationsActions } from './notifications/action';
import { initialNotificationsState } from './notifications/initialState';
import { createOperatorsActions } from './operators/action';
import { initialOperatorsState } from './operators/initialState';
import { createSessionActions } from './session/action';
import { initialSessionState } from './session/initialState';
import { createSystemActions } from './system/action';
import { initialSystemState } from './system/initialState';
import { createPartnersActions } from './partners/action';
import { initialPartnersState } from './partners/initialState';
import { createPartnerAccessActions } from './partnerAccess/action';
import { initialPartnerAccessState } from './partnerAccess/initialState';
import { createUsageActions } from './usage/action';
import { initialUsageState } from './usage/initialState';
import { createLiveSessionsActions } from './liveSessions/action';
import { initialLiveSessionsState } from './liveSessions/initialState';
import { createAlertsActions } from './alerts/action';
import { initialAlertsState } from './alerts/initialState';
import { createAuditActions } from './audit/action';
import { initialAuditState } from './audit/initialState';
import type { ConsoleStore } from './types';
import { createSettingsActions } from './settings/action';
import { initialSettingsState } from './settings/initialState';
import { createWallActions } from './wall/action';
import { initialWallState } from './wall/initialState';

/** One vanilla store per console: React binds to it through StoreProvider, tests drive
 *  it directly with fake services. */
export function createConsoleStore(deps: StoreDeps): StoreApi<ConsoleStore> {
  return createStore<ConsoleStore>()((set, get) => ({
    ...initialSessionState,
    ...initialCamerasState,
    ...initialCameraAdminState,
    ...initialConnectionState,
    ...initialSystemState,
    ...initialWallState,
    ...initialLayoutsState,
    ...initialGroupsState,
    ...initialOperatorsState,
    ...initialNotificationsState,
    ...initialPartnersState,
    ...initialPartnerAccessState,
    ...initialUsageState,
    ...initialLiveSessionsState,
    ...initialAlertsState,
    ...initialAuditState,
    ...initialSettingsState,
    ...createSessionActions(set, get, deps),
    ...createCamerasActions(set, get, deps),
    ...createCameraAdminActions(set, get, deps),
    ...createConnectionActions(set, get, deps),
    ...createSystemActions(set, get, deps),
    ...createWallActions(set, get, deps),
    ...createLayoutsActions(set, get, deps),
    ...createGroupsActions(set, get, deps),
    ...createOperatorsActions(set, get, deps),
    ...createNotificationsActions(set, get, deps),
    ...createPartnersActions(set, get, deps),
    ...createPartnerAccessActions(set, get, deps),
    ...createUsageActions(set, get, deps),
    ...createLiveSessionsActions(set, get, deps),
    ...createAlertsActions(set, get, deps),
    ...createAuditActions(set, get, deps),
    ...createSettingsActions(set, get, deps),
  }));
}
