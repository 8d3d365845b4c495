import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { camera, createHarness, settle, signedIn } from '../testing';
import { cameraSelectors } from './selectors';

describe('cameras slice', () => {
  it('keeps the server order and indexes cameras by id', async () => {
    const harness = createHarness();
    harness.api.cameras = [camera('b'), camera('a', 'offline'), camera('c', 'starting')];
    await signedIn(harness);

    const state = harness.store.getState();
    expect(cameraSelectors.ids(state)).toEqual(['b', 'a', 'c']);
    expect(cameraSelectors.byId('a')(state)?.status).toBe('offline');
    expect(cameraSelectors.count(state)).toBe(3);
    expect(cameraSelectors.loadState(state)).toBe('ready');
  });

  it('replaces one camera on camera.status and leaves the others untouched', async () => {
    const harness = createHarness();
    await signedIn(harness);
    const before = harness.store.getState();
    const untouched = cameraSelectors.byId('demo-2')(before);

    harness.store.getState().applyEvent({ type: 'camera.status', camera: camera('demo-1', 'stalled') });

    const after = harness.store.getState();
    expect(cameraSelectors.statusOf('demo-1')(after)).toBe('stalled');
    expect(cameraSelectors.byId('demo-2')(after)).toBe(untouched);
    expect(cameraSelectors.ids(after)).toBe(cameraSelectors.ids(before));
  });

  it('appends a camera it has not seen before', async () => {
    const harness = createHarness();
    await signedIn(harness);

    harness.store.getState().applyEvent({ type: 'camera.status', camera: camera('new', 'starting') });

    expect(cameraSelectors.ids(harness.store.getState())).toEqual(['demo-1', 'demo-2', 'new']);
  });

  it('drops a camera on camera.removed and ignores removal of an unknown one', async () => {
    const harness = createHarness();
    await signedIn(harness);

    harness.store.getState().applyEvent({ type: 'camera.removed', id: 'demo-1' });
    const afterRemoval = harness.store.getState();
    harness.store.getState().applyEvent({ type: 'camera.removed', id: 'ghost' });

    expect(cameraSelectors.ids(afterRemoval)).toEqual(['demo-2']);
    expect(cameraSelectors.byId('demo-1')(afterRemoval)).toBeUndefined();
    expect(harness.store.getState()).toBe(afterRemoval);
  });

  it('updates live figures on camera.stats, ignoring cameras it does not know', async () => {
    const harness = createHarness();
    await signedIn(harness);
    const stats = { ...camera('demo-1').stats, bitrate: 612_000, fps: 15 };

    harness.store.getState().applyEvent({ type: 'camera.stats', stats: { 'demo-1': stats, ghost: stats } });

    const state = harness.store.getState();
    expect(cameraSelectors.byId('demo-1')(state)?.stats.bitrate).toBe(612_000);
    expect(cameraSelectors.ids(state)).toEqual(['demo-1', 'demo-2']);
  });

  it('counts cameras per status for the wall summary', async () => {
    const harness = createHarness();
    harness.api.cameras = [camera('1'), camera('2'), camera('3', 'offline'), camera('4', 'error')];
    await signedIn(harness);

    expect(cameraSelectors.statusCounts(harness.store.getState())).toEqual({
      live: 2,
      starting: 0,
      stalled: 0,
      offline: 1,
      error: 1,
      disabled: 0,
    });
  });

  it('shows the load error when the first list cannot be fetched', async () => {
    const harness = createHarness();
    harness.api.failNext('listCameras', new ConsoleApiError('INTERNAL', 'Database is locked', 500));
    await signedIn(harness);

    expect(cameraSelectors.loadState(harness.store.getState())).toBe('error');
    expect(cameraSelectors.error(harness.store.getState())).toBe('Database is locked');
  });

  it('keeps the wall on screen when a refresh fails', async () => {
    const harness = createHarness();
    await signedIn(harness);
    harness.api.failNext('listCameras', new ConsoleApiError('NETWORK', 'down', 0));

    await harness.store.getState().loadCameras();

    expect(cameraSelectors.loadState(harness.store.getState())).toBe('ready');
    expect(cameraSelectors.count(harness.store.getState())).toBe(2);
  });

  it('drops an answer that arrives after the operator signed out', async () => {
    const harness = createHarness();
    await signedIn(harness);
    const loading = harness.store.getState().loadCameras();
    await harness.store.getState().logout();
    await loading;
    await settle();

    expect(cameraSelectors.count(harness.store.getState())).toBe(0);
  });
});
