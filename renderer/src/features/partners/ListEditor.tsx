import { useState } from 'react';
import { CloseIcon, PlusIcon } from '../../components/icons';
import { splitEntries } from './partnerForm';

interface ListEditorProps {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Why an entry is refused, or null when it is fine. */
  check: (value: string) => string | null;
  placeholder: string;
  disabled?: boolean;
  testId?: string;
}

/** A list of short entries (addresses, origins): type or paste one or many, each checked
 *  before it joins; remove with its ×. */
export function ListEditor({ label, values, onChange, check, placeholder, disabled = false, testId }: ListEditorProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const entries = splitEntries(draft);
    if (entries.length === 0) return;
    const refused = entries.map((e) => check(e)).find((p) => p !== null);
    if (refused) {
      setProblem(refused);
      return;
    }
    onChange([...new Set([...values, ...entries])]);
    setDraft('');
    setProblem(null);
  };

  return (
    <div className="list-editor" data-testid={testId}>
      <ul className="list-editor__items" aria-label={label}>
        {values.map((value) => (
          <li key={value} className={`list-editor__item mono${check(value) ? ' list-editor__item--bad' : ''}`} title={check(value) ?? undefined}>
            {value}
            {!disabled && (
              <button type="button" className="list-editor__remove" onClick={() => onChange(values.filter((v) => v !== value))} aria-label={`Remove ${value}`}>
                <CloseIcon size={12} />
              </button>
            )}
          </li>
        ))}
        {values.length === 0 && <li className="list-editor__empty">None</li>}
      </ul>
      {!disabled && (
        <div className="list-editor__add">
          <input
            className="field__input list-editor__input mono"
            value={draft}
            placeholder={placeholder}
            aria-label={`Add to ${label}`}
            aria-invalid={problem !== null}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              add();
            }}
          />
          <button type="button" className="button button--small" onClick={add} disabled={!draft.trim()}>
            <PlusIcon size={14} /> Add
          </button>
        </div>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
