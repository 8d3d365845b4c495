import { useEffect, useState } from 'react';
import { isIpOrCidr } from '../../../../media-core/contracts/partner-requests';
import type { PartnerCreated, PartnerPreset, PartnerType } from '../../../../media-core/contracts/partners';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { partnerSelectors, useConsoleStore } from '../../store';
import { detailHref } from '../../app/useHashSection';
import { CameraPicker } from './CameraPicker';
import { AUTH_LABELS } from './labels';
import { ListEditor } from './ListEditor';
import { SecretDialog } from './SecretDialog';

function presetFacts(p: PartnerPreset): string {
  const s = p.settings;
  return [
    s.auth.map((m) => AUTH_LABELS[m].label).join(' + '),
    `tokens ${s.tokenDefaultMinutes} min (max ${s.tokenMaxMinutes})`,
    s.bandwidthMbps ? `${s.bandwidthMbps} Mbit/s cap` : 'no bandwidth cap',
    `${s.maxConnections} sessions`,
    s.autoRevoke ? 'revoked when the event ends' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A new partner from one of the spec's presets: the preset fills in authentication,
 *  token lifetimes and limits; everything can be changed afterwards. */
export function CreatePartnerDialog({ onClose }: { onClose: () => void }) {
  const presets = useConsoleStore(partnerSelectors.presets);
  const busy = useConsoleStore(partnerSelectors.busy) === '';
  const loadPresets = useConsoleStore((s) => s.loadPartnerPresets);
  const createPartner = useConsoleStore((s) => s.createPartner);
  const [type, setType] = useState<PartnerType>('news_media');
  const [name, setName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [cameras, setCameras] = useState<string[]>([]);
  const [ipAllowList, setIpAllowList] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<PartnerCreated | null>(null);

  useEffect(() => {
    void loadPresets();
  }, [loadPresets]);

  const preset = presets.find((p) => p.type === type);
  const needsAddresses = preset?.settings.auth.includes('ip') ?? false;

  const create = async () => {
    if (!preset) return;
    if (!name.trim()) return setError('Give the partner a name.');
    setError(null);
    const result = await createPartner({
      name: name.trim(),
      type,
      cameras,
      auth: preset.settings.auth,
      ...(contactEmail.trim() ? { contactEmail: contactEmail.trim() } : {}),
      ...(needsAddresses ? { ipAllowList } : {}),
    });
    if (result.ok) setCreated(result.value);
    else setError(result.message);
  };

  if (created) {
    const open = () => {
      window.location.hash = detailHref('partners', created.partner.id);
      onClose();
    };
    return (
      <SecretDialog
        title={`${created.partner.name} is ready`}
        onClose={open}
        secrets={[
          { label: 'API user', value: created.credentials.apiuser, testId: 'created-apiuser', plain: true },
          { label: 'API password', value: created.credentials.apipass, testId: 'created-apipass' },
        ]}
      >
        <p className="dialog__text">
          With these the partner makes its own OTP tokens through the OTP API. Issue a test token and get stream URLs under <strong>Access and tokens</strong>.
        </p>
      </SecretDialog>
    );
  }

  return (
    <Dialog
      title="New partner"
      description="Start from the settings the spec recommends for the kind of partner; change anything later."
      onClose={onClose}
      wide
      testId="create-partner"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={() => void create()} disabled={busy || !preset} data-testid="create-partner-submit">
            {busy && <Spinner size={14} />}
            Create partner
          </button>
        </>
      }
    >
      <div className="presets" role="radiogroup" aria-label="Preset">
        {presets.length === 0 && (
          <p className="partner-card__muted">
            <Spinner size={14} /> Reading presets…
          </p>
        )}
        {presets.map((p) => (
          <label key={p.type} className={`preset${p.type === type ? ' preset--on' : ''}`} data-testid="preset">
            <input type="radio" name="preset" checked={p.type === type} onChange={() => setType(p.type)} />
            <span className="preset__label">{p.label}</span>
            <span className="preset__why">{p.why}</span>
            <span className="preset__facts">{presetFacts(p)}</span>
          </label>
        ))}
      </div>
      <div className="settings-grid">
        <label className="field field--compact">
          <span className="field__label">Name</span>
          <input className="field__input" value={name} onChange={(e) => setName(e.target.value)} placeholder="City Herald news desk" data-autofocus />
        </label>
        <label className="field field--compact">
          <span className="field__label">Technical contact (e-mail, optional)</span>
          <input className="field__input" value={contactEmail} inputMode="email" onChange={(e) => setContactEmail(e.target.value)} placeholder="streams@herald.example" />
        </label>
      </div>
      <div className="settings-subfield">
        <span className="field__label">Cameras granted</span>
        <CameraPicker selected={cameras} onChange={setCameras} />
      </div>
      {needsAddresses && (
        <div className="settings-subfield">
          <span className="field__label">Addresses allowed without a token</span>
          <ListEditor
            label="IP allow-list"
            values={ipAllowList}
            onChange={setIpAllowList}
            check={(v) => (isIpOrCidr(v) ? null : `“${v}” is not an IPv4/IPv6 address or CIDR.`)}
            placeholder="198.51.100.10 or 2001:db8::/48"
          />
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
