import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from './icons';

interface CopyFieldProps {
  label: string;
  value: string;
  /** A secret shown once: monospace and flagged so. */
  secret?: boolean;
  testId?: string;
}

/** A value to hand to someone else: read-only, selected on focus, one click to copy. */
export function CopyField({ label, value, secret = false, testId }: CopyFieldProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // Clipboard access needs a secure context or permission; the text stays selectable.
      setCopied('failed');
    }
  };

  return (
    <label className={`copy-field${secret ? ' copy-field--secret' : ''}`}>
      <span className="copy-field__label">{label}</span>
      <span className="copy-field__row">
        <input className="copy-field__input mono" readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid={testId} spellCheck={false} />
        <button type="button" className="button button--small" onClick={() => void copy()} aria-label={`Copy ${label}`}>
          {copied === 'yes' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
        </button>
      </span>
    </label>
  );
}
