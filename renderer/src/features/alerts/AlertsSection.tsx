import { useEffect } from 'react';
import { AlertsIcon, BellIcon, CheckIcon, RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { usePolling } from '../../hooks/usePolling';
import { alertSelectors, notificationSelectors, useConsoleStore } from '../../store';
import { AlertCard } from './AlertCard';
import { AlertFilters } from './AlertFilters';
import { BlocksPanel } from './BlocksPanel';
import './alerts.css';

/** What the abuse monitor found, live: new alerts arrive over the event stream. */
export function AlertsSection() {
  const alerts = useConsoleStore(alertSelectors.all);
  const loadState = useConsoleStore(alertSelectors.loadState);
  const error = useConsoleStore(alertSelectors.error);
  const hasMore = useConsoleStore(alertSelectors.hasMore);
  const unread = useConsoleStore(alertSelectors.unread);
  const filtered = useConsoleStore(alertSelectors.filtered);
  const busy = useConsoleStore(alertSelectors.busy);
  const permission = useConsoleStore(notificationSelectors.permission);
  const loadAlerts = useConsoleStore((s) => s.loadAlerts);
  const loadMore = useConsoleStore((s) => s.loadMoreAlerts);
  const acknowledgeAll = useConsoleStore((s) => s.acknowledgeAllAlerts);
  const loadPartners = useConsoleStore((s) => s.loadPartners);
  const loadIpBlocks = useConsoleStore((s) => s.loadIpBlocks);
  const refreshNotifications = useConsoleStore((s) => s.refreshNotifications);
  const requestPermission = useConsoleStore((s) => s.requestNotificationPermission);

  useEffect(() => {
    void loadAlerts();
    void loadPartners();
    refreshNotifications();
  }, [loadAlerts, loadPartners, refreshNotifications]);
  // Blocks expire on their own; alerts come live.
  usePolling(loadIpBlocks, 15_000);

  let list;
  if (alerts.length > 0) {
    list = (
      <div className="alerts__list" data-testid="alert-list">
        {alerts.map((a) => (
          <AlertCard key={a.id} alert={a} />
        ))}
        {hasMore && (
          <button type="button" className="button alerts__more" onClick={() => void loadMore()}>
            Show older alerts
          </button>
        )}
      </div>
    );
  } else if (loadState === 'error') {
    list = (
      <StateMessage tone="danger" role="alert" icon={<WarningIcon size={24} />} title="Could not load the alerts" action={<button type="button" className="button" onClick={() => void loadAlerts()}><RefreshIcon size={16} /> Try again</button>}>
        {error} New alerts still arrive over the live connection.
      </StateMessage>
    );
  } else if (loadState === 'ready') {
    list = (
      <StateMessage icon={<AlertsIcon size={24} />} title={filtered ? 'No alert matches these filters' : 'No alerts'}>
        {filtered ? 'Clear the filters to see every alert.' : 'The abuse monitor has found nothing. Alerts appear here the moment they are raised.'}
      </StateMessage>
    );
  } else {
    list = <StateMessage icon={<Spinner size={24} />} title="Loading alerts…" role="status" />;
  }

  return (
    <div className="alerts" data-testid="alerts-section">
      <div className="alerts__toolbar">
        <AlertFilters />
        <span className="alerts__spacer" />
        <span className="alerts__unread tabular" data-testid="alerts-unread-count">
          {unread} not acknowledged
        </span>
        <button type="button" className="button button--small" onClick={() => void acknowledgeAll()} disabled={unread === 0 || busy !== null}>
          {busy === 'all' ? <Spinner size={14} /> : <CheckIcon size={14} />}
          Acknowledge all
        </button>
      </div>
      {permission === 'default' && (
        <p className="alerts__notice">
          <BellIcon size={14} /> Severe alerts can also pop up on this screen when the console is in the background.
          <button type="button" className="button button--small" onClick={() => void requestPermission()}>
            Enable desktop notifications
          </button>
        </p>
      )}
      {error && alerts.length > 0 && <p className="form-error">Refresh failed: {error}</p>}
      <div className="alerts__body">
        {list}
        <BlocksPanel />
      </div>
    </div>
  );
}
