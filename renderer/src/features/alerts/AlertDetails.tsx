import type { Alert } from '../../../../media-core/contracts/alerts';
import { formatWhen } from '../../components/format';
import { metricPairs } from './alertFormat';

/** What the finding rests on: figures, the access events behind it, what was done and who was told. */
export function AlertDetails({ alert }: { alert: Alert }) {
  const metrics = metricPairs(alert.metrics);
  return (
    <div className="alert-details" data-testid="alert-details">
      {metrics.length > 0 && (
        <dl className="alert-details__metrics">
          {metrics.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd className="tabular">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div>
        <h4 className="alert-details__title">Evidence ({alert.evidence.length} access events)</h4>
        {alert.evidence.length === 0 ? (
          <p className="alert-details__muted">No access events were kept for this finding.</p>
        ) : (
          <div className="alert-details__scroll">
            <table className="data-table" data-testid="alert-evidence">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Protocol</th>
                  <th scope="col">Camera</th>
                  <th scope="col">Address</th>
                  <th scope="col">Decision</th>
                  <th scope="col">User agent</th>
                </tr>
              </thead>
              <tbody>
                {alert.evidence.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td className="tabular">{formatWhen(new Date(e.at).toISOString())}</td>
                    <td>{e.protocol.toUpperCase()}</td>
                    <td>{e.camera ?? '—'}</td>
                    <td className="mono">{e.ip}</td>
                    <td>
                      <span className={`pill pill--${e.result === 'allow' ? 'ok' : 'danger'}`}>{e.result === 'allow' ? 'allowed' : e.code.replace(/_/g, ' ')}</span>
                    </td>
                    <td className="alert-details__ua" title={e.userAgent ?? undefined}>
                      {e.userAgent ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {alert.history.length > 0 && (
        <div>
          <h4 className="alert-details__title">History</h4>
          <ul className="alert-details__history">
            {alert.history.map((h, i) => (
              <li key={i}>
                <span className="tabular alert-details__muted">{formatWhen(h.at)}</span> <strong>{h.actor}</strong> {h.action.replace(/[._]/g, ' ')}
                {h.note ? ` — ${h.note}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {alert.notifications.length > 0 && (
        <div>
          <h4 className="alert-details__title">Notifications</h4>
          <ul className="alert-details__history">
            {alert.notifications.map((n) => (
              <li key={n.id}>
                {n.channel === 'email' ? 'E-mail' : 'Webhook'} to <span className="mono">{n.target}</span>:{' '}
                <span className={`pill pill--${n.state === 'sent' ? 'ok' : n.state === 'failed' ? 'danger' : 'muted'}`}>{n.state}</span>
                {n.lastError ? <span className="alert-details__muted"> {n.lastError}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
