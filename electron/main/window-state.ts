import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs; x/y absent means "let the OS place it". */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 500;
/** How much of the window must stay on some display for its saved position to be used. */
const MIN_VISIBLE = 100;

/** Reads the saved state; a missing or damaged file gives the defaults. */
export function readWindowState(file: string): WindowState {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Write-then-rename, so a crash mid-write never leaves a half file behind. */
export function writeWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

export function parseWindowState(text: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  const state: WindowState = {
    width: isFiniteNumber(r.width) ? Math.max(MIN_WIDTH, Math.round(r.width)) : DEFAULT_WINDOW_STATE.width,
    height: isFiniteNumber(r.height) ? Math.max(MIN_HEIGHT, Math.round(r.height)) : DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
  };
  if (isFiniteNumber(r.x) && isFiniteNumber(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

/**
 * Makes a saved state usable with today's displays: a monitor may have been unplugged
 * since, and a window restored off-screen is lost to the operator. Drops the position
 * when too little of the window would be visible, and shrinks it to the largest display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const fitted: WindowState = {
    width: Math.min(state.width, maxWidth),
    height: Math.min(state.height, maxHeight),
    maximized: state.maximized,
  };
  if (state.x === undefined || state.y === undefined) return fitted;
  const rect = { x: state.x, y: state.y, width: fitted.width, height: fitted.height };
  if (workAreas.some((area) => visibleEnough(rect, area))) {
    fitted.x = state.x;
    fitted.y = state.y;
  }
  return fitted;
}

function visibleEnough(window: Rect, area: Rect): boolean {
  const w = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const h = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  // The title bar (top of the window) must be on the display so it can be dragged.
  const titleBarOnArea = window.y >= area.y && window.y < area.y + area.height;
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE / 2 && titleBarOnArea;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
