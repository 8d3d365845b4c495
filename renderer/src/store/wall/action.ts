import type { WallGrid, WallLayout } from '../../../../media-core/contracts/layouts';
import type { ActionCreator } from '../types';
import { clampPage, pageOfTile, swapTiles } from './arrange';
import { initialWallState } from './initialState';
import { wallSelectors } from './selectors';

export interface WallAction {
  /** Switches the grid, keeping the focused tile on screen. */
  setWallGrid(grid: WallGrid): void;
  /** Exchanges two tiles (drag and drop, or Shift+arrow). */
  swapWallTiles(a: string, b: string): void;
  setWallGroup(group: string | null): void;
  setWallPage(page: number): void;
  openFullscreen(cameraId: string): void;
  closeFullscreen(): void;
  focusWallTile(cameraId: string | null): void;
  /** Shows a saved layout as it was saved. */
  internal_showLayout(layout: WallLayout): void;
  internal_resetWall(): void;
}

export const createWallActions: ActionCreator<WallAction> = (set, get) => ({
  setWallGrid(grid) {
    if (grid === get().wallGrid) return;
    const ids = wallSelectors.tileIds(get());
    const focus = get().wallFocus;
    set({ wallGrid: grid, wallPage: focus === null ? 0 : pageOfTile(ids, grid, focus), wallModified: true });
  },

  swapWallTiles(a, b) {
    if (a === b) return;
    const ids = wallSelectors.tileIds(get());
    if (!ids.includes(a) || !ids.includes(b)) return;
    const order = swapTiles(ids, a, b);
    const focus = get().wallFocus;
    // A selected tile moved by keyboard onto another page is followed there.
    const page = focus === a || focus === b ? pageOfTile(order, get().wallGrid, focus) : get().wallPage;
    set({ wallOrder: order, wallPage: page, wallModified: true });
  },

  setWallGroup(group) {
    if (group === get().wallGroup) return;
    set({ wallGroup: group, wallPage: 0, wallModified: true });
  },

  setWallPage(page) {
    const state = get();
    const next = clampPage(page, state.wallGrid, wallSelectors.tileCount(state));
    if (next !== state.wallPage) set({ wallPage: next });
  },

  openFullscreen(cameraId) {
    if (get().camerasById[cameraId] === undefined) return;
    set({ wallFullscreen: cameraId, wallFocus: cameraId });
  },

  closeFullscreen() {
    if (get().wallFullscreen !== null) set({ wallFullscreen: null });
  },

  focusWallTile(cameraId) {
    if (cameraId === get().wallFocus) return;
    if (cameraId === null) {
      set({ wallFocus: null });
      return;
    }
    const state = get();
    const ids = wallSelectors.tileIds(state);
    if (!ids.includes(cameraId)) return;
    set({ wallFocus: cameraId, wallPage: pageOfTile(ids, state.wallGrid, cameraId) });
  },

  internal_showLayout(layout) {
    set({
      wallGrid: layout.grid,
      wallOrder: layout.cameras,
      wallGroup: layout.group,
      wallPage: 0,
      wallFullscreen: null,
      activeLayout: { name: layout.name, scope: layout.scope },
      wallModified: false,
    });
  },

  internal_resetWall() {
    set(initialWallState);
  },
});
