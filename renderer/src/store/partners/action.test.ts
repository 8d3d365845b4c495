import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { partner } from '../fakes/fakePartnersApi';
import { createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { partnerSelectors } from './selectors';

async function ready(): Promise<Harness> {
  const harness = createHarness();
  await signedIn(harness);
  await harness.store.getState().loadPartners();
  return harness;
}

const names = (h: Harness) => partnerSelectors.all(h.store.getState()).map((p) => `${p.name}:${p.status}`);

describe('partners slice', () => {
  it('lists the partners by name', async () => {
    const harness = await ready();
    expect(names(harness)).toEqual(['Agency VMS:active', 'Partner news:active']);
    expect(partnerSelectors.loadState(harness.store.getState())).toBe('ready');
  });

  it('creates a partner, adds it to the list and answers its credentials once', async () => {
    const harness = await ready();

    const result = await harness.store.getState().createPartner({ name: 'City events', type: 'temporary_event', cameras: ['demo-2'], auth: ['otp'] });

    expect(result.ok && result.value.credentials).toEqual({ apiuser: 'city-events-api', apipass: 'secret-once' });
    expect(names(harness)).toContain('City events:active');
    expect(JSON.stringify(harness.store.getState())).not.toContain('secret-once');
  });

  it('saves a change and shows what the core answered', async () => {
    const harness = await ready();

    expect(await harness.store.getState().updatePartner('news', { maxConnections: 3 })).toEqual({ ok: true, value: expect.anything() });

    expect(partnerSelectors.byId('news')(harness.store.getState())?.maxConnections).toBe(3);
  });

  it('suspends, terminates and reinstates', async () => {
    const harness = await ready();
    const { store } = harness;

    await store.getState().setPartnerStatus('news', 'suspended');
    expect(partnerSelectors.byId('news')(store.getState())?.status).toBe('suspended');
    await store.getState().setPartnerStatus('news', 'terminated');
    expect(partnerSelectors.byId('news')(store.getState())?.status).toBe('terminated');

    expect((await store.getState().reinstatePartner('news')).ok).toBe(true);
    expect(partnerSelectors.byId('news')(store.getState())?.status).toBe('active');
  });

  it("passes on the core's refusal, keeps the list and frees the row", async () => {
    const harness = await ready();
    harness.api.failNext('deletePartner', new ConsoleApiError('FORBIDDEN', 'this action needs an admin operator', 403));

    const result = await harness.store.getState().deletePartner('news');

    expect(result).toEqual({ ok: false, message: 'this action needs an admin operator' });
    expect(names(harness)).toHaveLength(2);
    expect(partnerSelectors.busy(harness.store.getState())).toBeNull();
  });

  it('deletes a partner', async () => {
    const harness = await ready();
    await harness.store.getState().deletePartner('vms');
    expect(names(harness)).toEqual(['Partner news:active']);
  });

  it("reads today's usage from local midnight until now, by partner", async () => {
    const harness = await ready();
    harness.api.usage = { from: '', to: '', truncated: false, partners: [{ partnerId: 'news', bytes: 5_000_000, sessions: 4 }] };

    await harness.store.getState().loadUsageToday();

    expect(partnerSelectors.usageToday('news')(harness.store.getState())).toEqual({ partnerId: 'news', bytes: 5_000_000, sessions: 4 });
    const asked = harness.api.usageQueries.at(-1)!;
    expect(asked.to).toBe('2024-10-01T12:00:00.000Z');
    expect(new Date(asked.from).getHours()).toBe(0);
  });

  it('keeps the list on screen when a refresh fails', async () => {
    const harness = await ready();
    harness.api.partners = [partner('other')];
    harness.api.failNext('listPartners', new ConsoleApiError('UNAVAILABLE', 'busy', 503));

    await harness.store.getState().loadPartners();

    expect(names(harness)).toHaveLength(2);
    expect(partnerSelectors.error(harness.store.getState())).toBe('busy');
  });

  it('is emptied when the session ends', async () => {
    const harness = await ready();
    await harness.store.getState().logout();
    expect(partnerSelectors.all(harness.store.getState())).toEqual([]);
  });
});
