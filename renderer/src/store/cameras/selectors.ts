import type { CameraStatus } from '../../../../media-core/contracts/api';
import type { ConsoleStore } from '../types';

export const CAMERA_STATUSES: readonly CameraStatus[] = ['live', 'starting', 'stalled', 'offline', 'error', 'disabled'];

export type StatusCounts = Record<CameraStatus, number>;

export const cameraSelectors = {
  ids: (s: ConsoleStore) => s.cameraIds,
  count: (s: ConsoleStore) => s.cameraIds.length,
  byId: (id: string) => (s: ConsoleStore) => s.camerasById[id],
  statusOf: (id: string) => (s: ConsoleStore) => s.camerasById[id]?.status,
  loadState: (s: ConsoleStore) => s.camerasLoad,
  error: (s: ConsoleStore) => s.camerasError,
  /** A new object each call: select it with useShallow. */
  statusCounts: (s: ConsoleStore): StatusCounts => {
    const counts: StatusCounts = { live: 0, starting: 0, stalled: 0, offline: 0, error: 0, disabled: 0 };
    for (const id of s.cameraIds) {
      const camera = s.camerasById[id];
      if (camera) counts[camera.status] += 1;
    }
    return counts;
  },
};
