import { describe, expect, it } from 'vitest';
import { neighbourIndex, wallCommand } from './wallKeys';

const none = { shift: false, ctrl: false, alt: false, meta: false };

describe('wall keyboard map', () => {
  it('moves with the arrows and moves the tile itself with Shift', () => {
    expect(wallCommand('ArrowLeft', none)).toEqual({ kind: 'move', direction: 'left' });
    expect(wallCommand('ArrowDown', { ...none, shift: true })).toEqual({ kind: 'swap', direction: 'down' });
  });

  it('switches grids with 1, 4, 9, 6 (16) and 0 (automatic)', () => {
    expect(['1', '4', '9', '6', '0'].map((key) => wallCommand(key, none))).toEqual([
      { kind: 'grid', grid: 1 },
      { kind: 'grid', grid: 4 },
      { kind: 'grid', grid: 9 },
      { kind: 'grid', grid: 16 },
      { kind: 'grid', grid: 'auto' },
    ]);
  });

  it('opens full screen with Enter, goes back with Escape, pages, and shows help with ?', () => {
    expect(wallCommand('Enter', none)).toEqual({ kind: 'fullscreen' });
    expect(wallCommand('Escape', none)).toEqual({ kind: 'back' });
    expect(wallCommand('PageDown', none)).toEqual({ kind: 'page', delta: 1 });
    expect(wallCommand('?', { ...none, shift: true })).toEqual({ kind: 'help' });
  });

  it('leaves keys with Ctrl, Alt or Meta, and unknown keys, to the browser', () => {
    expect(wallCommand('1', { ...none, ctrl: true })).toBeNull();
    expect(wallCommand('ArrowLeft', { ...none, alt: true })).toBeNull();
    expect(wallCommand('x', none)).toBeNull();
  });

  it('finds the neighbouring tile in a grid and stays put at its edges', () => {
    // 3 columns, 7 tiles: row 0 = 0 1 2, row 1 = 3 4 5, row 2 = 6
    expect(neighbourIndex(4, 'up', 3, 7)).toBe(1);
    expect(neighbourIndex(4, 'down', 3, 7)).toBe(4);
    expect(neighbourIndex(3, 'down', 3, 7)).toBe(6);
    expect(neighbourIndex(2, 'right', 3, 7)).toBe(3);
    expect(neighbourIndex(0, 'left', 3, 7)).toBe(0);
    expect(neighbourIndex(-1, 'left', 3, 7)).toBe(0);
    expect(neighbourIndex(0, 'left', 3, 0)).toBe(-1);
  });
});
