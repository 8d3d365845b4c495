import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { GROUP_NAME_MAX } from '../../../../media-core/contracts/layouts';
import type { CameraGroup } from '../../../../media-core/contracts/layouts';
import { Spinner } from '../../components/Spinner';
import { cameraSelectors, groupSelectors, useConsoleStore } from '../../store';
import { nameProblem } from './names';

interface GroupEditorProps {
  /** undefined: a new group. */
  group: CameraGroup | undefined;
  readOnly: boolean;
  onSaved: (name: string) => void;
  onDeleted: () => void;
}

/** A group's name and cameras (searchable), in the order they were ticked. */
export function GroupEditor({ group, readOnly, onSaved, onDeleted }: GroupEditorProps) {
  // Names only: live stats must not re-render the editor every few seconds.
  const names = useConsoleStore(useShallow((s) => s.cameraIds.map((id) => s.camerasById[id]?.name ?? id)));
  const ids = useConsoleStore(cameraSelectors.ids);
  const cameras = useMemo(() => ids.map((id, index) => ({ id, name: names[index] ?? id })), [ids, names]);
  const busy = useConsoleStore(groupSelectors.busy);
  const saveGroup = useConsoleStore((s) => s.saveGroup);
  const deleteGroup = useConsoleStore((s) => s.deleteGroup);
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<string[]>(group?.cameras ?? []);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle === '' ? cameras : cameras.filter((c) => c.name.toLowerCase().includes(needle) || c.id.includes(needle));
  }, [cameras, filter]);
  const problem = nameProblem(name, 'group', GROUP_NAME_MAX);

  const toggle = (id: string) => setMembers((current) => (current.includes(id) ? current.filter((m) => m !== id) : [...current, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || problem !== null) return;
    setError(null);
    const result = await saveGroup(name.trim(), members, group?.name);
    if (result.ok) onSaved(name.trim());
    else setError(result.message);
  };

  const remove = async () => {
    if (group === undefined) return;
    const result = await deleteGroup(group.name);
    if (result.ok) onDeleted();
    else setError(result.message);
  };

  return (
    <form className="group-editor form" onSubmit={(event) => void submit(event)} aria-label={group ? `Group ${group.name}` : 'New group'}>
      <label className="field">
        <span className="field__label">Group name</span>
        <input className="field__input" value={name} onChange={(e) => setName(e.target.value)} disabled={readOnly} maxLength={GROUP_NAME_MAX} placeholder="Entrances" />
      </label>
      <div className="group-editor__cameras">
        <div className="group-editor__head">
          <span className="field__label">
            Cameras <span className="tabular">({members.length} chosen)</span>
          </span>
          <input className="field__input field__input--small" type="search" placeholder="Find a camera" aria-label="Find a camera" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <ul className="group-editor__list">
          {visible.map((camera) => (
            <li key={camera.id}>
              <label className={`checkbox${readOnly ? ' checkbox--disabled' : ''}`}>
                <input type="checkbox" checked={members.includes(camera.id)} disabled={readOnly} onChange={() => toggle(camera.id)} />
                {camera.name} <span className="mono group-editor__id">{camera.id}</span>
              </label>
            </li>
          ))}
          {visible.length === 0 && <li className="form-hint">No camera matches “{filter}”.</li>}
        </ul>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!readOnly && (
        <div className="group-editor__actions">
          {group !== undefined &&
            (confirmingDelete ? (
              <span className="group-editor__confirm">
                Delete “{group.name}”? Walls showing it show every camera.
                <button type="button" className="button button--danger button--small" onClick={() => void remove()} disabled={busy}>
                  Delete group
                </button>
                <button type="button" className="button button--small" onClick={() => setConfirmingDelete(false)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" className="button button--ghost button--small" onClick={() => setConfirmingDelete(true)}>
                Delete…
              </button>
            ))}
          <button type="submit" className="button button--primary button--small" disabled={problem !== null || busy}>
            {busy && <Spinner size={12} />}
            {group ? 'Save group' : 'Create group'}
          </button>
        </div>
      )}
    </form>
  );
}
