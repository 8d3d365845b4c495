import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, parseWindowState, readWindowState, writeWindowState } from './window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('round-trips through its JSON file in userData', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-window-'));
    dirs.push(dir);
    const file = join(dir, 'window-state.json');
    writeWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1200 });
  });

  it('falls back to defaults when the file is missing or damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-window-'));
    dirs.push(dir);
    expect(readWindowState(join(dir, 'nope.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"width": ');
    expect(readWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('ignores wrong types and enforces a minimum size', () => {
    expect(parseWindowState('{"width":"wide","height":100,"x":5,"maximized":"yes"}')).toEqual({
      width: DEFAULT_WINDOW_STATE.width,
      height: 500,
      maximized: false,
    });
  });

  it('keeps a position that is on a connected display', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitToDisplays(state, [screen, right])).toEqual(state);
  });

  it('forgets the position when its display is gone, and shrinks to the largest display', () => {
    const state = { x: 2000, y: 100, width: 2400, height: 1300, maximized: false };
    expect(fitToDisplays(state, [screen])).toEqual({ width: 1920, height: 1040, maximized: false });
  });

  it('forgets a position whose title bar is above the screen', () => {
    expect(fitToDisplays({ x: 100, y: -400, width: 1000, height: 800, maximized: false }, [screen])).toEqual({
      width: 1000,
      height: 800,
      maximized: false,
    });
  });
});
