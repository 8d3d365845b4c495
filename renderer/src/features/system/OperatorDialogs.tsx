import { useState } from 'react';
import type { FormEvent } from 'react';
import type { OperatorRole } from '../../../../media-core/contracts/api';
import { OPERATOR_PASSWORD_MAX, OPERATOR_PASSWORD_MIN, OPERATOR_USERNAME_PATTERN } from '../../../../media-core/contracts/operators';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import type { ActionResult } from '../../store';
import { useConsoleStore } from '../../store';

export function usernameProblem(username: string): string | null {
  if (username === '') return 'Choose a username.';
  return OPERATOR_USERNAME_PATTERN.test(username) ? null : 'Letters, digits, ".", "-" and "_" only, starting with a letter or digit (at most 64).';
}

export function passwordProblem(password: string): string | null {
  if (password.length < OPERATOR_PASSWORD_MIN) return `At least ${OPERATOR_PASSWORD_MIN} characters.`;
  return password.length > OPERATOR_PASSWORD_MAX ? `At most ${OPERATOR_PASSWORD_MAX} characters.` : null;
}

/** A form in a dialog that stays open with the core's reason when the change fails. */
function useSubmit(run: () => Promise<ActionResult>, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.message);
  };
  return { busy, error, submit };
}

function Footer({ form, label, busy, disabled, onCancel }: { form: string; label: string; busy: boolean; disabled: boolean; onCancel: () => void }) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={form} className="button button--primary" disabled={disabled || busy}>
        {busy && <Spinner size={14} />}
        {label}
      </button>
    </>
  );
}

export function CreateOperatorDialog({ onClose }: { onClose: () => void }) {
  const createOperator = useConsoleStore((s) => s.createOperator);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<OperatorRole>('viewer');
  const { busy, error, submit } = useSubmit(() => createOperator({ username: username.trim(), password, role }), onClose);
  const nameIssue = usernameProblem(username.trim());
  const passwordIssue = passwordProblem(password);

  return (
    <Dialog title="Add operator" description="Operators sign in to this console. Viewers see everything but change nothing." onClose={onClose} footer={<Footer form="create-operator" label="Add operator" busy={busy} disabled={nameIssue !== null || passwordIssue !== null} onCancel={onClose} />}>
      <form id="create-operator" className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">Username</span>
          <input className="field__input" name="new-username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={username !== '' && nameIssue !== null} />
          {username !== '' && nameIssue && <span className="form-hint">{nameIssue}</span>}
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input className="field__input" name="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={password !== '' && passwordIssue !== null} />
          <span className="form-hint">{passwordIssue ?? 'Give it to the operator in person; they can change it later.'}</span>
        </label>
        <label className="field">
          <span className="field__label">Role</span>
          <select className="select select--field" name="new-role" value={role} onChange={(e) => setRole(e.target.value as OperatorRole)}>
            <option value="viewer">Viewer: sees everything, changes nothing</option>
            <option value="admin">Admin: manages cameras, partners and operators</option>
          </select>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

export function ResetPasswordDialog({ username, onClose }: { username: string; onClose: () => void }) {
  const resetOperatorPassword = useConsoleStore((s) => s.resetOperatorPassword);
  const own = useConsoleStore((s) => s.operator?.username === username);
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(() => resetOperatorPassword(username, password), onClose);
  const issue = passwordProblem(password);

  return (
    <Dialog
      title={own ? 'Change your password' : `Reset password of ${username}`}
      description={own ? 'Your other sessions end; this one stays signed in.' : 'Their sessions end at once; they sign in again with the new password.'}
      onClose={onClose}
      footer={<Footer form="reset-password" label={own ? 'Change password' : 'Reset password'} busy={busy} disabled={issue !== null} onCancel={onClose} />}
    >
      <form id="reset-password" className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">New password</span>
          <input className="field__input" name="reset-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <span className="form-hint">{issue ?? 'Looks good.'}</span>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
