import { useEffect } from 'react';
import { RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { CameraAdminList } from '../cameras/CameraAdminList';
import { systemSelectors, useConsoleStore } from '../../store';
import { AbuseSettingsCard } from './AbuseSettingsCard';
import { AlertDeliveryCard } from './AlertDeliveryCard';
import { AccessLimitsCard, RetentionCard } from './LimitsCards';
import { ListenerSettingsCard } from './ListenerSettingsCard';
import { NotificationsCard } from './NotificationsCard';
import { OperatorsCard } from './OperatorsCard';
import { Card, CoreCard, ListenersCard, PipelinesCard, ResourcesCard, StorageCard } from './SystemCards';
import './system.css';
import './settings.css';

/** CPU and memory move: re-read them while the page is on screen. */
const REFRESH_MS = 5_000;

export function SystemSection() {
  const info = useConsoleStore(systemSelectors.info);
  const loadState = useConsoleStore(systemSelectors.loadState);
  const error = useConsoleStore(systemSelectors.error);
  const loadSystem = useConsoleStore((s) => s.loadSystem);

  useEffect(() => {
    void loadSystem();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void loadSystem();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadSystem]);

  const refresh = (
    <button type="button" className="button button--small" onClick={() => void loadSystem()} disabled={loadState === 'loading'}>
      <RefreshIcon size={14} />
      Refresh
    </button>
  );

  if (info === null) {
    if (loadState === 'error') {
      return (
        <StateMessage tone="danger" role="alert" icon={<WarningIcon size={24} />} title="Could not read the system information" action={refresh}>
          {error}
        </StateMessage>
      );
    }
    return <StateMessage icon={<Spinner size={24} />} title="Reading system information…" role="status" />;
  }

  return (
    <div className="system" data-testid="system-info">
      <div className="system__toolbar">
        {error && (
          <p className="system__error" role="alert">
            Refresh failed: {error}
          </p>
        )}
        <span className="system__muted system__auto">Updates every {REFRESH_MS / 1000} s</span>
        {refresh}
      </div>
      <div className="system__grid">
        <CoreCard info={info} />
        <ResourcesCard info={info} />
        <PipelinesCard info={info} />
        <StorageCard info={info} />
        <NotificationsCard />
        <ListenersCard info={info} />
        <Card title="Cameras" wide>
          <CameraAdminList />
        </Card>
        <OperatorsCard />
        <AccessLimitsCard />
        <RetentionCard />
        <ListenerSettingsCard />
        <AlertDeliveryCard />
        <AbuseSettingsCard />
      </div>
    </div>
  );
}
