import type { CSSProperties } from 'react';
import type { WallGrid as Grid } from '../../../../media-core/contracts/layouts';
import { CameraTile } from './CameraTile';
import { TILE_CAPTION_HEIGHT, WALL_GAP } from './useWallLayout';
import type { WallLayout } from './wallLayout';

interface WallGridProps {
  ids: readonly string[];
  grid: Grid;
  layout: WallLayout | null;
  focus: string | null;
}

/** The tiles of the current page; a fixed grid shows its unused places as empty slots,
 *  so 1, 4, 9 and 16 always look like what they are. */
export function WallGrid({ ids, grid, layout, focus }: WallGridProps) {
  const style = {
    '--wall-gap': `${WALL_GAP}px`,
    '--tile-caption-height': `${TILE_CAPTION_HEIGHT}px`,
    gridTemplateColumns: layout ? `repeat(${layout.columns}, ${layout.tileWidth}px)` : undefined,
  } as CSSProperties;
  const tabStop = focus !== null && ids.includes(focus) ? focus : ids[0];
  const empty = grid === 'auto' ? 0 : Math.max(0, grid - ids.length);

  return (
    <div
      className={`wall__grid${layout?.fits === false ? ' wall__grid--scrolls' : ''}`}
      style={style}
      data-testid="camera-wall"
      data-grid={grid}
      data-columns={layout?.columns}
      aria-label="Camera wall"
    >
      {ids.map((id) => (
        <CameraTile key={id} id={id} tabStop={id === tabStop} />
      ))}
      {Array.from({ length: empty }, (_, index) => (
        <div key={`empty-${index}`} className="tile tile--empty" data-testid="empty-slot" aria-hidden="true">
          <div className="tile__media tile__media--empty">Empty slot</div>
          <div className="tile__caption" />
        </div>
      ))}
    </div>
  );
}
