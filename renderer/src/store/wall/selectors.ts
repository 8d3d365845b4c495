import type { ConsoleStore } from '../types';
import { arrangeTiles, clampPage, pageCount, pageTiles } from './arrange';

/** The cameras of the selected group, or null when none is selected or it was deleted. */
function groupMembers(s: ConsoleStore): string[] | null {
  if (s.wallGroup === null) return null;
  return s.cameraGroups.find((g) => g.name === s.wallGroup)?.cameras ?? null;
}

/** Every tile of the wall, in order (all pages). A new array each call: use useShallow. */
function tileIds(s: ConsoleStore): string[] {
  return arrangeTiles(s.cameraIds, s.wallOrder, groupMembers(s));
}

export const wallSelectors = {
  grid: (s: ConsoleStore) => s.wallGrid,
  group: (s: ConsoleStore) => s.wallGroup,
  /** The selected group no longer exists (deleted by another admin): all cameras show. */
  groupMissing: (s: ConsoleStore) => s.wallGroup !== null && s.groupsLoad === 'ready' && groupMembers(s) === null,
  fullscreen: (s: ConsoleStore) => s.wallFullscreen,
  focus: (s: ConsoleStore) => s.wallFocus,
  activeLayout: (s: ConsoleStore) => s.activeLayout,
  modified: (s: ConsoleStore) => s.wallModified,
  tileIds,
  tileCount: (s: ConsoleStore) => tileIds(s).length,
  page: (s: ConsoleStore) => clampPage(s.wallPage, s.wallGrid, tileIds(s).length),
  pageCount: (s: ConsoleStore) => pageCount(s.wallGrid, tileIds(s).length),
  /** The tiles on screen now. A new array each call: use useShallow. */
  pageTileIds: (s: ConsoleStore) => pageTiles(tileIds(s), s.wallGrid, s.wallPage),
};
