import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import type { AuditQuery } from '../../contracts/audit';
import { USAGE_MAX_POINTS, UsageQuerySchema, type PartnerUsage, type UsageQuery, type UsageTotals } from '../../contracts/usage';
import { parseOr400 } from '../common/parse';
import { requireOperator } from './auth';
import type { ConsoleAudit, ConsoleDeps } from './deps';
import { bucketFor, usageSeries, usageTotals, type UsageRange, type UsageSession } from './usage-series';

const DAY_MS = 86_400_000;
const PAGE = 1000;
/** Sessions read for one answer at most; beyond it the answer says `truncated`. */
const MAX_SESSIONS = 50_000;

function rangeOf(q: UsageQuery, now: number): UsageRange {
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : to - DAY_MS;
  if (!(from < to)) throw new ApiError('VALIDATION_FAILED', 'from: must be before to');
  if (to - from > 400 * DAY_MS) throw new ApiError('VALIDATION_FAILED', 'the range may span at most 400 days');
  return { from, to, now };
}

/** The audit trail's sessions overlapping the range, page by page, newest first. */
function readSessions(audit: ConsoleAudit, range: UsageRange, partner: string | undefined): { rows: UsageSession[]; truncated: boolean } {
  const rows: UsageSession[] = [];
  const base: AuditQuery = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), limit: PAGE, ...(partner ? { partner } : {}) };
  let before: string | undefined;
  for (;;) {
    const page = audit.sessions(before === undefined ? base : { ...base, before });
    rows.push(...page.items);
    if (page.next === null) return { rows, truncated: false };
    if (rows.length >= MAX_SESSIONS) return { rows, truncated: true };
    before = page.next;
  }
}

/** Partner usage over time, derived from the audit trail's sessions: a series per partner
 *  (bandwidth and concurrent sessions) and every partner's totals over a range. */
export function registerUsageRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const audit: ConsoleAudit = deps.audit!;

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/partners/:id/usage`, async (req, reply): Promise<PartnerUsage> => {
    requireOperator(deps.operators, req);
    const q = parseOr400(UsageQuerySchema, req.query);
    const partnerId = req.params.id;
    if (deps.partners && !deps.partners.get(partnerId)) throw new ApiError('NOT_FOUND', `no partner with id ${JSON.stringify(partnerId)}`);
    const range = rangeOf(q, Date.now());
    const bucketMs = bucketFor(range.to - range.from, q.bucket, USAGE_MAX_POINTS);
    const { rows, truncated } = readSessions(audit, range, partnerId);
    const points = usageSeries(rows, range, bucketMs);
    void reply.header('cache-control', 'no-store');
    return {
      partnerId,
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      bucketSec: bucketMs / 1000,
      points,
      totalBytes: points.reduce((sum, p) => sum + p.bytes, 0),
      sessions: rows.length,
      truncated,
    };
  });

  app.get(`${API_PREFIX}/usage/partners`, async (req, reply): Promise<UsageTotals> => {
    requireOperator(deps.operators, req);
    const range = rangeOf(parseOr400(UsageQuerySchema, req.query), Date.now());
    const { rows, truncated } = readSessions(audit, range, undefined);
    void reply.header('cache-control', 'no-store');
    return { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), partners: usageTotals(rows, range), truncated };
  });
}
