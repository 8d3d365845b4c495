import { useEffect, useRef } from 'react';
import { useConsoleStoreApi, wallSelectors } from '../../store';
import type { ConsoleStore } from '../../store';
import { neighbourIndex, wallCommand } from './wallKeys';
import type { WallCommand } from './wallKeys';

/** Keys typed into a field, or pressed inside a dialog, are not wall shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[role="dialog"]')) return true;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

function focusTileElement(id: string): void {
  // After React has rendered the tile's page.
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-testid="camera-tile"][data-camera-id="${CSS.escape(id)}"]`)?.focus();
  });
}

/** Runs one command; false when it does not apply now (the key then does what it
 *  would do anyway). */
function run(command: WallCommand, state: ConsoleStore, columns: number, toggleHelp: () => void): boolean {
  const ids = wallSelectors.tileIds(state);
  const focus = state.wallFocus !== null && ids.includes(state.wallFocus) ? state.wallFocus : null;
  const full = state.wallFullscreen;
  switch (command.kind) {
    case 'help':
      toggleHelp();
      return true;
    case 'back':
      if (full === null) return false;
      state.closeFullscreen();
      focusTileElement(full);
      return true;
    case 'fullscreen': {
      const target = focus ?? wallSelectors.pageTileIds(state)[0];
      if (full !== null || target === undefined) return false;
      state.openFullscreen(target);
      return true;
    }
    case 'grid':
      state.setWallGrid(command.grid);
      return true;
    case 'page':
      if (full !== null) return false;
      state.setWallPage(wallSelectors.page(state) + command.delta);
      return true;
    case 'move': {
      if (full !== null) {
        // Full screen steps through the cameras in wall order.
        const step = command.direction === 'left' || command.direction === 'up' ? -1 : 1;
        const next = ids[(ids.indexOf(full) + step + ids.length) % ids.length];
        if (next !== undefined) state.openFullscreen(next);
        return true;
      }
      const next = focus === null ? wallSelectors.pageTileIds(state)[0] : ids[neighbourIndex(ids.indexOf(focus), command.direction, columns, ids.length)];
      if (next === undefined) return false;
      state.focusWallTile(next);
      focusTileElement(next);
      return true;
    }
    case 'swap': {
      if (full !== null || focus === null) return false;
      const other = ids[neighbourIndex(ids.indexOf(focus), command.direction, columns, ids.length)];
      if (other === undefined || other === focus) return true;
      // The moved tile keeps the selection (and the wall follows it to its page).
      state.swapWallTiles(focus, other);
      focusTileElement(focus);
      return true;
    }
  }
}

/** The wall's keyboard shortcuts (wallKeys.ts), while the wall is on screen. */
export function useWallKeyboard(columns: number, toggleHelp: () => void): void {
  const store = useConsoleStoreApi();
  const latest = useRef({ columns, toggleHelp });
  latest.current = { columns, toggleHelp };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const command = wallCommand(event.key, { shift: event.shiftKey, ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
      if (command === null) return;
      if (run(command, store.getState(), latest.current.columns, latest.current.toggleHelp)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
