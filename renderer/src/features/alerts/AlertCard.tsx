import { memo, useState } from 'react';
import type { Alert } from '../../../../media-core/contracts/alerts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ArrowDownIcon, ArrowUpIcon, CheckIcon } from '../../components/icons';
import { formatAgo, formatDateTime } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { alertSelectors, partnerSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { detailHref } from '../../app/useHashSection';
import { blockedIps, detectorCategory, detectorLabel, levelText, SEVERITY_TONE } from './alertFormat';
import { AlertDetails } from './AlertDetails';

/** One alert: what was found, about whom, what the monitor did; acknowledge, escalate,
 *  de-escalate, lift a block. */
export const AlertCard = memo(function AlertCard({ alert }: { alert: Alert }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(alertSelectors.busy);
  const fresh = useConsoleStore(alertSelectors.isFresh(alert.id));
  const blocks = useConsoleStore(alertSelectors.ipBlocks);
  const acknowledge = useConsoleStore((s) => s.acknowledgeAlert);
  const escalate = useConsoleStore((s) => s.escalateAlert);
  const deescalate = useConsoleStore((s) => s.deescalateAlert);
  const liftBlock = useConsoleStore((s) => s.liftIpBlock);
  const reinstate = useConsoleStore((s) => s.reinstatePartner);
  const partnerStatus = useConsoleStore((s) => (alert.partnerId ? partnerSelectors.byId(alert.partnerId)(s)?.status : undefined));
  const [open, setOpen] = useState(false);
  const [reinstating, setReinstating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rowBusy = busy === String(alert.id);
  const activeBlocks = [...new Set([...blockedIps(alert), ...(alert.ip ? [alert.ip] : [])])].filter((ip) => blocks.some((b) => b.ip === ip && b.active));
  const run = async (action: Promise<{ ok: boolean; message?: string }>) => {
    const result = await action;
    setError(result.ok ? null : (result.message ?? 'The change failed.'));
  };

  return (
    <article
      className={`alert-card alert-card--${alert.severity}${alert.acknowledged ? ' alert-card--read' : ''}${fresh ? ' alert-card--fresh' : ''}`}
      data-testid="alert-card"
      data-alert-id={alert.id}
      data-acknowledged={alert.acknowledged}
    >
      <div className="alert-card__main">
        <div className="alert-card__tags">
          <span className={`pill pill--${SEVERITY_TONE[alert.severity]}`} data-testid="alert-severity">
            {alert.severity}
          </span>
          <span className="alert-card__detector" data-testid="alert-detector">
            {detectorCategory(alert.detector)} · {detectorLabel(alert.detector)}
          </span>
          {alert.occurrences > 1 && <span className="pill pill--muted tabular">×{alert.occurrences}</span>}
          <span className="alert-card__when tabular" title={`First ${formatDateTime(alert.createdAt)}, last ${formatDateTime(alert.lastSeenAt)}`}>
            {formatAgo(alert.lastSeenAt)}
          </span>
        </div>
        <p className="alert-card__summary">{alert.summary}</p>
        <p className="alert-card__meta">
          {alert.partnerId ? (
            <a href={detailHref('partners', alert.partnerId)} data-testid="alert-partner">
              {alert.partnerName ?? alert.partnerId}
            </a>
          ) : (
            <span>No partner identified</span>
          )}
          {alert.camera && <span>Camera {alert.camera}</span>}
          {alert.ip && <span className="mono">{alert.ip}</span>}
          <span>{levelText(alert.response.level)}</span>
        </p>
        <p className="alert-card__response">{alert.response.summary}</p>
        {alert.acknowledged && (
          <p className="alert-card__ack">
            <CheckIcon size={12} /> Acknowledged by {alert.acknowledgedBy ?? 'an operator'} {alert.acknowledgedAt ? formatAgo(alert.acknowledgedAt) : ''}
          </p>
        )}
        {error && <p className="form-error">{error}</p>}
        {open && <AlertDetails alert={alert} />}
      </div>
      <div className="alert-card__actions">
        {rowBusy && <Spinner size={14} />}
        {!alert.acknowledged && (
          <button type="button" className="button button--small button--primary" onClick={() => void run(acknowledge(alert.id))} disabled={busy !== null} data-testid="acknowledge-alert">
            <CheckIcon size={14} /> Acknowledge
          </button>
        )}
        {isAdmin && alert.partnerId && (
          <>
            <button type="button" className="button button--small" onClick={() => void run(escalate(alert.id))} disabled={busy !== null || alert.response.level >= 4} title="One level up the response ladder (warning, throttle, suspend, terminate)">
              <ArrowUpIcon size={14} /> Escalate
            </button>
            <button type="button" className="button button--small" onClick={() => void run(deescalate(alert.id))} disabled={busy !== null || alert.response.level <= 0} title="One level down the response ladder">
              <ArrowDownIcon size={14} /> De-escalate
            </button>
          </>
        )}
        {isAdmin &&
          activeBlocks.map((ip) => (
            <button key={ip} type="button" className="button button--small" onClick={() => void run(liftBlock(ip))} disabled={busy !== null} title={`Let ${ip} connect again`}>
              Lift block of {ip}
            </button>
          ))}
        {isAdmin && alert.partnerId && partnerStatus !== undefined && partnerStatus !== 'active' && (
          <button type="button" className="button button--small" onClick={() => setReinstating(true)} disabled={busy !== null}>
            Reinstate partner
          </button>
        )}
        <button type="button" className="button button--ghost button--small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide evidence' : 'Evidence'}
        </button>
      </div>
      {reinstating && alert.partnerId && (
        <ConfirmDialog title="Reinstate partner?" tone="primary" confirmLabel="Reinstate partner" onConfirm={() => reinstate(alert.partnerId!)} onClose={() => setReinstating(false)}>
          <strong>{alert.partnerName ?? alert.partnerId}</strong> is {partnerStatus} now. Reinstating makes it active again and puts it back at the bottom of the
          response ladder (no warning level, no throttle); its valid tokens work again at once.
        </ConfirmDialog>
      )}
    </article>
  );
});
