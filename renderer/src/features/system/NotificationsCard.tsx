import { useEffect, useState } from 'react';
import { BellIcon } from '../../components/icons';
import { notificationSelectors, useConsoleStore } from '../../store';
import { Card, Facts } from './SystemCards';

const STATE_TEXT = {
  granted: 'On',
  default: 'Not enabled yet',
  denied: 'Blocked in this browser',
  unsupported: 'Not available here',
} as const;

/** Desktop notifications for severe alerts on this workstation: enable and test them. */
export function NotificationsCard() {
  const permission = useConsoleStore(notificationSelectors.permission);
  const kind = useConsoleStore(notificationSelectors.kind);
  const refresh = useConsoleStore((s) => s.refreshNotifications);
  const request = useConsoleStore((s) => s.requestNotificationPermission);
  const notify = useConsoleStore((s) => s.notifyDesktop);
  const [tested, setTested] = useState<string | null>(null);

  useEffect(() => refresh(), [refresh]);

  const test = async () => {
    const outcome = await notify('WINK Media Router', 'Desktop notifications work: severe alerts will show like this.', { tag: 'wink-test' });
    setTested(outcome === 'shown' ? 'Sent. It should appear on this screen.' : outcome === 'blocked' ? 'Blocked: allow notifications first.' : 'This environment cannot show notifications.');
  };

  return (
    <Card title="Desktop notifications" testId="system-notifications">
      <Facts
        rows={[
          ['Status', <span data-testid="notification-state">{STATE_TEXT[permission]}</span>],
          ['Shown by', kind === 'desktop' ? 'The desktop app' : kind === 'browser' ? 'This browser' : '—'],
        ]}
      />
      <div className="system__actions">
        {permission === 'default' && (
          <button type="button" className="button button--small" onClick={() => void request()}>
            <BellIcon size={14} />
            Enable notifications
          </button>
        )}
        <button type="button" className="button button--small button--ghost" onClick={() => void test()} disabled={permission === 'unsupported'}>
          Send a test
        </button>
        {tested && (
          <span className="system__muted" role="status">
            {tested}
          </span>
        )}
      </div>
      {permission === 'denied' && <p className="form-hint">Allow notifications for this site in the browser's settings, then reload.</p>}
    </Card>
  );
}
