import type { ReactNode } from 'react';
import { CopyField } from '../../components/CopyField';
import { Dialog } from '../../components/Dialog';
import { WarningIcon } from '../../components/icons';

interface SecretDialogProps {
  title: string;
  /** Label and value of each secret. */
  /** `plain`: shown with the secrets but not one itself (a user name). */
  secrets: { label: string; value: string; testId?: string; plain?: boolean }[];
  children?: ReactNode;
  onClose: () => void;
}

/** Secrets the core keeps only hashed: shown this once, to copy now. */
export function SecretDialog({ title, secrets, children, onClose }: SecretDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="secret-dialog"
      footer={
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
          I have copied it
        </button>
      }
    >
      <p className="secret-warning">
        <WarningIcon size={16} /> Shown only now: the router stores it hashed and cannot show it again. Copy it and hand it to the partner over a safe channel.
      </p>
      {secrets.map((s) => (
        <CopyField key={s.label} label={s.label} value={s.value} secret={!s.plain} testId={s.testId} />
      ))}
      {children}
    </Dialog>
  );
}
