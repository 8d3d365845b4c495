import { useEffect, useMemo, useState } from 'react';
import type { ListenerSettings, ListenerSettingsUpdate, ListenerSettingsView } from '../../../../media-core/contracts/listener-settings';
import { settingsSelectors, useConsoleStore } from '../../store';
import { changedNumbers, draftOf, draftProblems, type NumberFieldSpec } from './settingsForm';
import { NumberFields, SaveBar, SettingsCard } from './SettingsParts';

const PORT_FIELDS: NumberFieldSpec[] = [
  { key: 'httpPort', label: 'Partner HTTP (HLS, OTP API)', min: 0, max: 65535, integer: true },
  { key: 'rtspPort', label: 'Partner RTSP', min: 0, max: 65535, integer: true },
  { key: 'rtmpPort', label: 'Partner RTMP', min: 0, max: 65535, integer: true },
  { key: 'srtPort', label: 'Partner SRT', min: 0, max: 65535, integer: true },
  { key: 'consolePort', label: 'Operator console', min: 0, max: 65535, integer: true },
];

const TEXT_FIELDS: { key: 'bind' | 'consoleBind' | 'tlsCert' | 'tlsKey'; label: string; placeholder: string }[] = [
  { key: 'bind', label: 'Partner listeners address', placeholder: '0.0.0.0' },
  { key: 'consoleBind', label: 'Console address', placeholder: '127.0.0.1' },
  { key: 'tlsCert', label: 'TLS certificate (PEM file on the appliance)', placeholder: 'none: plain HTTP' },
  { key: 'tlsKey', label: 'TLS key (PEM file on the appliance)', placeholder: 'none' },
];

function ListenersForm({ view }: { view: ListenerSettingsView }) {
  const canEdit = useConsoleStore(settingsSelectors.canEdit);
  const saving = useConsoleStore((s) => s.settings.listeners.saving);
  const save = useConsoleStore((s) => s.saveSettings);
  const stored = view.next as unknown as Record<string, unknown>;
  const initialPorts = useMemo(() => draftOf(stored, PORT_FIELDS), [stored]);
  const initialText = useMemo(() => Object.fromEntries(TEXT_FIELDS.map((f) => [f.key, String(stored[f.key] ?? '')])), [stored]);
  const [ports, setPorts] = useState(initialPorts);
  const [text, setText] = useState(initialText);
  useEffect(() => setPorts(initialPorts), [initialPorts]);
  useEffect(() => setText(initialText), [initialText]);

  const problems = draftProblems(ports, PORT_FIELDS);
  const valid = Object.keys(problems).length === 0 && (text.tlsCert === '') === (text.tlsKey === '');
  const dirty = JSON.stringify(ports) !== JSON.stringify(initialPorts) || JSON.stringify(text) !== JSON.stringify(initialText);
  const send = () => {
    const change: ListenerSettingsUpdate = { ...(changedNumbers(stored, ports, PORT_FIELDS) as Partial<ListenerSettings>) };
    for (const f of TEXT_FIELDS) if (text[f.key] !== initialText[f.key]) change[f.key] = text[f.key] === '' ? null : text[f.key]!;
    return save('listeners', change);
  };

  return (
    <>
      <p className="form-hint settings__hint">
        Saved to {view.file} and used at the next start of the appliance (0 = any free port). Flags and environment variables given at start win.
      </p>
      {view.restartRequired && (
        <p className="settings__hint" role="status" data-testid="listeners-restart-required">
          Saved settings differ from the running ones: restart the appliance to apply them.
        </p>
      )}
      <NumberFields name="listeners" fields={PORT_FIELDS} draft={ports} problems={problems} disabled={!canEdit} onChange={(k, v) => setPorts((d) => ({ ...d, [k]: v }))} />
      <div className="settings__fields">
        {TEXT_FIELDS.map((f) => (
          <label key={f.key} className="field field--compact">
            <span className="field__label">{f.label}</span>
            <input
              className="field__input"
              name={`listeners.${f.key}`}
              value={text[f.key] ?? ''}
              placeholder={f.placeholder}
              disabled={!canEdit}
              onChange={(e) => setText((d) => ({ ...d, [f.key]: e.target.value.trim() }))}
            />
          </label>
        ))}
      </div>
      {(text.tlsCert === '') !== (text.tlsKey === '') && <span className="field__error">Give both the TLS certificate and its key, or neither.</span>}
      <SaveBar canEdit={canEdit} dirty={dirty} valid={valid} saving={saving} onSave={send} onUndo={() => (setPorts(initialPorts), setText(initialText))} />
    </>
  );
}

/** Listener ports, addresses and the partner listener's TLS files: start-up settings. */
export function ListenerSettingsCard() {
  return (
    <SettingsCard kind="listeners" title="Listeners and TLS" testId="settings-listeners">
      {(view) => <ListenersForm view={view} />}
    </SettingsCard>
  );
}
