import { useEffect, useState } from 'react';
import type { Partner } from '../../../../media-core/contracts/partners';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDuration, formatWhen } from '../../components/format';
import { RefreshIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { partnerAccessSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { TOKEN_STATUS_TONE } from './labels';

/** The partner's OTP tokens (never the tokens themselves): status, lifetime, where used;
 *  revoke one, or all at once. */
export function TokensCard({ partner }: { partner: Partner }) {
  const tokens = useConsoleStore(partnerAccessSelectors.tokens(partner.id));
  const loadState = useConsoleStore(partnerAccessSelectors.loadState(partner.id));
  const error = useConsoleStore(partnerAccessSelectors.error);
  const busy = useConsoleStore(partnerAccessSelectors.busy);
  const active = useConsoleStore(partnerAccessSelectors.activeTokenCount(partner.id));
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const load = useConsoleStore((s) => s.loadPartnerTokens);
  const revoke = useConsoleStore((s) => s.revokePartnerToken);
  const revokeAll = useConsoleStore((s) => s.revokeAllPartnerTokens);
  const [asking, setAsking] = useState(false);
  const [rowError, setRowError] = useState<string | null>(null);

  useEffect(() => {
    void load(partner.id);
  }, [load, partner.id]);

  return (
    <section className="partner-card partner-card--wide" data-testid="tokens-card">
      <div className="partner-card__head">
        <h3 className="partner-card__title">OTP tokens</h3>
        <span className="partner-card__muted tabular">{active} active</span>
        <button type="button" className="button button--ghost button--small" onClick={() => void load(partner.id)} aria-label="Refresh tokens">
          <RefreshIcon size={14} />
        </button>
        {isAdmin && (
          <button type="button" className="button button--small button--danger" onClick={() => setAsking(true)} disabled={busy !== null || active === 0} data-testid="revoke-all-tokens">
            {busy === 'revoke-all' && <Spinner size={14} />}
            Revoke all tokens
          </button>
        )}
      </div>
      {(error || rowError) && <p className="form-error">{rowError ?? error}</p>}
      {loadState === 'loading' && tokens.length === 0 ? (
        <p className="partner-card__muted">
          <Spinner size={14} /> Reading tokens…
        </p>
      ) : tokens.length === 0 ? (
        <p className="partner-card__muted">No tokens yet. The partner makes them through its OTP API, or issue a test token above.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Status</th>
              <th scope="col">Made</th>
              <th scope="col">Expires</th>
              <th scope="col">Cameras</th>
              <th scope="col">Used from</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token-row" data-status={t.status}>
                <td className="mono">{t.id.slice(0, 10)}</td>
                <td>
                  <span className={`pill pill--${TOKEN_STATUS_TONE[t.status]}`}>{t.status}</span>
                </td>
                <td className="data-table__muted">{formatWhen(t.createdAt)}</td>
                <td className="data-table__muted">{t.status === 'active' ? `in ${formatDuration(t.secondsRemaining)}` : formatWhen(t.revokedAt ?? t.expiresAt)}</td>
                <td className="data-table__muted">{t.cameras?.join(', ') ?? 'all granted'}</td>
                <td className="data-table__muted mono" title={t.ips.join(', ')}>
                  {t.ips.length === 0 ? '—' : t.ips.length > 2 ? `${t.ips.slice(0, 2).join(', ')} +${t.ips.length - 2}` : t.ips.join(', ')}
                </td>
                <td>
                  {isAdmin && t.status === 'active' && (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={busy !== null}
                      onClick={async () => {
                        const r = await revoke(partner.id, t.id);
                        setRowError(r.ok ? null : r.message);
                      }}
                    >
                      {busy === t.id && <Spinner size={12} />}
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog title="Revoke every token?" confirmLabel={`Revoke ${active} ${active === 1 ? 'token' : 'tokens'}`} onConfirm={() => revokeAll(partner.id)} onClose={() => setAsking(false)}>
          Every active token of <strong>{partner.name}</strong> ({active}) stops working now, and the sessions using them end at once. Addresses on its allow-list,
          JWTs and its SRT key keep working; the partner can make new tokens through its API unless you also rotate its credentials.
        </ConfirmDialog>
      )}
    </section>
  );
}
