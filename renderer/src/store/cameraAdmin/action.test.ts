import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { cameraSelectors } from '../cameras/selectors';
import { createHarness, signedIn } from '../testing';
import { cameraAdminSelectors } from './selectors';

const source = 'rtsp://10.0.0.5/live';

describe('cameraAdmin slice', () => {
  it('adds a camera and shows it in the camera list at once', async () => {
    const harness = createHarness();
    await signedIn(harness);

    const result = await harness.store.getState().createCamera({ id: 'gate', name: 'Gate', source, password: 'secret' });

    expect(result).toEqual({ ok: true });
    expect(cameraSelectors.ids(harness.store.getState())).toEqual(['demo-1', 'demo-2', 'gate']);
    expect(cameraSelectors.byId('gate')(harness.store.getState())).toMatchObject({ name: 'Gate', status: 'starting', source });
  });

  it('edits and deletes a camera', async () => {
    const harness = createHarness();
    await signedIn(harness);
    const { store } = harness;

    expect(await store.getState().updateCamera('demo-1', { name: 'Lobby' })).toEqual({ ok: true });
    expect(cameraSelectors.byId('demo-1')(store.getState())?.name).toBe('Lobby');

    expect(await store.getState().deleteCamera('demo-2')).toEqual({ ok: true });
    expect(cameraSelectors.ids(store.getState())).toEqual(['demo-1']);
  });

  it("passes on the core's refusal and changes nothing", async () => {
    const harness = createHarness();
    await signedIn(harness);
    harness.api.failNext('createCamera', new ConsoleApiError('VALIDATION_FAILED', 'source: unsupported source type "ftp:"', 400));

    const result = await harness.store.getState().createCamera({ id: 'x', name: 'X', source: 'ftp://x/y' });

    expect(result).toEqual({ ok: false, message: 'source: unsupported source type "ftp:"' });
    expect(cameraSelectors.count(harness.store.getState())).toBe(2);
    expect(cameraAdminSelectors.busy(harness.store.getState())).toBeNull();
  });

  it('refuses a second change while one is being saved', async () => {
    const harness = createHarness();
    await signedIn(harness);
    const first = harness.store.getState().deleteCamera('demo-1');
    expect(cameraAdminSelectors.busy(harness.store.getState())).toBe('demo-1');

    const second = await harness.store.getState().updateCamera('demo-2', { name: 'x' });
    await first;

    expect(second.ok).toBe(false);
    expect(cameraAdminSelectors.busy(harness.store.getState())).toBeNull();
  });
});
