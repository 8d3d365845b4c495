import type { Camera } from '../../../media-core/contracts/api';
import type { SessionView } from '../../../media-core/contracts/partners';
import type { ApiRequest } from './consoleApi';

/** Partner sessions running now, and the operator's ways to cut them: end one, or put a
 *  camera under privacy blackout (ends all of its sessions and refuses partners). */
export interface SessionsApi {
  listSessions(token: string): Promise<SessionView[]>;
  endSession(token: string, id: string): Promise<void>;
  setCameraBlackout(token: string, cameraId: string, on: boolean): Promise<Camera>;
}

export function createSessionsApi(request: ApiRequest): SessionsApi {
  return {
    listSessions: (token) => request<SessionView[]>('/sessions', { token }),
    endSession: (token, id) => request<void>(`/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', token }),
    setCameraBlackout: (token, cameraId, on) =>
      request<Camera>(`/cameras/${encodeURIComponent(cameraId)}/blackout`, { method: on ? 'POST' : 'DELETE', token }),
  };
}
