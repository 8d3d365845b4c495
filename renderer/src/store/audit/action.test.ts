import { describe, expect, it } from 'vitest';
import type { AuditDecisionRow } from '../../../../media-core/contracts/audit';
import { createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { EMPTY_AUDIT_FILTERS } from './initialState';
import { auditSelectors } from './selectors';

const decision = (id: number, result: 'allow' | 'deny' = 'allow'): AuditDecisionRow => ({
  id,
  at: '2024-10-01T12:00:00.000Z',
  protocol: 'hls',
  camera: 'demo-1',
  ip: '10.0.0.9',
  userAgent: null,
  partnerId: 'news',
  partnerName: 'Partner news',
  tokenId: null,
  method: 'otp',
  kind: 'playlist',
  result,
  code: result === 'allow' ? 'ok' : 'token_unknown',
  reason: '',
  sessionId: null,
});

async function ready(rows = 120): Promise<Harness> {
  const harness = createHarness();
  harness.api.decisions = Array.from({ length: rows }, (_, i) => decision(rows - i, i % 3 === 0 ? 'deny' : 'allow'));
  await signedIn(harness);
  await harness.store.getState().loadAudit();
  return harness;
}

const firstId = (h: Harness) => auditSelectors.rows(h.store.getState())?.items[0]?.id;

describe('audit slice', () => {
  it('reads the newest page of decisions first', async () => {
    const harness = await ready();
    const rows = auditSelectors.rows(harness.store.getState());
    expect(rows?.kind).toBe('decisions');
    expect(rows?.items).toHaveLength(50);
    expect(firstId(harness)).toBe(120);
    expect(auditSelectors.hasNewer(harness.store.getState())).toBe(false);
  });

  it('pages to older rows with the server cursor and back', async () => {
    const harness = await ready();

    await harness.store.getState().olderAuditPage();
    expect(firstId(harness)).toBe(70);
    expect(harness.api.auditQueries.at(-1)?.before).toBe('71');
    await harness.store.getState().olderAuditPage();
    expect(firstId(harness)).toBe(20);
    expect(auditSelectors.hasOlder(harness.store.getState())).toBe(false);

    await harness.store.getState().newerAuditPage();
    expect(firstId(harness)).toBe(70);
    expect(auditSelectors.page(harness.store.getState())).toBe(1);
  });

  it('searches from the newest page with the filters as the API takes them', async () => {
    const harness = await ready();
    await harness.store.getState().olderAuditPage();

    await harness.store.getState().searchAudit({ ...EMPTY_AUDIT_FILTERS, partner: 'news', result: 'deny', ip: ' 10.0.0.9 ', from: '2024-10-01T00:00' });

    const query = harness.api.auditQueries.at(-1)!;
    expect(query).toMatchObject({ partner: 'news', result: 'deny', ip: '10.0.0.9', limit: 50 });
    expect(query.from).toBe(new Date('2024-10-01T00:00').toISOString());
    expect(query.before).toBeUndefined();
    expect(auditSelectors.page(harness.store.getState())).toBe(0);
  });

  it('switches to sessions, where "result" does not apply', async () => {
    const harness = await ready();
    await harness.store.getState().searchAudit({ ...EMPTY_AUDIT_FILTERS, result: 'deny' });

    await harness.store.getState().setAuditKind('sessions');

    expect(auditSelectors.rows(harness.store.getState())?.kind).toBe('sessions');
    expect(harness.api.auditQueries.at(-1)?.result).toBeUndefined();
  });

  it('refuses a time range that ends before it starts, without asking the core', async () => {
    const harness = await ready();
    const asked = harness.api.auditQueries.length;

    await harness.store.getState().searchAudit({ ...EMPTY_AUDIT_FILTERS, from: '2024-10-02T00:00', to: '2024-10-01T00:00' });

    expect(auditSelectors.loadState(harness.store.getState())).toBe('error');
    expect(auditSelectors.error(harness.store.getState())).toBe('The start time must be before the end time.');
    expect(harness.api.auditQueries).toHaveLength(asked);
  });
});
