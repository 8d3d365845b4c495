import { describe, expect, it } from 'vitest';
import { createHarness } from '../testing';
import { notificationSelectors } from './selectors';

describe('notifications slice', () => {
  it('reads what the notifier can do', () => {
    const { store } = createHarness();
    store.getState().refreshNotifications();
    expect(notificationSelectors.kind(store.getState())).toBe('browser');
    expect(notificationSelectors.permission(store.getState())).toBe('default');
  });

  it('asks for permission and then shows notifications', async () => {
    const { store, notifier } = createHarness();

    await expect(store.getState().notifyDesktop('Severe alert', 'before permission')).resolves.toBe('blocked');
    await store.getState().requestNotificationPermission();
    await expect(store.getState().notifyDesktop('Severe alert', 'Credential sharing', { tag: 'a1' })).resolves.toBe('shown');

    expect(notificationSelectors.permission(store.getState())).toBe('granted');
    expect(notifier.shown).toEqual([{ title: 'Severe alert', body: 'Credential sharing', tag: 'a1' }]);
  });

  it('remembers a refusal', async () => {
    const { store, notifier } = createHarness();
    notifier.answer = 'denied';

    await store.getState().requestNotificationPermission();

    expect(notificationSelectors.permission(store.getState())).toBe('denied');
  });
});
