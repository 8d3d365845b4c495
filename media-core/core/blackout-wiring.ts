import type { AccessPlane } from '../access/index';
import type { Camera } from '../contracts/api';
import type { ConsoleBlackout } from '../servers/console/deps';

/** What the wiring needs of the camera service. */
export interface BlackoutCameras {
  setBlackout(id: string, on: boolean): Camera | undefined;
  isBlackedOut(id: string): boolean;
}

export interface BlackoutWiring {
  console: ConsoleBlackout;
  stop(): void;
}

/**
 * Privacy blackout: the camera service keeps the flag; the access plane refuses every
 * partner request for a blacked-out camera (a guard, before any credential is looked at)
 * and the moment the flag goes on, every running partner session to it ends. Operators
 * watch over the console listener, which the access plane does not guard.
 */
export function createBlackoutWiring(cameras: BlackoutCameras, access: Pick<AccessPlane, 'addGuard' | 'terminateSessions'>): BlackoutWiring {
  const removeGuard = access.addGuard((req) =>
    cameras.isBlackedOut(req.camera) ? { ok: false, status: 403, code: 'camera_blackout', reason: `camera ${req.camera} is under privacy blackout` } : null,
  );
  return {
    console: {
      set(cameraId, on) {
        const camera = cameras.setBlackout(cameraId, on);
        if (camera && on) access.terminateSessions((s) => s.camera === cameraId, 'camera_blackout');
        return camera;
      },
    },
    stop: removeGuard,
  };
}
