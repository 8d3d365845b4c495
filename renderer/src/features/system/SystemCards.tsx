import type { ReactNode } from 'react';
import type { SystemInfo } from '../../../../media-core/contracts/api';
import { CAMERA_STATUSES } from '../../store';
import { STATUS_PRESENTATION } from '../wall/cameraStatus';
import { formatBytes, formatCpu, formatLoad, share } from './formatSystem';
import { formatUptime, listenerPurpose, sortListeners } from './listenerNames';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function Card({ title, children, wide = false, action, testId }: { title: string; children: ReactNode; wide?: boolean; action?: ReactNode; testId?: string }) {
  return (
    <section className={`system__card${wide ? ' system__card--wide' : ''}`} data-testid={testId} aria-label={title}>
      <div className="system__card-head">
        <h2 className="system__card-title">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: [string, ReactNode][] }) {
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

function Meter({ percent, label }: { percent: number; label: string }) {
  const tone = percent >= 90 ? 'danger' : percent >= 70 ? 'warning' : 'ok';
  return (
    <span className={`meter meter--${tone}`} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} aria-label={label}>
      <span className="meter__fill" style={{ width: `${percent}%` }} />
    </span>
  );
}

export function CoreCard({ info }: { info: SystemInfo }) {
  const started = new Date(info.startedAt);
  const uptime = formatUptime(info.startedAt, new Date());
  return (
    <Card title="Media core">
      <Facts
        rows={[
          ['Version', <span className="mono">{info.version}</span>],
          ['Started', Number.isNaN(started.getTime()) ? info.startedAt : dateTime.format(started)],
          ['Uptime', <span data-testid="system-uptime">{uptime ?? '—'}</span>],
          ['Data directory', <span className="mono system__path">{info.dataDir}</span>],
          ...(info.resources ? ([['Runtime', `Node ${info.resources.nodeVersion} · ${info.resources.platform}`]] as [string, ReactNode][]) : []),
        ]}
      />
    </Card>
  );
}

export function ResourcesCard({ info }: { info: SystemInfo }) {
  const r = info.resources;
  if (!r) return null;
  const usedMemory = r.systemMemoryTotalBytes - r.systemMemoryFreeBytes;
  return (
    <Card title="CPU and memory" testId="system-resources">
      <Facts
        rows={[
          ['Core CPU', <span className="tabular" data-testid="system-cpu">{formatCpu(r.cpuPercent, r.cpuCount)}</span>],
          ['Load average', <span className="tabular" title="1, 5 and 15 minutes">{formatLoad(r.loadAverage)}</span>],
          ['Core memory', <span className="tabular">{formatBytes(r.rssBytes)} resident · heap {formatBytes(r.heapUsedBytes)} of {formatBytes(r.heapTotalBytes)}</span>],
          [
            'Machine memory',
            <span className="system__meter-row tabular">
              <Meter percent={share(usedMemory, r.systemMemoryTotalBytes)} label="Machine memory in use" />
              {formatBytes(usedMemory)} of {formatBytes(r.systemMemoryTotalBytes)}
            </span>,
          ],
        ]}
      />
    </Card>
  );
}

export function StorageCard({ info }: { info: SystemInfo }) {
  return (
    <Card title="Database and media tools">
      <Facts
        rows={[
          ...(info.database
            ? ([
                ['Database size', <span className="tabular" data-testid="system-db-size">{formatBytes(info.database.sizeBytes)} (log {formatBytes(info.database.walBytes)})</span>],
                ['Schema version', <span className="tabular">{info.database.schemaVersion}</span>],
              ] as [string, ReactNode][])
            : []),
          ['FFmpeg', info.ffmpeg.version ?? <span className="system__missing">Unknown version</span>],
          ['FFmpeg path', <span className="mono system__path">{info.ffmpeg.path || '—'} ({info.ffmpeg.source})</span>],
        ]}
      />
    </Card>
  );
}

export function PipelinesCard({ info }: { info: SystemInfo }) {
  const p = info.pipelines;
  if (!p) return null;
  const healthy = p.byStatus.live === p.total;
  return (
    <Card title="Camera pipelines" testId="system-pipelines">
      <p className={`system__headline${healthy ? '' : ' system__headline--warn'}`}>
        {p.total === 0 ? 'No cameras configured' : healthy ? `All ${p.total} cameras live` : `${p.byStatus.live} of ${p.total} cameras live`}
      </p>
      <div className="system__chips">
        {CAMERA_STATUSES.filter((status) => p.byStatus[status] > 0).map((status) => (
          <span key={status} className={`wall-summary__chip wall-summary__chip--${status} tabular`}>
            <span className="badge__dot" aria-hidden="true" />
            {p.byStatus[status]} {STATUS_PRESENTATION[status].label.toLowerCase()}
          </span>
        ))}
      </div>
      <p className="system__muted tabular">{p.restarts === 0 ? 'No ingest restarts since the core started.' : `${p.restarts} ingest restarts since the core started.`}</p>
    </Card>
  );
}

export function ListenersCard({ info }: { info: SystemInfo }) {
  return (
    <Card title="Listeners" wide testId="system-listeners">
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
            <tr key={name} data-testid="listener-row" data-listener={name}>
              <td className="system__listener">{name}</td>
              <td className="mono">{address}</td>
              <td className="system__purpose">{listenerPurpose(name) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
