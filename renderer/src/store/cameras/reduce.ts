import type { Camera, ConsoleEvent } from '../../../../media-core/contracts/api';
import type { CamerasState } from './initialState';

type CameraList = Pick<CamerasState, 'cameraIds' | 'camerasById'>;

export function fromList(cameras: readonly Camera[]): CameraList {
  const camerasById: Record<string, Camera> = {};
  for (const camera of cameras) camerasById[camera.id] = camera;
  return { cameraIds: Object.keys(camerasById), camerasById };
}

/** Applies one live event; returns the same object when nothing changed, so
 *  subscribers of untouched cameras do not re-render. */
export function applyConsoleEvent(state: CameraList, event: ConsoleEvent): CameraList {
  switch (event.type) {
    case 'camera.status': {
      const { camera } = event;
      const known = camera.id in state.camerasById;
      return {
        cameraIds: known ? state.cameraIds : [...state.cameraIds, camera.id],
        camerasById: { ...state.camerasById, [camera.id]: camera },
      };
    }
    case 'camera.stats': {
      let camerasById: Record<string, Camera> | null = null;
      for (const [id, stats] of Object.entries(event.stats)) {
        const camera = state.camerasById[id];
        if (!camera) continue;
        camerasById ??= { ...state.camerasById };
        camerasById[id] = { ...camera, stats };
      }
      return camerasById ? { cameraIds: state.cameraIds, camerasById } : state;
    }
    case 'camera.removed': {
      if (!(event.id in state.camerasById)) return state;
      const { [event.id]: _removed, ...camerasById } = state.camerasById;
      return { cameraIds: state.cameraIds.filter((id) => id !== event.id), camerasById };
    }
    default:
      // hello, and events other slices handle (alerts).
      return state;
  }
}
