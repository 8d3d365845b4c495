import { useState } from 'react';
import { JWT_ALGORITHMS } from '../../../../media-core/contracts/partners';
import type { JwtAlgorithm, Partner } from '../../../../media-core/contracts/partners';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { partnerAccessSelectors, sessionSelectors, useConsoleStore } from '../../store';

/** Keys that verify the JWTs a partner signs itself; the key material never comes back. */
export function JwtKeysCard({ partner }: { partner: Partner }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(partnerAccessSelectors.busy) === 'jwt';
  const add = useConsoleStore((s) => s.addPartnerJwtKey);
  const remove = useConsoleStore((s) => s.removePartnerJwtKey);
  const [adding, setAdding] = useState(false);
  const [kid, setKid] = useState('');
  const [alg, setAlg] = useState<JwtAlgorithm>('RS256');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (key.trim().length < 32) return setError(alg === 'HS256' ? 'The shared secret needs at least 32 characters.' : 'Paste the public key (PEM or JWK).');
    const result = await add(partner.id, { alg, key: key.trim(), ...(kid.trim() ? { kid: kid.trim() } : {}) });
    if (!result.ok) return setError(result.message);
    setAdding(false);
    setKid('');
    setKey('');
    setError(null);
  };

  return (
    <section className="partner-card">
      <div className="partner-card__head">
        <h3 className="partner-card__title">JWT keys</h3>
        {isAdmin && !adding && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            <PlusIcon size={14} /> Add key
          </button>
        )}
      </div>
      {!partner.auth.includes('jwt') && <p className="form-hint">JWT is not among this partner's methods; keys are kept but not used.</p>}
      {partner.jwtKeys.length === 0 ? (
        <p className="partner-card__muted">No keys.</p>
      ) : (
        <ul className="key-list">
          {partner.jwtKeys.map((k) => (
            <li key={k.kid} className="key-list__item">
              <span className="mono">{k.kid}</span>
              <span className="pill">{k.alg}</span>
              <span className="mono partner-card__muted" title="SHA-256 of the key, first 16 hex digits">
                {k.fingerprint}
              </span>
              {isAdmin && (
                <button type="button" className="button button--ghost button--icon" onClick={() => void remove(partner.id, k.kid)} disabled={busy} aria-label={`Remove key ${k.kid}`}>
                  <TrashIcon size={14} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="jwt-form">
          <div className="settings-grid">
            <label className="field field--compact">
              <span className="field__label">Key id (kid, optional)</span>
              <input className="field__input mono" value={kid} onChange={(e) => setKid(e.target.value)} placeholder="newsroom-2024" />
            </label>
            <label className="field field--compact">
              <span className="field__label">Algorithm</span>
              <select className="select settings-select" value={alg} onChange={(e) => setAlg(e.target.value as JwtAlgorithm)}>
                {JWT_ALGORITHMS.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
          </div>
          <label className="field field--compact">
            <span className="field__label">{alg === 'HS256' ? 'Shared secret' : 'Public key (PEM or JWK)'}</span>
            <textarea className="field__input jwt-form__key mono" rows={4} value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} />
          </label>
          {error && <p className="form-error">{error}</p>}
          <div className="partner-actions">
            <button type="button" className="button button--small" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button type="button" className="button button--small button--primary" onClick={() => void save()} disabled={busy}>
              {busy && <Spinner size={12} />}
              Save key
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
