import { describe, expect, it } from 'vitest';
import { camera, createHarness, settle, signedIn } from '../testing';
import { connectionSelectors } from './selectors';

describe('connection slice', () => {
  it('is idle without a session and connecting right after sign-in', async () => {
    const harness = createHarness();
    expect(connectionSelectors.status(harness.store.getState())).toBe('idle');

    await signedIn(harness);

    expect(connectionSelectors.status(harness.store.getState())).toBe('connecting');
  });

  it('follows the stream state reported by the subscription', async () => {
    const harness = createHarness();
    await signedIn(harness);

    harness.events.current.onState('open');
    expect(connectionSelectors.isLive(harness.store.getState())).toBe(true);

    harness.events.current.onState('reconnecting');
    expect(connectionSelectors.status(harness.store.getState())).toBe('reconnecting');
  });

  it('applies live events to the cameras and remembers when the last one came', async () => {
    const harness = createHarness();
    await signedIn(harness);

    harness.events.current.onEvent({ type: 'camera.status', camera: camera('demo-2', 'offline') });

    const state = harness.store.getState();
    expect(state.camerasById['demo-2']?.status).toBe('offline');
    expect(connectionSelectors.lastEventAt(state)).toBe('2024-10-01T12:00:00.000Z');
  });

  it('re-reads the camera list after a reconnect, because events were missed meanwhile', async () => {
    const harness = createHarness();
    await signedIn(harness);
    harness.events.current.onState('open');
    const listCallsBefore = harness.api.calls.filter((c) => c === 'listCameras').length;
    harness.api.cameras = [camera('demo-1', 'offline'), camera('demo-2')];

    harness.events.current.onState('reconnecting');
    harness.events.current.onState('open');
    await settle();

    expect(harness.api.calls.filter((c) => c === 'listCameras').length).toBe(listCallsBefore + 1);
    expect(harness.store.getState().camerasById['demo-1']?.status).toBe('offline');
  });

  it('ends the session when the stream is refused because the token expired', async () => {
    const harness = createHarness();
    const token = await signedIn(harness);
    harness.api.validTokens.delete(token);

    harness.events.current.onRefused?.();
    await settle();

    expect(harness.store.getState().sessionStatus).toBe('signedOut');
    expect(harness.store.getState().sessionEnded).toBe('expired');
    expect(harness.events.active).toHaveLength(0);
  });

  it('keeps the session when the stream is refused for another reason', async () => {
    const harness = createHarness();
    await signedIn(harness);

    harness.events.current.onRefused?.();
    await settle();

    expect(harness.store.getState().sessionStatus).toBe('signedIn');
    expect(harness.events.active).toHaveLength(1);
  });

  it('subscribes once however often it is asked', async () => {
    const harness = createHarness();
    await signedIn(harness);

    harness.store.getState().connectEvents();

    expect(harness.events.subscriptions).toHaveLength(1);
  });

  it('ignores what an ended subscription still delivers', async () => {
    const harness = createHarness();
    await signedIn(harness);
    const stale = harness.events.current;
    await harness.store.getState().logout();

    stale.onState('open');
    stale.onEvent({ type: 'camera.status', camera: camera('late') });

    expect(connectionSelectors.status(harness.store.getState())).toBe('idle');
    expect(harness.store.getState().cameraIds).toEqual([]);
  });
});
