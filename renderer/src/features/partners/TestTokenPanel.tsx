import { useState } from 'react';
import type { Partner, TokenCreated } from '../../../../media-core/contracts/partners';
import { CopyField } from '../../components/CopyField';
import { formatDateTime } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { partnerAccessSelectors, sessionSelectors, systemSelectors, useConsoleStore } from '../../store';
import { streamUrls } from './streamUrls';

/** Issues an OTP token from the console and shows ready-to-copy stream URLs for every
 *  protocol the partner may use, on the addresses partners dial. */
export function TestTokenPanel({ partner }: { partner: Partner }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const system = useConsoleStore(systemSelectors.info);
  const busy = useConsoleStore(partnerAccessSelectors.busy) === 'issue';
  const issue = useConsoleStore((s) => s.issuePartnerToken);
  const [camera, setCamera] = useState(partner.cameras[0] ?? '');
  const [minutes, setMinutes] = useState(String(partner.tokenDefaultMinutes));
  const [made, setMade] = useState<TokenCreated | null>(null);
  const [error, setError] = useState<string | null>(null);

  const cam = partner.cameras.includes(camera) ? camera : (partner.cameras[0] ?? '');
  const common = { listeners: system?.listeners ?? {}, consoleHost: window.location.hostname, camera: cam, auth: partner.auth, partnerTls: system?.partnerTls === true };
  const tokenUrls = made ? streamUrls({ ...common, token: made.token }) : [];
  const addressUrls = streamUrls({ ...common, token: null });

  const run = async () => {
    setError(null);
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > partner.tokenMaxMinutes) return setError(`Minutes from 1 to ${partner.tokenMaxMinutes} (the partner's longest token).`);
    const result = await issue(partner.id, { minutes: n, cameras: [cam] });
    if (result.ok) setMade(result.value);
    else setError(result.message);
  };

  if (partner.cameras.length === 0) {
    return <p className="partner-card__muted">Grant the partner a camera under Settings first: stream URLs name a camera.</p>;
  }

  return (
    <div className="test-token" data-testid="test-token">
      <div className="test-token__form">
        <label className="field field--compact">
          <span className="field__label">Camera</span>
          <select className="select settings-select" value={cam} onChange={(e) => setCamera(e.target.value)} aria-label="Camera for the stream URLs">
            {partner.cameras.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        {partner.auth.includes('otp') && (
          <>
            <label className="field field--compact test-token__minutes">
              <span className="field__label">Valid for (minutes)</span>
              <input className="field__input" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
            </label>
            <button type="button" className="button button--primary" onClick={() => void run()} disabled={!isAdmin || busy} title={isAdmin ? undefined : 'Only admins issue tokens'} data-testid="issue-test-token">
              {busy && <Spinner size={14} />}
              Issue test token
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {made && system === null && <p className="partner-card__muted">Reading the listeners' addresses for the stream URLs…</p>}
      {made && (
        <div className="test-token__result" data-testid="test-token-result">
          <CopyField label={`Token (shown once; expires ${formatDateTime(made.info.expiresAt)}; for ${made.info.cameras?.join(', ') ?? 'every granted camera'})`} value={made.token} secret testId="test-token-value" />
          {tokenUrls.map((u) => (
            <div key={u.protocol} className="stream-url" data-protocol={u.protocol}>
              <CopyField label={u.label} value={u.url} testId={`stream-url-${u.protocol}`} />
              <span className="form-hint">{u.hint}</span>
            </div>
          ))}
        </div>
      )}
      {addressUrls.length > 0 && (
        <div className="test-token__result">
          <p className="field__label">From an allow-listed address, no token needed</p>
          {addressUrls.map((u) => (
            <div key={u.protocol} className="stream-url" data-protocol={u.protocol}>
              <CopyField label={u.label} value={u.url} />
              <span className="form-hint">{u.hint}</span>
            </div>
          ))}
        </div>
      )}
      {!partner.auth.includes('otp') && addressUrls.length === 0 && (
        <p className="partner-card__muted">This partner uses neither tokens nor an allow-list; its players sign their own JWTs or use the SRT key.</p>
      )}
    </div>
  );
}
