import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { operatorSelectors } from './selectors';

async function ready(): Promise<Harness> {
  const harness = createHarness();
  await signedIn(harness);
  await harness.store.getState().loadOperators();
  return harness;
}

const names = (harness: Harness) => operatorSelectors.all(harness.store.getState()).map((a) => `${a.username}:${a.role}`);

describe('operators slice', () => {
  it('lists the accounts by name and counts the admins', async () => {
    const harness = await ready();
    expect(names(harness)).toEqual(['admin:admin', 'viewer:viewer']);
    expect(operatorSelectors.activeAdminCount(harness.store.getState())).toBe(1);
  });

  it('creates an operator and adds it to the list', async () => {
    const harness = await ready();

    const result = await harness.store.getState().createOperator({ username: 'night', password: 'long enough', role: 'viewer' });

    expect(result).toEqual({ ok: true });
    expect(names(harness)).toEqual(['admin:admin', 'night:viewer', 'viewer:viewer']);
    expect(harness.api.passwords.get('night')).toBe('long enough');
  });

  it('changes a role, resets a password and deletes an account', async () => {
    const harness = await ready();
    const { store } = harness;

    expect(await store.getState().setOperatorRole('viewer', 'admin')).toEqual({ ok: true });
    expect(names(harness)).toEqual(['admin:admin', 'viewer:admin']);

    expect(await store.getState().resetOperatorPassword('viewer', 'a new secret')).toEqual({ ok: true });
    expect(harness.api.passwords.get('viewer')).toBe('a new secret');

    expect(await store.getState().deleteOperator('viewer')).toEqual({ ok: true });
    expect(names(harness)).toEqual(['admin:admin']);
  });

  it("passes on the core's refusal and leaves the list as it was", async () => {
    const harness = await ready();
    harness.api.failNext('deleteOperator', new ConsoleApiError('CONFLICT', '"admin" is the last admin; make another operator admin first', 409));

    const result = await harness.store.getState().deleteOperator('admin');

    expect(result).toEqual({ ok: false, message: '"admin" is the last admin; make another operator admin first' });
    expect(names(harness)).toEqual(['admin:admin', 'viewer:viewer']);
    expect(operatorSelectors.busy(harness.store.getState())).toBeNull();
  });

  it('marks the row being changed, and refuses a second change meanwhile', async () => {
    const harness = await ready();
    const first = harness.store.getState().deleteOperator('viewer');
    expect(operatorSelectors.busy(harness.store.getState())).toBe('viewer');

    const second = await harness.store.getState().setOperatorRole('admin', 'viewer');
    await first;

    expect(second.ok).toBe(false);
    expect(operatorSelectors.busy(harness.store.getState())).toBeNull();
  });

  it('is emptied when the session ends', async () => {
    const harness = await ready();
    await harness.store.getState().logout();
    expect(operatorSelectors.all(harness.store.getState())).toEqual([]);
    expect(operatorSelectors.loadState(harness.store.getState())).toBe('idle');
  });
});
