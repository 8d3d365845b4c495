import type { AlertSeverity } from '../../../../media-core/contracts/alerts';

export interface WebhookDraft {
  id?: string;
  url: string;
  enabled: boolean;
  minSeverity: AlertSeverity;
  /** Write-only: empty keeps the stored secret. */
  secret: string;
  secretSet: boolean;
}

const SEVERITIES: AlertSeverity[] = ['info', 'warning', 'high', 'critical'];

/** The webhook list: address, secret (never shown back), lowest severity sent. */
export function WebhookRows({ rows, disabled, problems, onChange }: { rows: WebhookDraft[]; disabled: boolean; problems: Record<string, string>; onChange: (rows: WebhookDraft[]) => void }) {
  const edit = (i: number, patch: Partial<WebhookDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="settings__webhooks">
      {rows.length === 0 && <p className="system__muted">No webhooks.</p>}
      {rows.map((r, i) => (
        <div key={r.id ?? `new-${i}`} className="settings__webhook" data-testid="webhook-row">
          <label className="field field--compact settings__grow">
            <span className="field__label">Webhook address</span>
            <input className="field__input" name={`webhook.${i}.url`} value={r.url} disabled={disabled} aria-invalid={problems[`webhook.${i}.url`] !== undefined} onChange={(e) => edit(i, { url: e.target.value })} />
            {problems[`webhook.${i}.url`] && <span className="field__error">{problems[`webhook.${i}.url`]}</span>}
          </label>
          <label className="field field--compact">
            <span className="field__label">{r.secretSet ? 'Secret (set; type to replace)' : 'Signing secret'}</span>
            <input className="field__input" name={`webhook.${i}.secret`} type="password" autoComplete="new-password" value={r.secret} disabled={disabled} onChange={(e) => edit(i, { secret: e.target.value })} />
            {problems[`webhook.${i}.secret`] && <span className="field__error">{problems[`webhook.${i}.secret`]}</span>}
          </label>
          <label className="field field--compact">
            <span className="field__label">From severity</span>
            <select className="select select--field" value={r.minSeverity} disabled={disabled} onChange={(e) => edit(i, { minSeverity: e.target.value as AlertSeverity })}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="settings__toggle">
            <input type="checkbox" checked={r.enabled} disabled={disabled} onChange={(e) => edit(i, { enabled: e.target.checked })} />
            On
          </label>
          <button type="button" className="button button--small button--ghost" disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove webhook ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" disabled={disabled || rows.length >= 20} onClick={() => onChange([...rows, { url: '', enabled: true, minSeverity: 'warning', secret: '', secretSet: false }])}>
        Add webhook
      </button>
    </div>
  );
}
