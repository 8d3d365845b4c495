import { useShallow } from 'zustand/react/shallow';
import { CAMERA_STATUSES, cameraSelectors, useConsoleStore } from '../../store';
import { STATUS_PRESENTATION } from './cameraStatus';

/** "4 cameras · 3 live · 1 offline": how the wall is doing at a glance. */
export function WallSummary() {
  const counts = useConsoleStore(useShallow(cameraSelectors.statusCounts));
  const total = useConsoleStore(cameraSelectors.count);
  return (
    <div className="wall-summary" data-testid="wall-summary">
      <span className="wall-summary__total tabular">
        {total} {total === 1 ? 'camera' : 'cameras'}
      </span>
      {CAMERA_STATUSES.filter((status) => counts[status] > 0).map((status) => (
        <span key={status} className={`wall-summary__chip wall-summary__chip--${status} tabular`}>
          <span className="badge__dot" aria-hidden="true" />
          {counts[status]} {STATUS_PRESENTATION[status].label.toLowerCase()}
        </span>
      ))}
    </div>
  );
}
