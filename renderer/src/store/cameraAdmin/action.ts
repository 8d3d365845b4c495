import type { Camera, CameraCreateRequest, CameraUpdateRequest } from '../../../../media-core/contracts/api';
import { callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult, GetState, SetState } from '../types';

export interface CameraAdminAction {
  createCamera(request: CameraCreateRequest): Promise<ActionResult>;
  updateCamera(id: string, request: CameraUpdateRequest): Promise<ActionResult>;
  deleteCamera(id: string): Promise<ActionResult>;
}

/** Runs one camera change with `busyKey` marked busy; `apply` updates the store on success. */
async function change<T>(set: SetState, get: GetState, busyKey: string, call: (token: string) => Promise<T>, apply: (value: T) => void): Promise<ActionResult> {
  if (get().cameraAdminBusy !== null) return { ok: false, message: 'Another camera change is still being saved.' };
  set({ cameraAdminBusy: busyKey });
  try {
    const result = await callWithSession(get, call);
    if (result.kind === 'ended') return { ok: false, message: 'The session ended.' };
    if (result.kind === 'failed') return { ok: false, message: result.error.message };
    apply(result.value);
    return { ok: true };
  } finally {
    set({ cameraAdminBusy: null });
  }
}

/** Camera management (admins). The list itself lives in the cameras slice: a change is
 *  applied there as the core's live event would be, so the wall updates at once. */
export const createCameraAdminActions: ActionCreator<CameraAdminAction> = (set, get, { api }) => {
  const show = (camera: Camera) => get().applyEvent({ type: 'camera.status', camera });
  return {
    createCamera(request) {
      return change(set, get, '', (token) => api.createCamera(token, request), show);
    },
    updateCamera(id, request) {
      return change(set, get, id, (token) => api.updateCamera(token, id, request), show);
    },
    deleteCamera(id) {
      return change(set, get, id, (token) => api.deleteCamera(token, id), () => get().applyEvent({ type: 'camera.removed', id }));
    },
  };
};
