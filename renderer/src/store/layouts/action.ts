import type { LayoutScope, WallLayout } from '../../../../media-core/contracts/layouts';
import { callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult } from '../types';
import { wallSelectors } from '../wall/selectors';
import { initialLayoutsState } from './initialState';

export interface LayoutsAction {
  loadLayouts(): Promise<void>;
  /** Saves the wall as it is now under `name` (replacing a layout of that name and scope). */
  saveLayout(name: string, scope: LayoutScope): Promise<ActionResult>;
  /** Shows a saved layout; false when there is none of that name and scope. */
  applyLayout(name: string, scope: LayoutScope): boolean;
  deleteLayout(name: string, scope: LayoutScope): Promise<ActionResult>;
  internal_resetLayouts(): void;
}

const sameLayout = (name: string, scope: LayoutScope) => (l: WallLayout) => l.name === name && l.scope === scope;

/** Shared first, then by name, as the core lists them. */
function sorted(layouts: WallLayout[]): WallLayout[] {
  const rank = (l: WallLayout) => (l.scope === 'shared' ? 0 : 1);
  return [...layouts].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export const createLayoutsActions: ActionCreator<LayoutsAction> = (set, get, { api }) => ({
  async loadLayouts() {
    if (get().layoutsLoad !== 'ready') set({ layoutsLoad: 'loading', layoutsError: null });
    const result = await callWithSession(get, (token) => api.listLayouts(token));
    if (result.kind === 'ended') return;
    if (result.kind === 'failed') {
      set({ layoutsLoad: get().layoutsLoad === 'ready' ? 'ready' : 'error', layoutsError: result.error.message });
      return;
    }
    set({ layouts: result.value, layoutsLoad: 'ready', layoutsError: null });
  },

  async saveLayout(name, scope) {
    const state = get();
    const input = { scope, grid: state.wallGrid, cameras: wallSelectors.tileIds(state), group: state.wallGroup };
    set({ layoutBusy: true });
    try {
      const result = await callWithSession(get, (token) => api.saveLayout(token, name, input));
      if (result.kind === 'ended') return { ok: false, message: 'The session ended.' };
      if (result.kind === 'failed') return { ok: false, message: result.error.message };
      const saved = result.value;
      set({
        layouts: sorted([...get().layouts.filter((l) => !sameLayout(saved.name, saved.scope)(l)), saved]),
        activeLayout: { name: saved.name, scope: saved.scope },
        wallModified: false,
      });
      return { ok: true };
    } finally {
      set({ layoutBusy: false });
    }
  },

  applyLayout(name, scope) {
    const layout = get().layouts.find(sameLayout(name, scope));
    if (layout === undefined) return false;
    get().internal_showLayout(layout);
    return true;
  },

  async deleteLayout(name, scope) {
    set({ layoutBusy: true });
    try {
      const result = await callWithSession(get, (token) => api.deleteLayout(token, name, scope));
      if (result.kind === 'ended') return { ok: false, message: 'The session ended.' };
      // Already gone on the core is as good as deleted.
      if (result.kind === 'failed' && result.error.code !== 'NOT_FOUND') return { ok: false, message: result.error.message };
      const active = get().activeLayout;
      set({
        layouts: get().layouts.filter((l) => !sameLayout(name, scope)(l)),
        ...(active?.name === name && active.scope === scope ? { activeLayout: null } : {}),
      });
      return { ok: true };
    } finally {
      set({ layoutBusy: false });
    }
  },

  internal_resetLayouts() {
    set(initialLayoutsState);
  },
});
