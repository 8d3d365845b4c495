import { useState } from 'react';
import { GroupIcon } from '../../components/icons';
import { groupSelectors, useConsoleStore, wallSelectors } from '../../store';
import { GroupsDialog } from './GroupsDialog';

/** Which cameras the wall shows: all, or one camera group; and the way to the groups. */
export function GroupPicker() {
  const groups = useConsoleStore(groupSelectors.all);
  const group = useConsoleStore(wallSelectors.group);
  const missing = useConsoleStore(wallSelectors.groupMissing);
  const setWallGroup = useConsoleStore((s) => s.setWallGroup);
  const [managing, setManaging] = useState(false);

  return (
    <div className="toolbar-group">
      <select
        className="select"
        aria-label="Camera group"
        value={group ?? ''}
        onChange={(event) => setWallGroup(event.target.value === '' ? null : event.target.value)}
        title={missing ? 'This group was deleted; the wall shows every camera.' : 'Show one camera group'}
      >
        <option value="">All cameras</option>
        {groups.map((g) => (
          <option key={g.name} value={g.name}>
            {g.name} ({g.cameras.length})
          </option>
        ))}
        {missing && group !== null && <option value={group}>{group} (deleted)</option>}
      </select>
      <button type="button" className="button button--small" onClick={() => setManaging(true)} title="Create and edit camera groups">
        <GroupIcon size={14} />
        Groups
      </button>
      {managing && <GroupsDialog onClose={() => setManaging(false)} />}
    </div>
  );
}
