import type { CameraStatus } from '../../../../media-core/contracts/api';
import { STATUS_PRESENTATION } from './cameraStatus';

export function StatusBadge({ status }: { status: CameraStatus }) {
  return (
    <span className={`badge badge--${status}`} data-testid="camera-status">
      <span className="badge__dot" aria-hidden="true" />
      {STATUS_PRESENTATION[status].label}
    </span>
  );
}
