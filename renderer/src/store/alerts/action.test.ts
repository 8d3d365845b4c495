import { describe, expect, it } from 'vitest';
import { alert } from '../fakes/fakeMonitorApi';
import { createHarness, settle, signedIn } from '../testing';
import type { Harness } from '../testing';
import { alertSelectors } from './selectors';

async function ready(alerts = [alert(1), alert(2, { severity: 'high', detector: 'token_many_ips' })]): Promise<Harness> {
  const harness = createHarness();
  harness.api.alerts = alerts;
  await signedIn(harness);
  await harness.store.getState().loadAlerts();
  return harness;
}

const ids = (h: Harness) => alertSelectors.all(h.store.getState()).map((a) => a.id);

describe('alerts slice', () => {
  it('counts unread alerts for the navigation badge as soon as the session starts', async () => {
    const harness = createHarness();
    harness.api.alerts = [alert(1), alert(2, { acknowledged: true })];
    await signedIn(harness);
    expect(alertSelectors.unread(harness.store.getState())).toBe(1);
  });

  it('lists alerts newest first and pages back through older ones', async () => {
    const harness = await ready(Array.from({ length: 60 }, (_, i) => alert(i + 1)));
    expect(ids(harness)).toHaveLength(50);
    expect(ids(harness)[0]).toBe(60);
    expect(alertSelectors.hasMore(harness.store.getState())).toBe(true);

    await harness.store.getState().loadMoreAlerts();

    expect(ids(harness)).toHaveLength(60);
    expect(ids(harness).at(-1)).toBe(1);
    expect(alertSelectors.hasMore(harness.store.getState())).toBe(false);
  });

  it('asks the core for the filters chosen', async () => {
    const harness = await ready();

    await harness.store.getState().setAlertFilters({ severity: ['high', 'critical'], status: 'unread', partner: 'news' });

    expect(harness.api.alertQueries.at(-1)).toEqual({ severity: ['high', 'critical'], partner: 'news', acknowledged: false, limit: 50 });
  });

  it('shows an alert arriving live at the top, marked fresh, with the new unread count', async () => {
    const harness = await ready();

    harness.events.current.onEvent({ type: 'alert.created', alert: alert(3), unread: 3 });

    expect(ids(harness)).toEqual([3, 2, 1]);
    expect(alertSelectors.unread(harness.store.getState())).toBe(3);
    expect(alertSelectors.isFresh(3)(harness.store.getState())).toBe(true);
  });

  it('leaves out a live alert the filters exclude, but still counts it', async () => {
    const harness = await ready();
    await harness.store.getState().setAlertFilters({ severity: ['critical'] });

    harness.events.current.onEvent({ type: 'alert.created', alert: alert(3, { severity: 'info' }), unread: 3 });

    expect(ids(harness)).toEqual([]);
    expect(alertSelectors.unread(harness.store.getState())).toBe(3);
  });

  it('notifies the desktop of severe alerts only', async () => {
    const harness = await ready();
    await harness.store.getState().requestNotificationPermission();

    harness.events.current.onEvent({ type: 'alert.created', alert: alert(3, { severity: 'warning' }), unread: 3 });
    harness.events.current.onEvent({ type: 'alert.created', alert: alert(4, { severity: 'critical', partnerName: 'Night desk' }), unread: 4 });
    harness.events.current.onEvent({ type: 'alert.updated', alert: alert(4, { severity: 'critical', occurrences: 2 }), unread: 4 });
    await settle();

    expect(harness.notifier.shown.map((n) => [n.title, n.tag])).toEqual([['Critical alert: Night desk', 'wink-alert-4']]);
  });

  it('acknowledges an alert and lowers the badge', async () => {
    const harness = await ready();

    expect((await harness.store.getState().acknowledgeAlert(2)).ok).toBe(true);

    expect(alertSelectors.all(harness.store.getState()).find((a) => a.id === 2)?.acknowledged).toBe(true);
    expect(alertSelectors.unread(harness.store.getState())).toBe(1);
  });

  it('acknowledges every alert up to the newest shown', async () => {
    const harness = await ready();
    await harness.store.getState().acknowledgeAllAlerts();
    await settle();
    expect(alertSelectors.unread(harness.store.getState())).toBe(0);
    expect(alertSelectors.all(harness.store.getState()).every((a) => a.acknowledged)).toBe(true);
  });

  it('escalates and de-escalates the response', async () => {
    const harness = await ready();
    await harness.store.getState().escalateAlert(1);
    expect(alertSelectors.all(harness.store.getState()).find((a) => a.id === 1)?.response.level).toBe(2);
    await harness.store.getState().deescalateAlert(1);
    expect(alertSelectors.all(harness.store.getState()).find((a) => a.id === 1)?.response.level).toBe(1);
  });

  it('lists active IP blocks and lifts one', async () => {
    const harness = await ready();
    harness.api.blocks = [{ ip: '10.0.0.9', step: 1, active: true, until: null, reason: 'auth failures', alertId: 1, blockedAt: '', liftedAt: null, liftedBy: null }];
    await harness.store.getState().loadIpBlocks();
    expect(alertSelectors.blockOf('10.0.0.9')(harness.store.getState())?.step).toBe(1);

    await harness.store.getState().liftIpBlock('10.0.0.9');

    expect(alertSelectors.ipBlocks(harness.store.getState())).toEqual([]);
  });
});
