import type { Camera, CameraStatus } from '../../../../media-core/contracts/api';

interface StatusPresentation {
  label: string;
  /** Shown when the core gives no statusReason. */
  defaultReason: string;
  /** Whether the tile should try to play video in this state. */
  playable: boolean;
}

export const STATUS_PRESENTATION: Record<CameraStatus, StatusPresentation> = {
  live: { label: 'Live', defaultReason: 'Video is flowing.', playable: true },
  starting: { label: 'Starting', defaultReason: 'Connecting to the camera…', playable: true },
  stalled: { label: 'Stalled', defaultReason: 'No video from the camera for a few seconds.', playable: true },
  offline: { label: 'Offline', defaultReason: 'The camera cannot be reached. Retrying automatically.', playable: false },
  error: { label: 'Error', defaultReason: 'The camera refused the stream.', playable: false },
  disabled: { label: 'Disabled', defaultReason: 'An operator turned this camera off.', playable: false },
};

export function statusReason(camera: Pick<Camera, 'status' | 'statusReason'>): string {
  return camera.statusReason?.trim() || STATUS_PRESENTATION[camera.status].defaultReason;
}

export function isPlayable(status: CameraStatus): boolean {
  return STATUS_PRESENTATION[status].playable;
}
