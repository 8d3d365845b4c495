import { useEffect } from 'react';
import type { ReactNode } from 'react';
import type { SystemInfo } from '../../../../media-core/contracts/api';
import { RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { systemSelectors, useConsoleStore } from '../../store';
import { formatUptime, listenerPurpose, sortListeners } from './listenerNames';
import './system.css';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function SystemSection() {
  const info = useConsoleStore(systemSelectors.info);
  const loadState = useConsoleStore(systemSelectors.loadState);
  const error = useConsoleStore(systemSelectors.error);
  const loadSystem = useConsoleStore((s) => s.loadSystem);

  useEffect(() => {
    void loadSystem();
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
        {refresh}
      </div>
      <div className="system__grid">
        <Card title="Media core">
          <Facts
            rows={[
              ['Version', <span className="mono">{info.version}</span>],
              ['Started', <StartedAt info={info} />],
              ['Data directory', <span className="mono system__path">{info.dataDir}</span>],
            ]}
          />
        </Card>
        <Card title="FFmpeg">
          <Facts
            rows={[
              ['Version', info.ffmpeg.version ?? <span className="system__missing">Unknown</span>],
              ['Path', <span className="mono system__path">{info.ffmpeg.path}</span>],
              ['Source', info.ffmpeg.source],
            ]}
          />
        </Card>
        <Card title="Listeners" wide>
          <table className="system__table">
            <thead>
              <tr>
                <th scope="col">Listener</th>
                <th scope="col">Address</th>
                <th scope="col">Serves</th>
              </tr>
            </thead>
            <tbody>
              {sortListeners(info.listeners).map(([name, address]) => (
                <tr key={name}>
                  <td className="system__listener">{name}</td>
                  <td className="mono">{address}</td>
                  <td className="system__purpose">{listenerPurpose(name) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}

function StartedAt({ info }: { info: SystemInfo }) {
  const started = new Date(info.startedAt);
  if (Number.isNaN(started.getTime())) return <>{info.startedAt}</>;
  const uptime = formatUptime(info.startedAt, new Date());
  return (
    <>
      {dateTime.format(started)}
      {uptime && <span className="system__muted"> · up {uptime}</span>}
    </>
  );
}

function Card({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`system__card${wide ? ' system__card--wide' : ''}`}>
      <h2 className="system__card-title">{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="system__facts">
      {rows.map(([label, value]) => (
        <div key={label} className="system__fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
