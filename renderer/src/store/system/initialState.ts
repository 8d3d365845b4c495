import type { SystemInfo } from '../../../../media-core/contracts/api';
import type { LoadState } from '../types';

export interface SystemState {
  system: SystemInfo | null;
  systemLoad: LoadState;
  systemError: string | null;
}

export const initialSystemState: SystemState = {
  system: null,
  systemLoad: 'idle',
  systemError: null,
};
