import { useEffect, useState } from 'react';
import type { OperatorRole } from '../../../../media-core/contracts/api';
import type { OperatorAccount } from '../../../../media-core/contracts/operators';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { KeyIcon, LockIcon, PlusIcon, RefreshIcon, TrashIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { operatorSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { CreateOperatorDialog, ResetPasswordDialog } from './OperatorDialogs';
import { Card } from './SystemCards';

type Dialog = { kind: 'create' } | { kind: 'reset'; username: string } | { kind: 'delete'; username: string } | null;

const ADMIN_ONLY = 'Only admins manage operator accounts';

/** Operator accounts: admins add, change roles, reset passwords and delete; viewers see
 *  the list with every action disabled (the core refuses them anyway). */
export function OperatorsCard() {
  const accounts = useConsoleStore(operatorSelectors.all);
  const loadState = useConsoleStore(operatorSelectors.loadState);
  const error = useConsoleStore(operatorSelectors.error);
  const busy = useConsoleStore(operatorSelectors.busy);
  const admins = useConsoleStore(operatorSelectors.activeAdminCount);
  const me = useConsoleStore(sessionSelectors.operatorName);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const loadOperators = useConsoleStore((s) => s.loadOperators);
  const setOperatorRole = useConsoleStore((s) => s.setOperatorRole);
  const deleteOperator = useConsoleStore((s) => s.deleteOperator);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  useEffect(() => {
    void loadOperators();
  }, [loadOperators]);

  const changeRole = async (username: string, role: OperatorRole) => {
    setRowError(null);
    const result = await setOperatorRole(username, role);
    if (!result.ok) setRowError(result.message);
  };

  /** Why this row's destructive actions are off, or null when they are allowed. */
  const lockedBecause = (account: OperatorAccount): string | null => {
    if (!isAdmin) return ADMIN_ONLY;
    if (account.username === me) return 'You cannot change your own account here; ask another admin';
    if (account.role === 'admin' && admins <= 1) return 'The last admin stays; make another operator admin first';
    return null;
  };

  const addButton = (
    <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'create' })} disabled={!isAdmin} title={isAdmin ? undefined : ADMIN_ONLY}>
      <PlusIcon size={14} />
      Add operator
    </button>
  );

  return (
    <Card title="Operator accounts" wide action={addButton} testId="system-operators">
      {!isAdmin && (
        <p className="system__notice" data-testid="read-only-notice">
          <LockIcon size={14} /> You are signed in as a viewer: you can see everything, but only admins change it.
        </p>
      )}
      {(error || rowError) && (
        <p className="form-error" role="alert">
          {rowError ?? error}{' '}
          {error && (
            <button type="button" className="button button--ghost button--small" onClick={() => void loadOperators()}>
              <RefreshIcon size={12} /> Retry
            </button>
          )}
        </p>
      )}
      {loadState === 'loading' && accounts.length === 0 ? (
        <p className="system__muted">
          <Spinner size={14} /> Reading operator accounts…
        </p>
      ) : (
        <table className="system__table">
          <thead>
            <tr>
              <th scope="col">Operator</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const locked = lockedBecause(account);
              const rowBusy = busy === account.username;
              return (
                <tr key={account.username} data-testid="operator-row" data-username={account.username}>
                  <td className="system__operator">
                    {account.username}
                    {account.username === me && <span className="system__you">you</span>}
                  </td>
                  <td>
                    <select
                      className="select"
                      aria-label={`Role of ${account.username}`}
                      value={account.role}
                      disabled={locked !== null || rowBusy}
                      title={locked ?? undefined}
                      onChange={(event) => void changeRole(account.username, event.target.value as OperatorRole)}
                    >
                      <option value="admin">Admin</option>
                      <option value="viewer">Viewer</option>
                    </select>
                  </td>
                  <td className="system__muted tabular">{account.createdAt.slice(0, 10)}</td>
                  <td>
                    <div className="system__row-actions">
                      {rowBusy && <Spinner size={14} />}
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        onClick={() => setDialog({ kind: 'reset', username: account.username })}
                        disabled={!isAdmin && account.username !== me}
                        title={isAdmin || account.username === me ? undefined : ADMIN_ONLY}
                      >
                        <KeyIcon size={14} />
                        {account.username === me ? 'Change password' : 'Reset password'}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        onClick={() => setDialog({ kind: 'delete', username: account.username })}
                        disabled={locked !== null}
                        title={locked ?? `Delete ${account.username}`}
                        aria-label={`Delete ${account.username}`}
                      >
                        <TrashIcon size={14} />
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'create' && <CreateOperatorDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog username={dialog.username} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog title="Delete operator?" confirmLabel="Delete operator" onConfirm={() => deleteOperator(dialog.username)} onClose={() => setDialog(null)}>
          <strong>{dialog.username}</strong> is signed out at once and cannot sign in again. Their personal wall layouts are deleted with
          the account.
        </ConfirmDialog>
      )}
    </Card>
  );
}
