import type { CameraGroup } from '../../../../media-core/contracts/layouts';
import type { LoadState } from '../types';

export interface GroupsState {
  /** By name, as the core lists them. */
  cameraGroups: CameraGroup[];
  groupsLoad: LoadState;
  groupsError: string | null;
  groupBusy: boolean;
}

export const initialGroupsState: GroupsState = {
  cameraGroups: [],
  groupsLoad: 'idle',
  groupsError: null,
  groupBusy: false,
};
