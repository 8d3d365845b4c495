import { useState } from 'react';
import type { ComponentProps } from 'react';
import type { Partner } from '../../../../media-core/contracts/partners';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { KeyIcon } from '../../components/icons';
import { partnerAccessSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { JwtKeysCard } from './JwtKeysCard';
import { SecretDialog } from './SecretDialog';
import { TestTokenPanel } from './TestTokenPanel';
import { TokensCard } from './TokensCard';

type Secret = { title: string; secrets: ComponentProps<typeof SecretDialog>['secrets'] } | null;

/** Credentials, keys and tokens: what the partner proves itself with. */
export function PartnerAccessTab({ partner }: { partner: Partner }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(partnerAccessSelectors.busy);
  const rotateCredentials = useConsoleStore((s) => s.rotatePartnerCredentials);
  const rotateSrt = useConsoleStore((s) => s.rotatePartnerSrtKey);
  const [asked, setAsked] = useState<'credentials' | 'srt' | null>(null);
  const [secret, setSecret] = useState<Secret>(null);

  return (
    <div className="partner-grid">
      <section className="partner-card partner-card--wide">
        <div className="partner-card__head">
          <h3 className="partner-card__title">Test token and stream URLs</h3>
        </div>
        <TestTokenPanel partner={partner} />
      </section>
      <TokensCard partner={partner} />
      <section className="partner-card">
        <div className="partner-card__head">
          <h3 className="partner-card__title">OTP API credentials</h3>
        </div>
        <p className="partner-card__facts">
          User <span className="mono">{partner.apiUser ?? '—'}</span> · password stored hashed
        </p>
        <p className="form-hint">The partner's systems make and extend their own tokens with these at /otp/api/.</p>
        {isAdmin && (
          <button type="button" className="button button--small" onClick={() => setAsked('credentials')} disabled={busy !== null} data-testid="rotate-credentials">
            <KeyIcon size={14} /> Rotate credentials
          </button>
        )}
      </section>
      <section className="partner-card">
        <div className="partner-card__head">
          <h3 className="partner-card__title">SRT key</h3>
        </div>
        <p className="partner-card__facts">{partner.srtKeySet ? 'A key is set (stored hashed).' : 'No key yet.'}</p>
        {!partner.auth.includes('srt_key') && <p className="form-hint">SRT key is not among this partner's methods.</p>}
        {isAdmin && (
          <button type="button" className="button button--small" onClick={() => setAsked('srt')} disabled={busy !== null}>
            <KeyIcon size={14} /> {partner.srtKeySet ? 'Replace key' : 'Make key'}
          </button>
        )}
      </section>
      <JwtKeysCard partner={partner} />

      {asked === 'credentials' && (
        <ConfirmDialog
          title="Rotate API credentials?"
          confirmLabel="Rotate credentials"
          onConfirm={async () => {
            const r = await rotateCredentials(partner.id);
            if (r.ok) setSecret({ title: 'New OTP API credentials', secrets: [{ label: 'API user', value: r.value.apiuser, plain: true }, { label: 'API password', value: r.value.apipass, testId: 'rotated-apipass' }] });
            return r;
          }}
          onClose={() => setAsked(null)}
        >
          <strong>{partner.name}</strong>'s systems can no longer make or extend tokens with the current password until they get the new one. Tokens already made keep
          working; revoke them separately if the password leaked.
        </ConfirmDialog>
      )}
      {asked === 'srt' && (
        <ConfirmDialog
          title={partner.srtKeySet ? 'Replace the SRT key?' : 'Make an SRT key?'}
          tone={partner.srtKeySet ? 'danger' : 'primary'}
          confirmLabel={partner.srtKeySet ? 'Replace key' : 'Make key'}
          onConfirm={async () => {
            const r = await rotateSrt(partner.id);
            if (r.ok) setSecret({ title: 'New SRT key', secrets: [{ label: 'SRT passphrase', value: r.value }] });
            return r;
          }}
          onClose={() => setAsked(null)}
        >
          {partner.srtKeySet ? 'Decoders using the current key are refused from their next connection.' : 'The key is shown once; the partner enters it as the SRT passphrase.'}
        </ConfirmDialog>
      )}
      {secret && <SecretDialog title={secret.title} secrets={secret.secrets} onClose={() => setSecret(null)} />}
    </div>
  );
}
