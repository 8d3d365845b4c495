import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { camera, createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { wallSelectors } from '../wall/selectors';
import { groupSelectors } from './selectors';

async function ready(): Promise<Harness> {
  const harness = createHarness();
  harness.api.cameras = ['a', 'b', 'c'].map((id) => camera(id));
  await signedIn(harness);
  await harness.store.getState().loadGroups();
  return harness;
}

describe('camera groups slice', () => {
  it('creates groups and keeps them by name', async () => {
    const { store } = await ready();

    expect(await store.getState().saveGroup('Yard', ['c'])).toEqual({ ok: true });
    expect(await store.getState().saveGroup('entrances', ['a', 'b'])).toEqual({ ok: true });

    expect(groupSelectors.all(store.getState()).map((g) => g.name)).toEqual(['entrances', 'Yard']);
    expect(groupSelectors.byName('Yard')(store.getState())?.cameras).toEqual(['c']);
  });

  it('renames a group, and a wall showing it follows', async () => {
    const { store } = await ready();
    await store.getState().saveGroup('Doors', ['a']);
    store.getState().setWallGroup('Doors');

    expect(await store.getState().saveGroup('Entrances', ['a', 'b'], 'Doors')).toEqual({ ok: true });

    expect(groupSelectors.all(store.getState()).map((g) => g.name)).toEqual(['Entrances']);
    expect(wallSelectors.group(store.getState())).toBe('Entrances');
    expect(wallSelectors.tileIds(store.getState())).toEqual(['a', 'b']);
  });

  it('deletes a group; a wall showing it shows every camera again', async () => {
    const { store } = await ready();
    await store.getState().saveGroup('Doors', ['a']);
    store.getState().setWallGroup('Doors');

    expect(await store.getState().deleteGroup('Doors')).toEqual({ ok: true });

    expect(groupSelectors.all(store.getState())).toEqual([]);
    expect(wallSelectors.group(store.getState())).toBeNull();
    expect(wallSelectors.tileIds(store.getState())).toEqual(['a', 'b', 'c']);
  });

  it("says why when the core refuses a change (a viewer's, say)", async () => {
    const harness = await ready();
    harness.api.failNext('saveCameraGroup', new ConsoleApiError('FORBIDDEN', 'this action needs an admin operator', 403));

    const result = await harness.store.getState().saveGroup('Doors', ['a']);

    expect(result).toEqual({ ok: false, message: 'this action needs an admin operator' });
    expect(groupSelectors.all(harness.store.getState())).toEqual([]);
    expect(groupSelectors.busy(harness.store.getState())).toBe(false);
  });

  it('shows the load error when the first list cannot be fetched', async () => {
    const harness = createHarness();
    await signedIn(harness);
    harness.api.failNext('listCameraGroups', new ConsoleApiError('INTERNAL', 'Database is locked', 500));

    await harness.store.getState().loadGroups();

    expect(groupSelectors.loadState(harness.store.getState())).toBe('error');
    expect(groupSelectors.error(harness.store.getState())).toBe('Database is locked');
  });
});
