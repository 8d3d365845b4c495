import { connectionSelectors, useConsoleStore } from '../store';
import type { ConnectionStatus } from '../store';

const PRESENTATION: Record<ConnectionStatus, { label: string; hint: string }> = {
  idle: { label: 'Offline', hint: 'Not connected to the media core.' },
  connecting: { label: 'Connecting…', hint: 'Opening the live-update stream to the media core.' },
  open: { label: 'Live updates', hint: 'Camera states update as they change.' },
  reconnecting: {
    label: 'Reconnecting…',
    hint: 'Lost the live-update stream to the media core; retrying. Camera states may be out of date.',
  },
};

export function ConnectionIndicator() {
  const status = useConsoleStore(connectionSelectors.status);
  const { label, hint } = PRESENTATION[status];
  return (
    <span className={`connection connection--${status}`} title={hint} data-testid="connection-state" data-state={status}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label" role="status">
        {label}
      </span>
    </span>
  );
}
