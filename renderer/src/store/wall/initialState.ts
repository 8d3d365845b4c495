import type { LayoutScope, WallGrid } from '../../../../media-core/contracts/layouts';

export interface ActiveLayout {
  name: string;
  scope: LayoutScope;
}

/** How the wall is arranged right now. Kept in the store, so switching sections and
 *  back finds the wall as the operator left it. */
export interface WallState {
  wallGrid: WallGrid;
  /** Tile order as arranged; cameras not listed follow in the server's order. */
  wallOrder: string[];
  /** The camera group on the wall; null shows every camera. */
  wallGroup: string | null;
  /** Zero-based page of a fixed grid. */
  wallPage: number;
  /** The camera shown alone over the whole wall, null for the grid. */
  wallFullscreen: string | null;
  /** The tile keyboard navigation is on. */
  wallFocus: string | null;
  /** The saved layout last loaded or saved, and whether the wall changed since. */
  activeLayout: ActiveLayout | null;
  wallModified: boolean;
}

export const initialWallState: WallState = {
  wallGrid: 'auto',
  wallOrder: [],
  wallGroup: null,
  wallPage: 0,
  wallFullscreen: null,
  wallFocus: null,
  activeLayout: null,
  wallModified: false,
};
