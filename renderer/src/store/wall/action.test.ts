import { describe, expect, it } from 'vitest';
import { camera, createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { wallSelectors } from './selectors';

async function wallWith(ids: string[]): Promise<Harness> {
  const harness = createHarness();
  harness.api.cameras = ids.map((id) => camera(id));
  await signedIn(harness);
  return harness;
}

describe('wall slice', () => {
  it('starts with every camera in server order on an automatic grid', async () => {
    const { store } = await wallWith(['a', 'b', 'c']);
    const state = store.getState();
    expect(wallSelectors.grid(state)).toBe('auto');
    expect(wallSelectors.tileIds(state)).toEqual(['a', 'b', 'c']);
    expect(wallSelectors.pageCount(state)).toBe(1);
    expect(wallSelectors.activeLayout(state)).toBeNull();
  });

  it('pages a fixed grid and keeps the page in range', async () => {
    const { store } = await wallWith(['a', 'b', 'c', 'd', 'e', 'f']);
    store.getState().setWallGrid(4);
    expect(wallSelectors.pageTileIds(store.getState())).toEqual(['a', 'b', 'c', 'd']);

    store.getState().setWallPage(5);

    expect(wallSelectors.page(store.getState())).toBe(1);
    expect(wallSelectors.pageTileIds(store.getState())).toEqual(['e', 'f']);
  });

  it('switches grid onto the page of the focused tile', async () => {
    const { store } = await wallWith(['a', 'b', 'c', 'd', 'e', 'f']);
    store.getState().focusWallTile('f');

    store.getState().setWallGrid(4);

    expect(wallSelectors.page(store.getState())).toBe(1);
    expect(wallSelectors.focus(store.getState())).toBe('f');
  });

  it('swaps two tiles, marking a loaded layout as modified', async () => {
    const { store } = await wallWith(['a', 'b', 'c', 'd']);

    store.getState().swapWallTiles('a', 'c');

    expect(wallSelectors.tileIds(store.getState())).toEqual(['c', 'b', 'a', 'd']);
    expect(wallSelectors.modified(store.getState())).toBe(true);
  });

  it('ignores a swap with an unknown tile', async () => {
    const { store } = await wallWith(['a', 'b']);
    const before = store.getState();

    store.getState().swapWallTiles('a', 'ghost');

    expect(store.getState()).toBe(before);
  });

  it('places a camera added later after the arranged ones, and drops a removed one', async () => {
    const { store } = await wallWith(['a', 'b', 'c']);
    store.getState().swapWallTiles('a', 'c');

    store.getState().applyEvent({ type: 'camera.status', camera: camera('new') });
    store.getState().applyEvent({ type: 'camera.removed', id: 'b' });

    expect(wallSelectors.tileIds(store.getState())).toEqual(['c', 'a', 'new']);
  });

  it('shows only the cameras of the chosen group, and all again when it disappears', async () => {
    const harness = await wallWith(['a', 'b', 'c']);
    harness.api.groups = [{ name: 'Doors', cameras: ['c', 'a'], updatedAt: '', updatedBy: 'admin' }];
    await harness.store.getState().loadGroups();

    harness.store.getState().setWallGroup('Doors');
    expect(wallSelectors.tileIds(harness.store.getState())).toEqual(['c', 'a']);

    harness.api.groups = [];
    await harness.store.getState().loadGroups();
    expect(wallSelectors.groupMissing(harness.store.getState())).toBe(true);
    expect(wallSelectors.tileIds(harness.store.getState())).toEqual(['a', 'b', 'c']);
  });

  it('opens one camera full-screen and goes back to the grid', async () => {
    const { store } = await wallWith(['a', 'b']);

    store.getState().openFullscreen('b');
    expect(wallSelectors.fullscreen(store.getState())).toBe('b');
    expect(wallSelectors.focus(store.getState())).toBe('b');

    store.getState().closeFullscreen();
    expect(wallSelectors.fullscreen(store.getState())).toBeNull();

    store.getState().openFullscreen('ghost');
    expect(wallSelectors.fullscreen(store.getState())).toBeNull();
  });

  it('forgets the arrangement when the session ends', async () => {
    const { store } = await wallWith(['a', 'b']);
    store.getState().setWallGrid(9);
    store.getState().swapWallTiles('a', 'b');

    await store.getState().logout();

    expect(wallSelectors.grid(store.getState())).toBe('auto');
    expect(store.getState().wallOrder).toEqual([]);
  });
});

describe('wall slice, keyboard moves', () => {
  it('follows a selected tile swapped onto the next page', async () => {
    const { store } = await wallWith(['a', 'b', 'c', 'd', 'e']);
    store.getState().setWallGrid(4);
    store.getState().focusWallTile('d');

    store.getState().swapWallTiles('d', 'e');

    expect(wallSelectors.tileIds(store.getState())).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(wallSelectors.page(store.getState())).toBe(1);
  });
});
