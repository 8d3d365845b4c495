import { useId, useState } from 'react';
import { SearchIcon } from '../../components/icons';
import { cameraSelectors, useConsoleStore } from '../../store';

interface CameraPickerProps {
  selected: readonly string[];
  onChange: (cameras: string[]) => void;
  disabled?: boolean;
}

/** Grants: every camera of the appliance with a checkbox, searchable by name or id. */
export function CameraPicker({ selected, onChange, disabled = false }: CameraPickerProps) {
  const ids = useConsoleStore(cameraSelectors.ids);
  const byId = useConsoleStore((s) => s.camerasById);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const q = query.trim().toLowerCase();
  const shown = ids.filter((id) => !q || id.includes(q) || (byId[id]?.name ?? '').toLowerCase().includes(q));
  const chosen = new Set(selected);
  // Grants of cameras deleted since stay visible, so they can be removed.
  const missing = selected.filter((id) => !byId[id]);

  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((c) => c !== id));
  const setShown = (on: boolean) => {
    const shownSet = new Set(shown);
    onChange(on ? [...new Set([...selected, ...shown])] : selected.filter((c) => !shownSet.has(c)));
  };

  return (
    <div className="camera-picker" data-testid="camera-picker">
      <div className="camera-picker__bar">
        <label className="camera-picker__search" htmlFor={searchId}>
          <SearchIcon size={14} />
          <input
            id={searchId}
            className="camera-picker__input"
            type="search"
            placeholder="Search cameras"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Search cameras"
          />
        </label>
        <span className="camera-picker__count tabular">
          {selected.length} of {ids.length} granted
        </span>
        <button type="button" className="button button--ghost button--small" onClick={() => setShown(true)} disabled={disabled || shown.length === 0}>
          Grant {q ? 'shown' : 'all'}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={() => setShown(false)} disabled={disabled || selected.length === 0}>
          Clear {q ? 'shown' : 'all'}
        </button>
      </div>
      <ul className="camera-picker__list">
        {shown.map((id) => (
          <li key={id}>
            <label className="checkbox camera-picker__item">
              <input type="checkbox" checked={chosen.has(id)} onChange={(e) => toggle(id, e.target.checked)} disabled={disabled} />
              <span>{byId[id]?.name ?? id}</span>
              <span className="camera-picker__id mono">{id}</span>
            </label>
          </li>
        ))}
        {missing.map((id) => (
          <li key={id}>
            <label className="checkbox camera-picker__item camera-picker__item--missing" title="This camera no longer exists on the appliance">
              <input type="checkbox" checked onChange={() => toggle(id, false)} disabled={disabled} />
              <span>Deleted camera</span>
              <span className="camera-picker__id mono">{id}</span>
            </label>
          </li>
        ))}
        {shown.length === 0 && missing.length === 0 && <li className="camera-picker__empty">{ids.length === 0 ? 'No cameras on this appliance yet.' : 'No camera matches.'}</li>}
      </ul>
    </div>
  );
}
