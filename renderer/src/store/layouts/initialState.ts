import type { WallLayout } from '../../../../media-core/contracts/layouts';
import type { LoadState } from '../types';

export interface LayoutsState {
  /** Shared layouts first, then the operator's own, each by name (the core's order). */
  layouts: WallLayout[];
  layoutsLoad: LoadState;
  layoutsError: string | null;
  /** A save or delete is on its way to the core. */
  layoutBusy: boolean;
}

export const initialLayoutsState: LayoutsState = {
  layouts: [],
  layoutsLoad: 'idle',
  layoutsError: null,
  layoutBusy: false,
};
