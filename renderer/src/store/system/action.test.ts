import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { createHarness, signedIn, systemInfo } from '../testing';
import { systemSelectors } from './selectors';

describe('system slice', () => {
  it('loads the system information on demand', async () => {
    const harness = createHarness();
    await signedIn(harness);
    expect(systemSelectors.loadState(harness.store.getState())).toBe('idle');

    await harness.store.getState().loadSystem();

    expect(systemSelectors.info(harness.store.getState())).toEqual(systemInfo);
    expect(systemSelectors.loadState(harness.store.getState())).toBe('ready');
  });

  it('reports a failure with the API message', async () => {
    const harness = createHarness();
    await signedIn(harness);
    harness.api.failNext('systemInfo', new ConsoleApiError('UNAVAILABLE', 'Core is starting', 503));

    await harness.store.getState().loadSystem();

    expect(systemSelectors.loadState(harness.store.getState())).toBe('error');
    expect(systemSelectors.error(harness.store.getState())).toBe('Core is starting');
  });
});
