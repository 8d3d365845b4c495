import { useState } from 'react';
import type { LayoutScope } from '../../../../media-core/contracts/layouts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SaveIcon, TrashIcon } from '../../components/icons';
import { layoutSelectors, sessionSelectors, useConsoleStore, wallSelectors } from '../../store';
import { SaveLayoutDialog } from './SaveLayoutDialog';

const optionValue = (scope: LayoutScope, name: string) => `${scope}:${name}`;

function parseOption(value: string): { scope: LayoutScope; name: string } | null {
  const colon = value.indexOf(':');
  if (colon === -1) return null;
  const scope = value.slice(0, colon);
  return scope === 'shared' || scope === 'personal' ? { scope, name: value.slice(colon + 1) } : null;
}

/** Named layouts: pick one to show it, save the wall as one, delete one. */
export function LayoutMenu() {
  const layouts = useConsoleStore(layoutSelectors.all);
  const loadState = useConsoleStore(layoutSelectors.loadState);
  const error = useConsoleStore(layoutSelectors.error);
  const active = useConsoleStore(wallSelectors.activeLayout);
  const modified = useConsoleStore(wallSelectors.modified);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const applyLayout = useConsoleStore((s) => s.applyLayout);
  const deleteLayout = useConsoleStore((s) => s.deleteLayout);
  const [dialog, setDialog] = useState<'save' | 'delete' | null>(null);

  const shared = layouts.filter((l) => l.scope === 'shared');
  const personal = layouts.filter((l) => l.scope === 'personal');
  const canDelete = active !== null && (active.scope === 'personal' || isAdmin);

  return (
    <div className="toolbar-group">
      <select
        className="select select--layout"
        aria-label="Saved layout"
        value={active ? optionValue(active.scope, active.name) : ''}
        disabled={loadState === 'loading'}
        title={error ?? 'Show a saved layout'}
        onChange={(event) => {
          const picked = parseOption(event.target.value);
          if (picked) applyLayout(picked.name, picked.scope);
        }}
      >
        <option value="" disabled>
          {loadState === 'loading' ? 'Loading layouts…' : layouts.length === 0 ? 'No saved layouts' : 'Saved layouts…'}
        </option>
        {shared.length > 0 && (
          <optgroup label="Shared">
            {shared.map((l) => (
              <option key={`s:${l.name}`} value={optionValue('shared', l.name)}>
                {l.name}
              </option>
            ))}
          </optgroup>
        )}
        {personal.length > 0 && (
          <optgroup label="My layouts">
            {personal.map((l) => (
              <option key={`p:${l.name}`} value={optionValue('personal', l.name)}>
                {l.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {active !== null && modified && (
        <span className="layout-modified" data-testid="layout-modified" title="The wall changed since this layout was loaded or saved">
          modified
        </span>
      )}
      <button type="button" className="button button--small" onClick={() => setDialog('save')}>
        <SaveIcon size={14} />
        Save layout
      </button>
      {active !== null && (
        <button
          type="button"
          className="button button--small button--icon button--ghost"
          onClick={() => setDialog('delete')}
          disabled={!canDelete}
          aria-label={`Delete layout ${active.name}`}
          title={canDelete ? `Delete layout ${active.name}` : 'Only admins delete shared layouts'}
        >
          <TrashIcon size={14} />
        </button>
      )}
      {dialog === 'save' && <SaveLayoutDialog onClose={() => setDialog(null)} />}
      {dialog === 'delete' && active !== null && (
        <ConfirmDialog
          title="Delete layout?"
          confirmLabel="Delete layout"
          onConfirm={() => deleteLayout(active.name, active.scope)}
          onClose={() => setDialog(null)}
        >
          <strong>{active.name}</strong> is deleted {active.scope === 'shared' ? 'for every operator' : 'from your layouts'}. The wall stays as it
          is on screen.
        </ConfirmDialog>
      )}
    </div>
  );
}
