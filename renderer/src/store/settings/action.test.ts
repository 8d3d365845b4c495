import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { createHarness, signedIn } from '../testing';
import { settingsSelectors } from './selectors';

async function ready() {
  const harness = createHarness();
  await signedIn(harness);
  return harness;
}

describe('settings slice', () => {
  it('loads each settings document on its own', async () => {
    const { store } = await ready();
    expect(settingsSelectors.doc('retention')(store.getState()).load).toBe('idle');

    await store.getState().loadSettings('retention');
    await store.getState().loadSettings('abuse');

    expect(settingsSelectors.doc('retention')(store.getState())).toMatchObject({ value: { retentionDays: 365 }, load: 'ready', error: null });
    expect(settingsSelectors.doc('abuse')(store.getState()).value?.authFailures.maxPerMinute).toBe(10);
    expect(settingsSelectors.doc('limits')(store.getState()).load).toBe('idle');
  });

  it('saves a change and shows what the core stored', async () => {
    const harness = await ready();
    const { store } = harness;
    await store.getState().loadSettings('abuse');

    const result = await store.getState().saveSettings('abuse', { authFailures: { maxPerMinute: 25 } });

    expect(result).toEqual({ ok: true });
    expect(harness.api.sentUpdates).toEqual([{ authFailures: { maxPerMinute: 25 } }]);
    const doc = settingsSelectors.doc('abuse')(store.getState());
    expect(doc.value?.authFailures).toMatchObject({ maxPerMinute: 25, enabled: true });
    expect(doc.saving).toBe(false);
  });

  it('saves listener settings and says a restart is needed to apply them', async () => {
    const { store } = await ready();
    await store.getState().loadSettings('listeners');
    expect(settingsSelectors.doc('listeners')(store.getState()).value?.restartRequired).toBe(false);

    const result = await store.getState().saveSettings('listeners', { rtspPort: 554 });

    expect(result).toEqual({ ok: true });
    const view = settingsSelectors.doc('listeners')(store.getState()).value;
    expect(view?.next.rtspPort).toBe(554);
    expect(view?.running.rtspPort).toBe(8554);
    expect(view?.restartRequired).toBe(true);
  });

  it("passes on the core's refusal and keeps the stored values", async () => {
    const harness = await ready();
    const { store } = harness;
    await store.getState().loadSettings('retention');
    harness.api.failNext('putAuditRetention', new ConsoleApiError('VALIDATION_FAILED', 'retentionDays: Too small: expected number to be >=7', 400));

    const result = await store.getState().saveSettings('retention', { retentionDays: 3 });

    expect(result).toEqual({ ok: false, message: 'retentionDays: Too small: expected number to be >=7' });
    expect(settingsSelectors.doc('retention')(store.getState())).toMatchObject({ value: { retentionDays: 365 }, saving: false });
  });

  it('shows a failed first load as an error, and keeps values when a refresh fails', async () => {
    const harness = await ready();
    const { store } = harness;
    harness.api.failNext('getAccessLimits', new ConsoleApiError('NETWORK', 'The media core did not answer.', 0));
    await store.getState().loadSettings('limits');
    expect(settingsSelectors.doc('limits')(store.getState())).toMatchObject({ load: 'error', error: 'The media core did not answer.', value: null });

    await store.getState().loadSettings('limits');
    harness.api.failNext('getAccessLimits', new ConsoleApiError('NETWORK', 'The media core did not answer.', 0));
    await store.getState().loadSettings('limits');
    expect(settingsSelectors.doc('limits')(store.getState())).toMatchObject({ load: 'ready', error: 'The media core did not answer.' });
    expect(settingsSelectors.doc('limits')(store.getState()).value?.connectionsPerIp).toBe(25);
  });

  it('keeps secrets write-only: a set password comes back only as passSet', async () => {
    const harness = await ready();
    const { store } = harness;
    await store.getState().saveSettings('notifications', { smtp: { host: 'mail.local', pass: 's3cret' }, operatorEmails: ['ops@example.com'] });

    const value = settingsSelectors.doc('notifications')(store.getState()).value!;
    expect(value.smtp).toMatchObject({ host: 'mail.local', passSet: true });
    expect(JSON.stringify(value)).not.toContain('s3cret');
    expect(await store.getState().testNotifications('me@example.com')).toEqual({
      ok: true,
      value: [{ channel: 'email', target: 'me@example.com', ok: true, error: null }],
    });
  });

  it('lets admins edit and forgets everything when the session ends', async () => {
    const { store } = await ready();
    expect(settingsSelectors.canEdit(store.getState())).toBe(true);
    await store.getState().loadSettings('retention');

    store.getState().internal_endSession('signedOut');

    expect(settingsSelectors.doc('retention')(store.getState())).toMatchObject({ value: null, load: 'idle' });
    expect(settingsSelectors.canEdit(store.getState())).toBe(false);
  });
});
