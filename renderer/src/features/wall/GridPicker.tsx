import type { WallGrid } from '../../../../media-core/contracts/layouts';
import { useConsoleStore, wallSelectors } from '../../store';

const OPTIONS: readonly { grid: WallGrid; label: string; name: string; key: string }[] = [
  { grid: 1, label: '1', name: 'One camera', key: '1' },
  { grid: 4, label: '4', name: '2 × 2 grid', key: '4' },
  { grid: 9, label: '9', name: '3 × 3 grid', key: '9' },
  { grid: 16, label: '16', name: '4 × 4 grid', key: '6' },
  { grid: 'auto', label: 'Auto', name: 'Automatic grid', key: '0' },
];

/** 1, 4, 9, 16 or automatic: how many tiles a page of the wall shows. */
export function GridPicker() {
  const grid = useConsoleStore(wallSelectors.grid);
  const setWallGrid = useConsoleStore((s) => s.setWallGrid);
  return (
    <div className="segmented" role="group" aria-label="Grid">
      {OPTIONS.map((option) => (
        <button
          key={option.label}
          type="button"
          className="segmented__item tabular"
          aria-pressed={grid === option.grid}
          aria-label={option.name}
          title={`${option.name} (key ${option.key})`}
          data-testid={`grid-${option.grid}`}
          onClick={() => setWallGrid(option.grid)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
