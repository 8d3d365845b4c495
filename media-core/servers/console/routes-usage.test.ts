import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, AuditQuery, AuditSessionRow } from '../../contracts/audit';
import type { PartnerUsage, UsageTotals } from '../../contracts/usage';
import type { ConsoleAudit } from './deps';
import { startConsoleWith, type ConsoleWith } from './testing-with';

const T0 = Date.parse('2024-10-01T00:00:00.000Z');
const row = (id: string, partnerId: string, startMin: number, endMin: number, bytes: number): AuditSessionRow => ({
  id,
  partnerId,
  partnerName: partnerId,
  tokenId: null,
  method: 'otp',
  camera: 'cam-a',
  protocol: 'hls',
  ip: '127.0.0.1',
  userAgent: null,
  startedAt: new Date(T0 + startMin * 60_000).toISOString(),
  lastSeenAt: null,
  endedAt: new Date(T0 + endMin * 60_000).toISOString(),
  bytes,
  requests: 1,
  endReason: 'idle',
});

/** The audit trail's session pages as the real one pages them: newest first, `limit` at a time. */
function fakeAudit(rows: AuditSessionRow[]): ConsoleAudit & { queries: AuditQuery[] } {
  const queries: AuditQuery[] = [];
  return {
    queries,
    decisions: () => ({ items: [], next: null }),
    export: async function* () {},
    sessions(q): AuditPage<AuditSessionRow> {
      queries.push(q);
      const matching = rows.filter((r) => !q.partner || r.partnerId === q.partner);
      const start = q.before ? Number(q.before) : 0;
      const items = matching.slice(start, start + q.limit);
      return { items, next: start + q.limit < matching.length ? String(start + q.limit) : null };
    },
  };
}

describe('partner usage API', () => {
  let server: ConsoleWith;
  const rows = [row('s1', 'news', 0, 30, 3_000_000), row('s2', 'news', 60, 90, 1_000_000), row('s3', 'vms', 0, 120, 500)];
  const audit = fakeAudit(rows);

  beforeAll(async () => {
    server = await startConsoleWith({ audit });
  });
  afterAll(() => server.close());

  const get = async <T>(path: string, token = server.viewer) => {
    const r = await server.call(token, 'GET', path);
    return { status: r.status, body: (await r.json()) as T };
  };

  it('answers a partner’s bandwidth and sessions per bucket over the range asked', async () => {
    const from = new Date(T0).toISOString();
    const to = new Date(T0 + 120 * 60_000).toISOString();
    const { status, body } = await get<PartnerUsage>(`/api/v1/partners/news/usage?from=${from}&to=${to}&bucket=1800`);

    expect(status).toBe(200);
    expect(body).toMatchObject({ partnerId: 'news', from, to, bucketSec: 1800, totalBytes: 4_000_000, sessions: 2, truncated: false });
    expect(body.points.map((p) => [p.bytes, p.sessions])).toEqual([
      [3_000_000, 1],
      [0, 0],
      [1_000_000, 1],
      [0, 0],
    ]);
    expect(audit.queries.at(-1)).toMatchObject({ partner: 'news', from, to });
  });

  it('totals every partner over a range, for the partner list', async () => {
    const { body } = await get<UsageTotals>(`/api/v1/usage/partners?from=${new Date(T0).toISOString()}&to=${new Date(T0 + 3_600_000).toISOString()}`);
    expect(body.partners).toEqual([
      { partnerId: 'news', bytes: 3_000_000, sessions: 1 },
      { partnerId: 'vms', bytes: 250, sessions: 1 },
    ]);
  });

  it('refuses a reversed range and needs a signed-in operator', async () => {
    const bad = await get<{ error: { code: string } }>(`/api/v1/usage/partners?from=${new Date(T0 + 1).toISOString()}&to=${new Date(T0).toISOString()}`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await server.call(null, 'GET', '/api/v1/usage/partners')).status).toBe(401);
  });

  it('reads the trail page by page', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => row(`m${i}`, 'bulk', 0, 10, 1));
    const paged = fakeAudit(many);
    const other = await startConsoleWith({ audit: paged });
    try {
      const r = await other.call(other.viewer, 'GET', `/api/v1/usage/partners?from=${new Date(T0).toISOString()}&to=${new Date(T0 + 3_600_000).toISOString()}`);
      expect(((await r.json()) as UsageTotals).partners).toEqual([{ partnerId: 'bulk', bytes: 2500, sessions: 2500 }]);
      expect(paged.queries).toHaveLength(3);
    } finally {
      await other.close();
    }
  });
});
