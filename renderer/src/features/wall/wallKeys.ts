import type { WallGrid } from '../../../../media-core/contracts/layouts';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** What a key press on the wall asks for. */
export type WallCommand =
  | { kind: 'move'; direction: Direction }
  | { kind: 'swap'; direction: Direction }
  | { kind: 'fullscreen' }
  | { kind: 'back' }
  | { kind: 'grid'; grid: WallGrid }
  | { kind: 'page'; delta: 1 | -1 }
  | { kind: 'help' };

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const GRID_KEYS: Record<string, WallGrid> = { '1': 1, '4': 4, '9': 9, '6': 16, '0': 'auto' };

/** The keyboard map of the wall, documented in the help overlay (WALL_SHORTCUTS). */
export function wallCommand(key: string, modifiers: { shift: boolean; ctrl: boolean; alt: boolean; meta: boolean }): WallCommand | null {
  // Browser and system shortcuts (Ctrl+1 switches tabs) stay theirs.
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return null;
  const direction = ARROWS[key];
  if (direction) return modifiers.shift ? { kind: 'swap', direction } : { kind: 'move', direction };
  if (key === 'Enter') return { kind: 'fullscreen' };
  if (key === 'Escape') return { kind: 'back' };
  if (key === 'PageDown') return { kind: 'page', delta: 1 };
  if (key === 'PageUp') return { kind: 'page', delta: -1 };
  if (key === '?') return { kind: 'help' };
  const grid = GRID_KEYS[key];
  return grid === undefined ? null : { kind: 'grid', grid };
}

/** The tile an arrow key leads to, in a grid `columns` wide; stays put at the edges. */
export function neighbourIndex(index: number, direction: Direction, columns: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0 || index >= count) return 0;
  const step = { left: -1, right: 1, up: -columns, down: columns }[direction];
  const next = index + step;
  return next < 0 || next >= count ? index : next;
}

export const WALL_SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ['←', '→', '↑', '↓'], does: 'Move between tiles (in full screen: previous or next camera)' },
  { keys: ['Shift', '+', 'arrow'], does: 'Move the selected tile (swaps it with its neighbour)' },
  { keys: ['Enter'], does: 'Show the selected camera full screen (or double-click it)' },
  { keys: ['Esc'], does: 'Back to the wall (or double-click again)' },
  { keys: ['1'], does: 'One camera per page' },
  { keys: ['4'], does: '2 × 2 grid' },
  { keys: ['9'], does: '3 × 3 grid' },
  { keys: ['6'], does: '4 × 4 grid (16 cameras)' },
  { keys: ['0'], does: 'Automatic grid: every camera, as large as fits' },
  { keys: ['PgUp', 'PgDn'], does: 'Previous or next page of a fixed grid' },
  { keys: ['?'], does: 'Show or hide this help' },
];
