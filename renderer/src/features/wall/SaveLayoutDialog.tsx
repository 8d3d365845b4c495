import { useState } from 'react';
import type { FormEvent } from 'react';
import { LAYOUT_NAME_MAX } from '../../../../media-core/contracts/layouts';
import type { LayoutScope } from '../../../../media-core/contracts/layouts';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { layoutSelectors, sessionSelectors, useConsoleStore, wallSelectors } from '../../store';
import { nameProblem } from './names';

/** Saves the wall as it is now (grid, tile order, camera group) under a name. */
export function SaveLayoutDialog({ onClose }: { onClose: () => void }) {
  const active = useConsoleStore(wallSelectors.activeLayout);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const layouts = useConsoleStore(layoutSelectors.all);
  const busy = useConsoleStore(layoutSelectors.busy);
  const saveLayout = useConsoleStore((s) => s.saveLayout);
  const [name, setName] = useState(active?.name ?? '');
  const [shared, setShared] = useState(active?.scope === 'shared' && isAdmin);
  const [error, setError] = useState<string | null>(null);

  const scope: LayoutScope = shared ? 'shared' : 'personal';
  const trimmed = name.trim();
  const replaces = layouts.some((l) => l.name === trimmed && l.scope === scope);
  const problem = nameProblem(name, 'layout', LAYOUT_NAME_MAX);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null || busy) return;
    setError(null);
    const result = await saveLayout(trimmed, scope);
    if (result.ok) onClose();
    else setError(result.message);
  };

  return (
    <Dialog
      title="Save layout"
      description="Saves the grid, the order of the tiles and the camera group shown."
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="save-layout" className="button button--primary" disabled={problem !== null || busy}>
            {busy && <Spinner size={14} />}
            {replaces ? 'Replace layout' : 'Save layout'}
          </button>
        </>
      }
    >
      <form id="save-layout" className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">Name</span>
          <input className="field__input" name="layout-name" value={name} maxLength={LAYOUT_NAME_MAX} onChange={(e) => setName(e.target.value)} placeholder="Night shift" />
        </label>
        <label className={`checkbox${isAdmin ? '' : ' checkbox--disabled'}`}>
          <input type="checkbox" checked={shared} disabled={!isAdmin} onChange={(e) => setShared(e.target.checked)} />
          Share with every operator
        </label>
        <p className="form-hint">
          {isAdmin
            ? shared
              ? 'Every operator sees this layout; only admins change it.'
              : 'Only you see this layout.'
            : 'Only you see this layout. Admins can save shared layouts.'}
        </p>
        {replaces && trimmed !== '' && (
          <p className="form-hint" role="status">
            Replaces the {scope === 'shared' ? 'shared' : 'saved'} layout “{trimmed}”.
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
