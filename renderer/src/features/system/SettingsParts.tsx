import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import type { ActionResult, SettingsDocs, SettingsKind } from '../../store';
import { settingsSelectors, useConsoleStore } from '../../store';
import type { NumberFieldSpec } from './settingsForm';
import { Card } from './SystemCards';

/** A settings card: reads its document once shown, and shows loading and failure with a
 *  way forward; `children` gets the document once it is there. */
export function SettingsCard<K extends SettingsKind>(props: { kind: K; title: string; testId: string; wide?: boolean; children: (value: SettingsDocs[K]) => ReactNode }) {
  const doc = useConsoleStore(settingsSelectors.doc(props.kind));
  const load = useConsoleStore((s) => s.loadSettings);
  useEffect(() => void load(props.kind), [load, props.kind]);

  const retry = (
    <button type="button" className="button button--small" onClick={() => void load(props.kind)}>
      <RefreshIcon size={14} />
      Try again
    </button>
  );
  let body: ReactNode;
  if (doc.value !== null) body = props.children(doc.value as SettingsDocs[K]);
  else if (doc.load === 'error')
    body = (
      <div className="settings__failed" role="alert">
        <WarningIcon size={16} />
        <span>Could not read these settings: {doc.error}</span>
        {retry}
      </div>
    );
  else
    body = (
      <p className="system__muted" role="status">
        <Spinner size={14} /> Reading settings…
      </p>
    );
  return (
    <Card title={props.title} testId={props.testId} wide={props.wide}>
      {body}
    </Card>
  );
}

export function NumberFields(props: {
  fields: readonly NumberFieldSpec[];
  draft: Record<string, string>;
  problems: Record<string, string>;
  disabled: boolean;
  onChange: (key: string, text: string) => void;
  name: string;
}) {
  return (
    <div className="settings__fields">
      {props.fields.map((f) => (
        <label key={f.key} className="field field--compact">
          <span className="field__label">
            {f.label}
            {f.unit ? ` (${f.unit})` : ''}
          </span>
          <input
            className="field__input"
            name={`${props.name}.${f.key}`}
            inputMode="decimal"
            value={props.draft[f.key] ?? ''}
            disabled={props.disabled}
            aria-invalid={props.problems[f.key] !== undefined}
            onChange={(e) => props.onChange(f.key, e.target.value)}
          />
          {props.problems[f.key] && <span className="field__error">{props.problems[f.key]}</span>}
        </label>
      ))}
    </div>
  );
}

/** Save and undo for an admin; a notice for a viewer. Shows the core's refusal. */
export function SaveBar(props: { canEdit: boolean; dirty: boolean; valid: boolean; saving: boolean; onSave: () => Promise<ActionResult>; onUndo: () => void; label?: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // "Saved." describes the stored values; a new edit makes it stale.
  useEffect(() => {
    if (props.dirty) setMessage((m) => (m?.ok ? null : m));
  }, [props.dirty]);
  if (!props.canEdit) return <p className="form-hint">Read-only: only an admin operator can change these settings.</p>;
  const save = async () => {
    setMessage(null);
    const result = await props.onSave();
    setMessage(result.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: `Not saved: ${result.message.replace(/\.?$/, '.')} Correct it and save again, or undo your changes.` });
  };
  return (
    <div className="system__actions">
      <button type="button" className="button button--small button--primary" onClick={() => void save()} disabled={!props.dirty || !props.valid || props.saving}>
        {props.saving && <Spinner size={12} />}
        {props.label ?? 'Save'}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={props.onUndo} disabled={!props.dirty || props.saving}>
        Undo changes
      </button>
      {message && (
        <span className={message.ok ? 'system__muted' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
