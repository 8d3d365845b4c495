import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { createHarness, signedIn } from '../testing';
import { usageSelectors } from './selectors';

describe('usage slice', () => {
  it("reads a partner's usage over the range chosen, ending now", async () => {
    const harness = createHarness();
    await signedIn(harness);

    await harness.store.getState().loadPartnerUsage('news', '7d');

    const state = harness.store.getState();
    expect(usageSelectors.series('news')(state)?.totalBytes).toBe(1000);
    expect(usageSelectors.range(state)).toBe('7d');
    expect(harness.api.usageQueries.at(-1)).toEqual({ from: '2024-09-24T12:00:00.000Z', to: '2024-10-01T12:00:00.000Z' });
  });

  it("shows nothing of one partner's series for another", async () => {
    const harness = createHarness();
    await signedIn(harness);
    await harness.store.getState().loadPartnerUsage('news');

    const other = harness.store.getState().loadPartnerUsage('vms');

    expect(usageSelectors.series('vms')(harness.store.getState())).toBeNull();
    expect(usageSelectors.loadState('vms')(harness.store.getState())).toBe('loading');
    await other;
    expect(usageSelectors.series('vms')(harness.store.getState())?.partnerId).toBe('vms');
  });

  it('says why it failed', async () => {
    const harness = createHarness();
    await signedIn(harness);
    harness.api.failNext('partnerUsage', new ConsoleApiError('UNAVAILABLE', 'the audit trail is busy', 503));

    await harness.store.getState().loadPartnerUsage('news');

    expect(usageSelectors.loadState('news')(harness.store.getState())).toBe('error');
    expect(usageSelectors.error(harness.store.getState())).toBe('the audit trail is busy');
  });
});
