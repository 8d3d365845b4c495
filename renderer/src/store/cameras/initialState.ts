import type { Camera } from '../../../../media-core/contracts/api';
import type { LoadState } from '../types';

export interface CamerasState {
  /** Display order: the server's list order, later arrivals appended. */
  cameraIds: string[];
  camerasById: Record<string, Camera>;
  camerasLoad: LoadState;
  camerasError: string | null;
}

export const initialCamerasState: CamerasState = {
  cameraIds: [],
  camerasById: {},
  camerasLoad: 'idle',
  camerasError: null,
};
