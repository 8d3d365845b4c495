import type { Camera, CameraCreateRequest, CameraUpdateRequest } from '../../../../media-core/contracts/api';
import { busyAction } from '../sessionCall';
import type { ActionCreator, ActionResult } from '../types';

export interface CameraAdminAction {
  createCamera(request: CameraCreateRequest): Promise<ActionResult>;
  updateCamera(id: string, request: CameraUpdateRequest): Promise<ActionResult>;
  deleteCamera(id: string): Promise<ActionResult>;
}

/** Camera management (admins). The list itself lives in the cameras slice: a change is
 *  applied there as the core's live event would be, so the wall updates at once. */
export const createCameraAdminActions: ActionCreator<CameraAdminAction> = (set, get, { api }) => {
  const show = (camera: Camera) => get().applyEvent({ type: 'camera.status', camera });
  return {
    createCamera(request) {
      return busyAction(set, get, 'cameraAdminBusy', '', (token) => api.createCamera(token, request), show);
    },
    updateCamera(id, request) {
      return busyAction(set, get, 'cameraAdminBusy', id, (token) => api.updateCamera(token, id, request), show);
    },
    deleteCamera(id) {
      return busyAction(set, get, 'cameraAdminBusy', id, (token) => api.deleteCamera(token, id), () => get().applyEvent({ type: 'camera.removed', id }));
    },
  };
};
