import type { ReactNode } from 'react';
import { AUTH_METHODS } from '../../../../media-core/contracts/partners';
import type { PartnerType } from '../../../../media-core/contracts/partners';
import { AUTH_LABELS, PARTNER_TYPES_IN_ORDER, partnerTypeLabel } from './labels';
import type { FormErrors, PartnerForm } from './partnerForm';

export interface FieldsProps {
  form: PartnerForm;
  errors: FormErrors;
  set: <K extends keyof PartnerForm>(key: K, value: PartnerForm[K]) => void;
  disabled: boolean;
}

export function SettingsGroup({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <section className="settings-group" data-testid={testId}>
      <div className="settings-group__head">
        <h3 className="settings-group__title">{title}</h3>
        {hint && <p className="settings-group__hint">{hint}</p>}
      </div>
      <div className="settings-group__body">{children}</div>
    </section>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  disabled?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'decimal' | 'email';
  placeholder?: string;
  suffix?: string;
}) {
  return (
    <label className="field field--compact">
      <span className="field__label">{props.label}</span>
      <span className="field__with-suffix">
        <input
          className="field__input"
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={props.value}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.error !== undefined}
          disabled={props.disabled}
        />
        {props.suffix && <span className="field__suffix">{props.suffix}</span>}
      </span>
      {props.error ? <span className="field__error">{props.error}</span> : props.hint && <span className="form-hint">{props.hint}</span>}
    </label>
  );
}

export function IdentityFields({ form, errors, set, disabled }: FieldsProps) {
  return (
    <div className="settings-grid">
      <TextField label="Name" value={form.name} onChange={(v) => set('name', v)} error={errors.name} disabled={disabled} />
      <label className="field field--compact">
        <span className="field__label">Type</span>
        <select className="select settings-select" value={form.type} onChange={(e) => set('type', e.target.value as PartnerType)} disabled={disabled}>
          {PARTNER_TYPES_IN_ORDER.map((t) => (
            <option key={t} value={t}>
              {partnerTypeLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Technical contact (e-mail)"
        value={form.contactEmail}
        onChange={(v) => set('contactEmail', v)}
        error={errors.contactEmail}
        inputMode="email"
        hint="Receives the abuse monitor's warnings."
        disabled={disabled}
      />
      <label className="field field--compact settings-grid__wide">
        <span className="field__label">Notes</span>
        <textarea className="field__input settings-notes" value={form.notes} onChange={(e) => set('notes', e.target.value)} rows={3} disabled={disabled} />
      </label>
    </div>
  );
}

export function AuthFields({ form, errors, set, disabled }: FieldsProps) {
  const toggle = (method: (typeof AUTH_METHODS)[number], on: boolean) =>
    set('auth', on ? AUTH_METHODS.filter((m) => m === method || form.auth.includes(m)) : form.auth.filter((m) => m !== method));
  return (
    <div className="auth-methods" role="group" aria-label="Authentication methods">
      {AUTH_METHODS.map((method) => (
        <label key={method} className="auth-method">
          <input type="checkbox" checked={form.auth.includes(method)} onChange={(e) => toggle(method, e.target.checked)} disabled={disabled} />
          <span>
            <span className="auth-method__label">{AUTH_LABELS[method].label}</span>
            <span className="auth-method__hint">{AUTH_LABELS[method].hint}</span>
          </span>
        </label>
      ))}
      {errors.auth && <span className="field__error">{errors.auth}</span>}
    </div>
  );
}

export function LimitFields({ form, errors, set, disabled }: FieldsProps) {
  return (
    <div className="settings-grid">
      <TextField label="Max concurrent sessions" value={form.maxConnections} onChange={(v) => set('maxConnections', v)} error={errors.maxConnections} inputMode="numeric" hint="Across all of the partner's clients." disabled={disabled} />
      <TextField label="Sessions per address" value={form.connectionsPerIp} onChange={(v) => set('connectionsPerIp', v)} error={errors.connectionsPerIp} inputMode="numeric" placeholder="Default (25)" disabled={disabled} />
      <TextField label="Bandwidth cap" value={form.bandwidthMbps} onChange={(v) => set('bandwidthMbps', v)} error={errors.bandwidthMbps} inputMode="decimal" placeholder="Uncapped" suffix="Mbit/s" disabled={disabled} />
      <label className="checkbox settings-grid__check">
        <input type="checkbox" checked={form.reshare} onChange={(e) => set('reshare', e.target.checked)} disabled={disabled} />
        May reshare to its own viewers
      </label>
    </div>
  );
}

export function TokenFields({ form, errors, set, disabled }: FieldsProps) {
  return (
    <div className="settings-grid">
      <TextField label="Default token lifetime" value={form.tokenDefaultMinutes} onChange={(v) => set('tokenDefaultMinutes', v)} error={errors.tokenDefaultMinutes} inputMode="numeric" suffix="min" disabled={disabled} />
      <TextField label="Longest token lifetime" value={form.tokenMaxMinutes} onChange={(v) => set('tokenMaxMinutes', v)} error={errors.tokenMaxMinutes} inputMode="numeric" suffix="min" disabled={disabled} />
      <TextField
        label="Access ends at"
        type="datetime-local"
        value={form.validUntil}
        onChange={(v) => set('validUntil', v)}
        error={errors.validUntil}
        hint="For temporary events; empty for none."
        disabled={disabled}
      />
      <label className="checkbox settings-grid__check">
        <input type="checkbox" checked={form.autoRevoke} onChange={(e) => set('autoRevoke', e.target.checked)} disabled={disabled} />
        Revoke every token when access ends
      </label>
    </div>
  );
}
