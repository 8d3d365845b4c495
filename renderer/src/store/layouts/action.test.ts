import { describe, expect, it } from 'vitest';
import type { WallLayout } from '../../../../media-core/contracts/layouts';
import { ConsoleApiError } from '../../services/consoleApiError';
import { camera, createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { wallSelectors } from '../wall/selectors';
import { layoutSelectors } from './selectors';

const saved = (name: string, overrides: Partial<WallLayout> = {}): WallLayout => ({
  name,
  scope: 'personal',
  owner: 'admin',
  grid: 4,
  cameras: [],
  group: null,
  updatedAt: '2024-10-01T00:00:00.000Z',
  updatedBy: 'admin',
  ...overrides,
});

async function ready(): Promise<Harness> {
  const harness = createHarness();
  harness.api.cameras = ['a', 'b', 'c', 'd'].map((id) => camera(id));
  await signedIn(harness);
  return harness;
}

describe('layouts slice', () => {
  it('loads the saved layouts on demand', async () => {
    const harness = await ready();
    harness.api.layouts = [saved('Lobby', { scope: 'shared', owner: null }), saved('Night')];

    await harness.store.getState().loadLayouts();

    expect(layoutSelectors.all(harness.store.getState()).map((l) => l.name)).toEqual(['Lobby', 'Night']);
    expect(layoutSelectors.loadState(harness.store.getState())).toBe('ready');
  });

  it('saves the wall as it is now: grid, tile order and group', async () => {
    const harness = await ready();
    const { store } = harness;
    store.getState().setWallGrid(9);
    store.getState().swapWallTiles('a', 'd');

    const result = await store.getState().saveLayout('Night shift', 'personal');

    expect(result).toEqual({ ok: true });
    expect(harness.api.savedLayouts).toEqual([
      { name: 'Night shift', input: { scope: 'personal', grid: 9, cameras: ['d', 'b', 'c', 'a'], group: null } },
    ]);
    expect(wallSelectors.activeLayout(store.getState())).toEqual({ name: 'Night shift', scope: 'personal' });
    expect(wallSelectors.modified(store.getState())).toBe(false);
    expect(layoutSelectors.find('Night shift', 'personal')(store.getState())?.grid).toBe(9);
    expect(layoutSelectors.busy(store.getState())).toBe(false);
  });

  it('shows a saved layout exactly as saved', async () => {
    const harness = await ready();
    harness.api.layouts = [saved('Corner', { grid: 1, cameras: ['c', 'a'] })];
    await harness.store.getState().loadLayouts();
    harness.store.getState().setWallGrid(16);

    expect(harness.store.getState().applyLayout('Corner', 'personal')).toBe(true);

    const state = harness.store.getState();
    expect(wallSelectors.grid(state)).toBe(1);
    expect(wallSelectors.tileIds(state)).toEqual(['c', 'a', 'b', 'd']);
    expect(wallSelectors.pageTileIds(state)).toEqual(['c']);
    expect(wallSelectors.modified(state)).toBe(false);
    expect(harness.store.getState().applyLayout('Corner', 'shared')).toBe(false);
  });

  it('reports a refused save with the core message and keeps the wall as it was', async () => {
    const harness = await ready();
    harness.api.failNext('saveLayout', new ConsoleApiError('FORBIDDEN', 'this action needs an admin operator', 403));

    const result = await harness.store.getState().saveLayout('Lobby', 'shared');

    expect(result).toEqual({ ok: false, message: 'this action needs an admin operator' });
    expect(wallSelectors.activeLayout(harness.store.getState())).toBeNull();
    expect(layoutSelectors.all(harness.store.getState())).toEqual([]);
  });

  it('deletes a layout and forgets it as the active one', async () => {
    const harness = await ready();
    await harness.store.getState().saveLayout('Temp', 'personal');

    const result = await harness.store.getState().deleteLayout('Temp', 'personal');

    expect(result).toEqual({ ok: true });
    expect(layoutSelectors.all(harness.store.getState())).toEqual([]);
    expect(wallSelectors.activeLayout(harness.store.getState())).toBeNull();
  });

  it('treats a layout already deleted elsewhere as deleted', async () => {
    const harness = await ready();
    await harness.store.getState().saveLayout('Temp', 'personal');
    harness.api.layouts = [];

    expect(await harness.store.getState().deleteLayout('Temp', 'personal')).toEqual({ ok: true });
  });

  it('keeps the list on screen when a refresh fails, with the message', async () => {
    const harness = await ready();
    harness.api.layouts = [saved('Keep')];
    await harness.store.getState().loadLayouts();
    harness.api.failNext('listLayouts', new ConsoleApiError('NETWORK', 'down', 0));

    await harness.store.getState().loadLayouts();

    expect(layoutSelectors.loadState(harness.store.getState())).toBe('ready');
    expect(layoutSelectors.all(harness.store.getState())).toHaveLength(1);
    expect(layoutSelectors.error(harness.store.getState())).toBe('down');
  });
});
