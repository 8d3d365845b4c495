import { useEffect, useMemo, useState } from 'react';
import { isIpOrCidr } from '../../../../media-core/contracts/partner-requests';
import type { Partner } from '../../../../media-core/contracts/partners';
import { LockIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { partnerSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { AccessHoursEditor } from './AccessHoursEditor';
import { CameraPicker } from './CameraPicker';
import { ListEditor } from './ListEditor';
import { formFromPartner, isOrigin, patchFromForm, validatePartnerForm } from './partnerForm';
import type { PartnerForm } from './partnerForm';
import { AuthFields, IdentityFields, LimitFields, SettingsGroup, TokenFields } from './SettingsFields';

/** Everything the partner model holds, edited in one form and saved as one change. */
export function PartnerSettings({ partner }: { partner: Partner }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(partnerSelectors.busy) === partner.id;
  const updatePartner = useConsoleStore((s) => s.updatePartner);
  const [form, setForm] = useState<PartnerForm>(() => formFromPartner(partner));
  const [showErrors, setShowErrors] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const patch = useMemo(() => patchFromForm(form, partner), [form, partner]);
  const dirty = Object.keys(patch).length > 0;
  const errors = validatePartnerForm(form);
  const valid = Object.keys(errors).length === 0;
  const disabled = !isAdmin || busy;

  // A change saved elsewhere (another operator, the abuse monitor) shows when nothing is being edited.
  useEffect(() => {
    // Keyed on updatedAt only: the form's own edits must not reset it.
    if (!dirty) setForm(formFromPartner(partner));
  }, [partner.updatedAt]);

  const set = <K extends keyof PartnerForm>(key: K, value: PartnerForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setOutcome(null);
  };

  const save = async () => {
    setShowErrors(true);
    if (!valid || !dirty) return;
    const result = await updatePartner(partner.id, patch);
    setOutcome(result.ok ? { ok: true, message: 'Saved. Running sessions follow the new settings at once.' } : { ok: false, message: result.message });
    if (result.ok) setShowErrors(false);
  };

  const shown = showErrors ? errors : {};
  const props = { form, errors: shown, set, disabled };

  return (
    <form
      className="partner-settings"
      data-testid="partner-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {!isAdmin && (
        <p className="system__notice">
          <LockIcon size={14} /> You are signed in as a viewer: you can see these settings, but only admins change them.
        </p>
      )}
      <SettingsGroup title="Partner" hint="Who they are and whom to tell when something is wrong.">
        <IdentityFields {...props} />
      </SettingsGroup>
      <SettingsGroup title="Cameras" hint="The partner sees only the cameras granted here." testId="settings-cameras">
        <CameraPicker selected={form.cameras} onChange={(cameras) => set('cameras', cameras)} disabled={disabled} />
      </SettingsGroup>
      <SettingsGroup title="Authentication" hint="How the partner proves who it is. Several may be on for redundancy.">
        <AuthFields {...props} />
        <div className="settings-subfield">
          <span className="field__label">IP allow-list {form.auth.includes('ip') ? '' : '(used when “IP allow-list” is on)'}</span>
          <ListEditor
            label="IP allow-list"
            values={form.ipAllowList}
            onChange={(v) => set('ipAllowList', v)}
            check={(v) => (isIpOrCidr(v) ? null : `“${v}” is not an IPv4/IPv6 address or CIDR (e.g. 203.0.113.0/24, 2001:db8::/48).`)}
            placeholder="203.0.113.0/24 or 2001:db8::/48"
            disabled={disabled}
            testId="ip-allow-list"
          />
          {shown.ipAllowList && <span className="field__error">{shown.ipAllowList}</span>}
          {form.auth.includes('ip') && form.ipAllowList.length === 0 && <span className="form-hint">No address may watch without a token until one is added.</span>}
        </div>
        <div className="settings-subfield">
          <span className="field__label">Web origins allowed to play (CORS)</span>
          <ListEditor
            label="Allowed origins"
            values={form.allowedOrigins}
            onChange={(v) => set('allowedOrigins', v)}
            check={(v) => (isOrigin(v) ? null : `“${v}” is not an origin such as https://news.example.org.`)}
            placeholder="https://news.example.org"
            disabled={disabled}
          />
        </div>
      </SettingsGroup>
      <SettingsGroup title="Limits" hint="Enforced on every protocol; a partner over its limits is refused, not queued.">
        <LimitFields {...props} />
      </SettingsGroup>
      <SettingsGroup title="Access hours" hint="Outside these hours the partner is refused and its sessions end.">
        <AccessHoursEditor value={form.accessHours} onChange={(v) => set('accessHours', v)} error={shown.accessHours} windowsError={shown.windows} disabled={disabled} />
      </SettingsGroup>
      <SettingsGroup title="Tokens" hint="Lifetimes of the OTP tokens the partner (or you) make.">
        <TokenFields {...props} />
      </SettingsGroup>
      {isAdmin && (
        <div className="partner-settings__footer">
          {outcome && (
            <span className={outcome.ok ? 'partner-settings__saved' : 'form-error'} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.message}
            </span>
          )}
          {showErrors && !valid && <span className="form-error">Some fields need attention (marked above).</span>}
          <button type="button" className="button" onClick={() => setForm(formFromPartner(partner))} disabled={!dirty || busy}>
            Discard changes
          </button>
          <button type="submit" className="button button--primary" disabled={!dirty || busy} data-testid="save-partner">
            {busy && <Spinner size={14} />}
            Save changes
          </button>
        </div>
      )}
    </form>
  );
}
