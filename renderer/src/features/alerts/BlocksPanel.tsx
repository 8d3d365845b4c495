import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { RefreshIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { alertSelectors, sessionSelectors, useConsoleStore } from '../../store';
import './blocks.css';

/** Addresses the abuse monitor (or an admin) blocks now, each with a way to lift it. */
export function BlocksPanel() {
  const blocks = useConsoleStore(alertSelectors.ipBlocks);
  const loadState = useConsoleStore(alertSelectors.ipBlocksLoad);
  const busy = useConsoleStore(alertSelectors.busy);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const load = useConsoleStore((s) => s.loadIpBlocks);
  const lift = useConsoleStore((s) => s.liftIpBlock);
  const [error, setError] = useState<string | null>(null);
  const active = blocks.filter((b) => b.active);

  return (
    <aside className="blocks" data-testid="ip-blocks">
      <div className="blocks__head">
        <h3 className="blocks__title">Blocked addresses</h3>
        <button type="button" className="button button--ghost button--small" onClick={() => void load()} aria-label="Refresh blocks">
          <RefreshIcon size={14} />
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {loadState === 'loading' && active.length === 0 ? (
        <p className="blocks__muted">
          <Spinner size={12} /> Reading blocks…
        </p>
      ) : loadState === 'error' ? (
        <p className="blocks__muted">Could not read the blocks. Refresh to try again.</p>
      ) : active.length === 0 ? (
        <p className="blocks__muted">No address is blocked.</p>
      ) : (
        <ul className="blocks__list">
          {active.map((b) => (
            <li key={b.ip} className="blocks__item">
              <span className="mono blocks__ip">{b.ip}</span>
              <span className="blocks__muted">
                Step {b.step} · {b.until ? `until ${formatDateTime(b.until)}` : 'until lifted'}
              </span>
              <span className="blocks__reason">{b.reason}</span>
              {isAdmin && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  onClick={async () => {
                    const r = await lift(b.ip);
                    setError(r.ok ? null : r.message);
                  }}
                >
                  {busy === b.ip && <Spinner size={12} />}
                  Lift block
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
