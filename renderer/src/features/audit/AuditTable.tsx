import type { AuditDecisionRow, AuditSessionRow } from '../../../../media-core/contracts/audit';
import { formatDateTime, formatDuration, formatTraffic } from '../../components/format';
import type { AuditRows } from '../../store';

function DecisionRows({ items }: { items: AuditDecisionRow[] }) {
  return (
    <table className="data-table audit-table" data-testid="audit-table" data-kind="decisions">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Result</th>
          <th scope="col">Partner</th>
          <th scope="col">Camera</th>
          <th scope="col">Protocol</th>
          <th scope="col">Address</th>
          <th scope="col">Method</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="audit-row" data-result={r.result}>
            <td className="tabular audit-table__when">{formatDateTime(r.at)}</td>
            <td>
              <span className={`pill pill--${r.result === 'allow' ? 'ok' : 'danger'}`}>{r.result === 'allow' ? 'allowed' : 'denied'}</span>
            </td>
            <td>{r.partnerName ?? <span className="data-table__muted">unknown</span>}</td>
            <td>{r.camera ?? '—'}</td>
            <td>{r.protocol.toUpperCase()}{r.kind ? <span className="data-table__muted"> {r.kind}</span> : null}</td>
            <td className="mono">{r.ip}</td>
            <td className="data-table__muted">{r.method ?? '—'}</td>
            <td className="audit-table__why" title={r.reason}>
              {r.result === 'deny' ? r.code.replace(/_/g, ' ') : r.sessionId ? 'session opened' : 'allowed'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SessionRows({ items }: { items: AuditSessionRow[] }) {
  return (
    <table className="data-table audit-table" data-testid="audit-table" data-kind="sessions">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Partner</th>
          <th scope="col">Camera</th>
          <th scope="col">Protocol</th>
          <th scope="col">Address</th>
          <th scope="col" className="data-table__num">Lasted</th>
          <th scope="col" className="data-table__num">Delivered</th>
          <th scope="col">Ended</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const end = r.endedAt ?? r.lastSeenAt;
          const lasted = end ? (Date.parse(end) - Date.parse(r.startedAt)) / 1000 : null;
          return (
            <tr key={r.id} data-testid="audit-row">
              <td className="tabular audit-table__when">{formatDateTime(r.startedAt)}</td>
              <td>{r.partnerName ?? r.partnerId}</td>
              <td>{r.camera}</td>
              <td>
                {r.protocol.toUpperCase()} <span className="data-table__muted">{r.method}</span>
              </td>
              <td className="mono" title={r.userAgent ?? undefined}>
                {r.ip}
              </td>
              <td className="data-table__num">{lasted === null ? '—' : formatDuration(lasted)}</td>
              <td className="data-table__num">{formatTraffic(r.bytes)}</td>
              <td>{r.endedAt ? <span className="data-table__muted">{(r.endReason ?? 'ended').replace(/_/g, ' ')}</span> : <span className="pill pill--ok">running</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function AuditTable({ rows }: { rows: AuditRows }) {
  return rows.kind === 'decisions' ? <DecisionRows items={rows.items} /> : <SessionRows items={rows.items} />;
}
