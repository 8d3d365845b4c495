export interface WallLayoutInput {
  count: number;
  /** The wall's content box, in CSS pixels. */
  width: number;
  height: number;
  gap: number;
  /** Height of a tile's caption bar under the 16:9 picture. */
  captionHeight: number;
  minTileWidth: number;
  aspect?: number;
}

export interface WallLayout {
  columns: number;
  tileWidth: number;
  /** True when every tile fits on screen without scrolling. */
  fits: boolean;
}

/** Picks the column count that makes tiles largest while the whole wall stays on screen,
 *  like a control-room monitor; when even the smallest tiles cannot fit, fills the width
 *  with as many columns as allowed and lets the wall scroll. */
export function layoutWall({ count, width, height, gap, captionHeight, minTileWidth, aspect = 16 / 9 }: WallLayoutInput): WallLayout {
  if (count <= 0 || width <= 0) return { columns: 1, tileWidth: Math.max(0, width), fits: true };

  const maxColumns = Math.max(1, Math.min(count, Math.floor((width + gap) / (minTileWidth + gap))));
  let best: WallLayout | null = null;
  for (let columns = 1; columns <= maxColumns; columns += 1) {
    const rows = Math.ceil(count / columns);
    const byWidth = (width - gap * (columns - 1)) / columns;
    const byHeight = ((height - gap * (rows - 1)) / rows - captionHeight) * aspect;
    const tileWidth = Math.floor(Math.min(byWidth, byHeight));
    if (tileWidth >= minTileWidth && (best === null || tileWidth > best.tileWidth)) {
      best = { columns, tileWidth, fits: true };
    }
  }
  if (best !== null) return best;

  return { columns: maxColumns, tileWidth: Math.floor((width - gap * (maxColumns - 1)) / maxColumns), fits: false };
}

export interface FixedGridInput {
  /** Tiles per row (and rows per page): 1, 2, 3 or 4 for the 1, 4, 9 and 16 grids. */
  columns: number;
  width: number;
  height: number;
  gap: number;
  captionHeight: number;
  aspect?: number;
}

/** A fixed square grid: the largest tiles with which all columns × columns fit. */
export function layoutFixedGrid({ columns, width, height, gap, captionHeight, aspect = 16 / 9 }: FixedGridInput): WallLayout {
  const byWidth = (width - gap * (columns - 1)) / columns;
  const byHeight = ((height - gap * (columns - 1)) / columns - captionHeight) * aspect;
  return { columns, tileWidth: Math.max(0, Math.floor(Math.min(byWidth, byHeight))), fits: true };
}
