import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { tokenView } from '../fakes/fakePartnersApi';
import { partnerSelectors } from '../partners/selectors';
import { createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { partnerAccessSelectors } from './selectors';

async function ready(): Promise<Harness> {
  const harness = createHarness();
  await signedIn(harness);
  await harness.store.getState().loadPartners();
  return harness;
}

const statuses = (h: Harness, id = 'news') => partnerAccessSelectors.tokens(id)(h.store.getState()).map((t) => `${t.id}:${t.status}`);

describe('partner access slice', () => {
  it("lists a partner's tokens, newest first, and not another partner's", async () => {
    const harness = await ready();
    harness.api.tokens = [tokenView('a', 'news'), tokenView('b', 'news', { createdAt: '2024-10-01T13:00:00.000Z' }), tokenView('c', 'vms')];

    await harness.store.getState().loadPartnerTokens('news');

    expect(statuses(harness)).toEqual(['b:active', 'a:active']);
    expect(partnerAccessSelectors.tokens('vms')(harness.store.getState())).toEqual([]);
  });

  it('issues a test token: the token is answered once, its record joins the list', async () => {
    const harness = await ready();
    await harness.store.getState().loadPartnerTokens('news');

    const result = await harness.store.getState().issuePartnerToken('news', { minutes: 10, cameras: ['demo-1'] });

    expect(result.ok && result.value.token).toBe('otp-1');
    expect(statuses(harness)).toEqual(['t1:active']);
    expect(JSON.stringify(harness.store.getState())).not.toContain('otp-1');
  });

  it('revokes one token, then all that are still active, and says how many', async () => {
    const harness = await ready();
    harness.api.tokens = [tokenView('a', 'news'), tokenView('b', 'news'), tokenView('c', 'news', { status: 'expired' })];
    await harness.store.getState().loadPartnerTokens('news');

    await harness.store.getState().revokePartnerToken('news', 'a');
    const all = await harness.store.getState().revokeAllPartnerTokens('news');

    expect(all).toEqual({ ok: true, value: 1 });
    expect(statuses(harness).sort()).toEqual(['a:revoked', 'b:revoked', 'c:expired']);
    expect(partnerAccessSelectors.busy(harness.store.getState())).toBeNull();
  });

  it('rotates the API credentials and the SRT key, answering the secrets once', async () => {
    const harness = await ready();

    const creds = await harness.store.getState().rotatePartnerCredentials('news');
    const srt = await harness.store.getState().rotatePartnerSrtKey('news');

    expect(creds.ok && creds.value.apipass).toBe('rotated-secret');
    expect(srt).toEqual({ ok: true, value: 'srt-secret' });
    expect(partnerSelectors.byId('news')(harness.store.getState())?.srtKeySet).toBe(true);
  });

  it('adds and removes JWT keys on the partner', async () => {
    const harness = await ready();

    await harness.store.getState().addPartnerJwtKey('news', { kid: 'k1', alg: 'HS256', key: 'x'.repeat(32) });
    expect(partnerSelectors.byId('news')(harness.store.getState())?.jwtKeys.map((k) => k.kid)).toEqual(['k1']);

    await harness.store.getState().removePartnerJwtKey('news', 'k1');
    expect(partnerSelectors.byId('news')(harness.store.getState())?.jwtKeys).toEqual([]);
  });

  it('says how far "revoke all" came when the core refuses midway', async () => {
    const harness = await ready();
    harness.api.tokens = [tokenView('a', 'news')];
    harness.api.failNext('revokePartnerToken', new ConsoleApiError('FORBIDDEN', 'this action needs an admin operator', 403));

    const result = await harness.store.getState().revokeAllPartnerTokens('news');

    expect(result).toEqual({ ok: false, message: '0 revoked, then: this action needs an admin operator' });
  });
});
