import type { WallGrid } from '../../../../media-core/contracts/layouts';

/** The wall's tiles in order: the cameras named in `order` first, as listed, then every
 *  other camera in the server's order. `members` (a camera group) limits the set; ids of
 *  cameras that do not exist (any more) are skipped. */
export function arrangeTiles(cameraIds: readonly string[], order: readonly string[], members: readonly string[] | null): string[] {
  const known = new Set(cameraIds);
  const shown = members === null ? cameraIds : members.filter((id) => known.has(id));
  const allowed = new Set(shown);
  const result: string[] = [];
  const placed = new Set<string>();
  for (const id of [...order, ...shown]) {
    if (!allowed.has(id) || placed.has(id)) continue;
    placed.add(id);
    result.push(id);
  }
  return result;
}

/** Exchanges two tiles; unknown ids leave the order as it is. */
export function swapTiles(ids: readonly string[], a: string, b: string): string[] {
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  if (i === -1 || j === -1 || i === j) return [...ids];
  const next = [...ids];
  next[i] = b;
  next[j] = a;
  return next;
}

/** Tiles per page; the automatic grid shows every camera on one (scrolling) page. */
export function tilesPerPage(grid: WallGrid, count: number): number {
  return grid === 'auto' ? Math.max(1, count) : grid;
}

export function pageCount(grid: WallGrid, count: number): number {
  return Math.max(1, Math.ceil(count / tilesPerPage(grid, count)));
}

export function clampPage(page: number, grid: WallGrid, count: number): number {
  return Math.min(Math.max(0, Math.floor(page)), pageCount(grid, count) - 1);
}

export function pageTiles(ids: readonly string[], grid: WallGrid, page: number): string[] {
  const size = tilesPerPage(grid, ids.length);
  const start = clampPage(page, grid, ids.length) * size;
  return ids.slice(start, start + size);
}

/** The page a tile is on, or 0 when it is not on the wall. */
export function pageOfTile(ids: readonly string[], grid: WallGrid, id: string): number {
  const index = ids.indexOf(id);
  return index === -1 ? 0 : Math.floor(index / tilesPerPage(grid, ids.length));
}
