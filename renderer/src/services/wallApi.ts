import type { CameraGroup, CameraGroupInput, LayoutScope, WallLayout, WallLayoutInput } from '../../../media-core/contracts/layouts';
import type { ApiRequest } from './consoleApi';

/** Named wall layouts and camera groups, stored on the core (never in browser storage:
 *  the desktop console's origin changes with every launch). */
export interface WallApi {
  listLayouts(token: string): Promise<WallLayout[]>;
  saveLayout(token: string, name: string, layout: WallLayoutInput): Promise<WallLayout>;
  deleteLayout(token: string, name: string, scope: LayoutScope): Promise<void>;
  listCameraGroups(token: string): Promise<CameraGroup[]>;
  saveCameraGroup(token: string, name: string, group: CameraGroupInput): Promise<CameraGroup>;
  deleteCameraGroup(token: string, name: string): Promise<void>;
}

const layoutPath = (name: string) => `/layouts/${encodeURIComponent(name)}`;
const groupPath = (name: string) => `/camera-groups/${encodeURIComponent(name)}`;

export function createWallApi(request: ApiRequest): WallApi {
  return {
    listLayouts: (token) => request<WallLayout[]>('/layouts', { token }),
    saveLayout: (token, name, layout) => request<WallLayout>(layoutPath(name), { method: 'PUT', token, body: layout }),
    deleteLayout: (token, name, scope) => request<void>(`${layoutPath(name)}?scope=${scope}`, { method: 'DELETE', token }),
    listCameraGroups: (token) => request<CameraGroup[]>('/camera-groups', { token }),
    saveCameraGroup: (token, name, group) => request<CameraGroup>(groupPath(name), { method: 'PUT', token, body: group }),
    deleteCameraGroup: (token, name) => request<void>(groupPath(name), { method: 'DELETE', token }),
  };
}

/** The last picture of a camera, for offline tiles. An <img> cannot send headers, so the
 *  token rides in the query; `version` changes the URL when the picture may have. */
export function cameraSnapshotUrl(cameraId: string, token: string, version: string, baseUrl = ''): string {
  const query = `token=${encodeURIComponent(token)}&v=${encodeURIComponent(version)}`;
  return `${baseUrl}/api/v1/cameras/${encodeURIComponent(cameraId)}/snapshot.jpg?${query}`;
}
