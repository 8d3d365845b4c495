import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { PlusIcon } from '../../components/icons';
import { groupSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { GroupEditor } from './GroupEditor';

/** Camera groups: the list on the left, the chosen (or a new) group on the right.
 *  Viewers see the groups; only admins change them. */
export function GroupsDialog({ onClose }: { onClose: () => void }) {
  const groups = useConsoleStore(groupSelectors.all);
  const error = useConsoleStore(groupSelectors.error);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  // null: a new group; a name: that group.
  const [selected, setSelected] = useState<string | null>(groups[0]?.name ?? null);
  const current = selected === null ? undefined : groups.find((g) => g.name === selected);

  return (
    <Dialog
      title="Camera groups"
      description={isAdmin ? 'Named sets of cameras. Pick one on the wall, or save it in a layout.' : 'Only admins change camera groups; you can show them on your wall.'}
      onClose={onClose}
      wide
      testId="groups-dialog"
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="groups">
        <nav className="groups__list" aria-label="Camera groups">
          {groups.length === 0 && <p className="form-hint">No groups yet.</p>}
          {groups.map((group) => (
            <button
              key={group.name}
              type="button"
              className="groups__item"
              aria-current={group.name === selected ? 'true' : undefined}
              onClick={() => setSelected(group.name)}
            >
              <span>{group.name}</span>
              <span className="groups__count tabular">{group.cameras.length}</span>
            </button>
          ))}
          {isAdmin && (
            <button type="button" className="button button--small groups__new" onClick={() => setSelected(null)} aria-pressed={selected === null}>
              <PlusIcon size={14} />
              New group
            </button>
          )}
        </nav>
        {current === undefined && !isAdmin ? (
          <p className="form-hint">Choose a group to see its cameras.</p>
        ) : (
          <GroupEditor
            key={current?.name ?? '(new)'}
            group={current}
            readOnly={!isAdmin}
            onSaved={(name) => setSelected(name)}
            onDeleted={() => setSelected(null)}
          />
        )}
      </div>
    </Dialog>
  );
}
