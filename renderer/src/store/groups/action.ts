import type { CameraGroup } from '../../../../media-core/contracts/layouts';
import { callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult } from '../types';
import { initialGroupsState } from './initialState';

export interface GroupsAction {
  loadGroups(): Promise<void>;
  /** Creates or replaces a group. With `previousName` it is a rename: the old group goes
   *  and a wall showing it follows to the new name. */
  saveGroup(name: string, cameras: string[], previousName?: string): Promise<ActionResult>;
  /** A wall showing the group falls back to every camera. */
  deleteGroup(name: string): Promise<ActionResult>;
  internal_resetGroups(): void;
}

const byName = (groups: CameraGroup[]) => [...groups].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));

export const createGroupsActions: ActionCreator<GroupsAction> = (set, get, { api }) => {
  async function remove(name: string): Promise<ActionResult | null> {
    const result = await callWithSession(get, (token) => api.deleteCameraGroup(token, name));
    if (result.kind === 'ended') return { ok: false, message: 'The session ended.' };
    if (result.kind === 'failed' && result.error.code !== 'NOT_FOUND') return { ok: false, message: result.error.message };
    set({ cameraGroups: get().cameraGroups.filter((g) => g.name !== name) });
    return null;
  }

  return {
    async loadGroups() {
      if (get().groupsLoad !== 'ready') set({ groupsLoad: 'loading', groupsError: null });
      const result = await callWithSession(get, (token) => api.listCameraGroups(token));
      if (result.kind === 'ended') return;
      if (result.kind === 'failed') {
        set({ groupsLoad: get().groupsLoad === 'ready' ? 'ready' : 'error', groupsError: result.error.message });
        return;
      }
      set({ cameraGroups: result.value, groupsLoad: 'ready', groupsError: null });
    },

    async saveGroup(name, cameras, previousName) {
      set({ groupBusy: true });
      try {
        const result = await callWithSession(get, (token) => api.saveCameraGroup(token, name, { cameras }));
        if (result.kind === 'ended') return { ok: false, message: 'The session ended.' };
        if (result.kind === 'failed') return { ok: false, message: result.error.message };
        const saved = result.value;
        set({ cameraGroups: byName([...get().cameraGroups.filter((g) => g.name !== saved.name), saved]) });
        if (previousName !== undefined && previousName !== name) {
          const failed = await remove(previousName);
          if (get().wallGroup === previousName) set({ wallGroup: name });
          if (failed) return failed;
        }
        return { ok: true };
      } finally {
        set({ groupBusy: false });
      }
    },

    async deleteGroup(name) {
      set({ groupBusy: true });
      try {
        const failed = await remove(name);
        if (failed) return failed;
        if (get().wallGroup === name) set({ wallGroup: null, wallPage: 0 });
        return { ok: true };
      } finally {
        set({ groupBusy: false });
      }
    },

    internal_resetGroups() {
      set(initialGroupsState);
    },
  };
};
