import { useEffect, useMemo, useState } from 'react';
import type { NotificationSettingsUpdate, NotificationSettingsView } from '../../../../media-core/contracts/alerts';
import { settingsSelectors, useConsoleStore } from '../../store';
import { emailListProblem, numberProblem, splitList, webhookUrlProblem } from './settingsForm';
import { SaveBar, SettingsCard } from './SettingsParts';
import { WebhookRows, type WebhookDraft } from './WebhookRows';

interface Draft {
  enabled: boolean;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  /** Write-only: empty keeps the stored password. */
  pass: string;
  from: string;
  recipients: string;
  webhooks: WebhookDraft[];
}

const draftOf = (v: NotificationSettingsView): Draft => ({
  enabled: v.smtp.enabled,
  host: v.smtp.host,
  port: String(v.smtp.port),
  secure: v.smtp.secure,
  user: v.smtp.user,
  pass: '',
  from: v.smtp.from,
  recipients: v.operatorEmails.join(', '),
  webhooks: v.webhooks.map((w) => ({ id: w.id, url: w.url, enabled: w.enabled, minSeverity: w.minSeverity, secret: '', secretSet: w.secretSet })),
});

function problemsOf(d: Draft): Record<string, string> {
  const p: Record<string, string> = {};
  const port = numberProblem(d.port, { min: 1, max: 65535, integer: true });
  if (port) p.port = port;
  if (d.enabled && d.host.trim() === '') p.host = 'Enter the mail server, or turn e-mail off.';
  if (d.from && emailListProblem(d.from)) p.from = 'Enter one e-mail address.';
  const recipients = emailListProblem(d.recipients);
  if (recipients) p.recipients = recipients;
  d.webhooks.forEach((w, i) => {
    const url = webhookUrlProblem(w.url);
    if (url) p[`webhook.${i}.url`] = url;
    if (!w.secretSet && w.secret.length < 16) p[`webhook.${i}.secret`] = 'A new webhook needs a secret of at least 16 characters.';
    else if (w.secret !== '' && w.secret.length < 16) p[`webhook.${i}.secret`] = 'At least 16 characters, or leave empty to keep the current one.';
  });
  return p;
}

function updateOf(d: Draft): NotificationSettingsUpdate {
  return {
    smtp: { enabled: d.enabled, host: d.host.trim(), port: Number(d.port), secure: d.secure, user: d.user, from: d.from.trim(), ...(d.pass ? { pass: d.pass } : {}) },
    operatorEmails: splitList(d.recipients),
    webhooks: d.webhooks.map((w) => ({ ...(w.id ? { id: w.id } : {}), url: w.url.trim(), enabled: w.enabled, minSeverity: w.minSeverity, ...(w.secret ? { secret: w.secret } : {}) })),
  };
}

function Text(props: { label: string; value: string; onChange: (v: string) => void; disabled: boolean; problem?: string; type?: string; placeholder?: string; name: string }) {
  return (
    <label className="field field--compact">
      <span className="field__label">{props.label}</span>
      <input
        className="field__input"
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete="off"
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={props.problem !== undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problem && <span className="field__error">{props.problem}</span>}
    </label>
  );
}

function DeliveryForm({ value }: { value: NotificationSettingsView }) {
  const canEdit = useConsoleStore(settingsSelectors.canEdit);
  const saving = useConsoleStore((s) => s.settings.notifications.saving);
  const save = useConsoleStore((s) => s.saveSettings);
  const test = useConsoleStore((s) => s.testNotifications);
  const initial = useMemo(() => draftOf(value), [value]);
  const [d, setDraft] = useState(initial);
  const [tested, setTested] = useState<string | null>(null);
  useEffect(() => setDraft(initial), [initial]);
  const set = (patch: Partial<Draft>) => setDraft((old) => ({ ...old, ...patch }));
  const problems = problemsOf(d);
  const off = !canEdit;

  const sendTest = async () => {
    setTested('Sending…');
    const r = await test();
    if (!r.ok) setTested(`Test failed: ${r.message}`);
    else if (r.value.length === 0) setTested('Nothing to send to: add recipients or a webhook and save first.');
    else setTested(r.value.map((x) => `${x.channel} ${x.target}: ${x.ok ? 'delivered' : `failed (${x.error ?? 'no reason given'})`}`).join('; '));
  };

  return (
    <>
      <h3 className="settings__group-title">E-mail (SMTP)</h3>
      <label className="settings__toggle">
        <input type="checkbox" checked={d.enabled} disabled={off} onChange={(e) => set({ enabled: e.target.checked })} />
        Send alerts by e-mail
      </label>
      <div className="settings__fields">
        <Text name="smtp.host" label="Mail server" value={d.host} disabled={off} onChange={(host) => set({ host })} problem={problems.host} placeholder="mail.example.com" />
        <Text name="smtp.port" label="Port" value={d.port} disabled={off} onChange={(port) => set({ port })} problem={problems.port} />
        <Text name="smtp.user" label="User" value={d.user} disabled={off} onChange={(user) => set({ user })} />
        <Text
          name="smtp.pass"
          label={value.smtp.passSet ? 'Password (set; type to replace)' : 'Password'}
          type="password"
          value={d.pass}
          disabled={off}
          onChange={(pass) => set({ pass })}
          placeholder={value.smtp.passSet ? '••••••••' : ''}
        />
        <Text name="smtp.from" label="From address" value={d.from} disabled={off} onChange={(from) => set({ from })} problem={problems.from} />
      </div>
      <label className="settings__toggle">
        <input type="checkbox" checked={d.secure} disabled={off} onChange={(e) => set({ secure: e.target.checked })} />
        TLS from the first byte (port 465); otherwise STARTTLS when offered
      </label>
      <Text name="operatorEmails" label="Operator recipients (comma separated)" value={d.recipients} disabled={off} onChange={(recipients) => set({ recipients })} problem={problems.recipients} />
      <h3 className="settings__group-title">Webhooks</h3>
      <WebhookRows rows={d.webhooks} disabled={off} problems={problems} onChange={(webhooks) => set({ webhooks })} />
      <SaveBar canEdit={canEdit} dirty={JSON.stringify(d) !== JSON.stringify(initial)} valid={Object.keys(problems).length === 0} saving={saving} onSave={() => save('notifications', updateOf(d))} onUndo={() => setDraft(initial)} />
      {canEdit && (
        <div className="system__actions">
          <button type="button" className="button button--small button--ghost" onClick={() => void sendTest()}>
            Send a test alert
          </button>
          {tested && (
            <span className="system__muted" role="status">
              {tested}
            </span>
          )}
        </div>
      )}
    </>
  );
}

/** Where alerts go: operators' e-mail over SMTP and signed webhooks. Admins only: the
 *  core does not show these to viewers. */
export function AlertDeliveryCard() {
  const canEdit = useConsoleStore(settingsSelectors.canEdit);
  if (!canEdit) return null;
  return (
    <SettingsCard kind="notifications" title="Alert delivery" testId="settings-notifications" wide>
      {(value) => <DeliveryForm value={value} />}
    </SettingsCard>
  );
}
