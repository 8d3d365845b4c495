import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { WallGrid } from '../../../../media-core/contracts/layouts';
import { layoutFixedGrid, layoutWall } from './wallLayout';
import type { WallLayout } from './wallLayout';

export const WALL_GAP = 12;
export const TILE_CAPTION_HEIGHT = 40;
/** The tile's 1 px border, top and bottom, sits outside the picture and caption. */
const TILE_BORDERS = 2;
const MIN_TILE_WIDTH = 280;

/** Re-computes the wall layout whenever the wall's box, the grid or the camera count changes. */
export function useWallLayout(ref: RefObject<HTMLElement | null>, count: number, grid: WallGrid = 'auto'): WallLayout | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  if (size === null) return null;
  const common = { width: size.width, height: size.height, gap: WALL_GAP, captionHeight: TILE_CAPTION_HEIGHT + TILE_BORDERS };
  if (grid !== 'auto') return layoutFixedGrid({ ...common, columns: Math.round(Math.sqrt(grid)) });
  return layoutWall({ ...common, count, minTileWidth: MIN_TILE_WIDTH });
}
