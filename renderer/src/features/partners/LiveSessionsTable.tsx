import { useState } from 'react';
import type { SessionView } from '../../../../media-core/contracts/partners';
import { formatDuration, formatTraffic } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { liveSessionSelectors, sessionSelectors, useConsoleStore } from '../../store';

/** Sessions running now, with one action to end each. */
export function LiveSessionsTable({ sessions, showPartner = false }: { sessions: readonly SessionView[]; showPartner?: boolean }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(liveSessionSelectors.busy);
  const byId = useConsoleStore((s) => s.camerasById);
  const endSession = useConsoleStore((s) => s.endSession);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();

  if (sessions.length === 0) return <p className="partner-card__muted">Nobody is watching right now.</p>;

  return (
    <>
      {error && <p className="form-error">{error}</p>}
      <table className="data-table" data-testid="live-sessions">
        <thead>
          <tr>
            {showPartner && <th scope="col">Partner</th>}
            <th scope="col">Camera</th>
            <th scope="col">Protocol</th>
            <th scope="col">From</th>
            <th scope="col" className="data-table__num">For</th>
            <th scope="col" className="data-table__num">Delivered</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-testid="live-session-row">
              {showPartner && <td>{s.partnerName}</td>}
              <td>{byId[s.camera]?.name ?? s.camera}</td>
              <td>
                <span className="pill pill--info">{s.protocol}</span> <span className="data-table__muted">{s.method}</span>
              </td>
              <td className="mono" title={s.userAgent ?? undefined}>
                {s.ip}
              </td>
              <td className="data-table__num">{formatDuration((now - Date.parse(s.startedAt)) / 1000)}</td>
              <td className="data-table__num">{formatTraffic(s.bytes)}</td>
              <td>
                {isAdmin && (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    disabled={busy !== null}
                    title="Ends this session now; the partner may reconnect while its access holds"
                    onClick={async () => {
                      const r = await endSession(s.id);
                      setError(r.ok ? null : r.message);
                    }}
                  >
                    {busy === s.id && <Spinner size={12} />}
                    End
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
