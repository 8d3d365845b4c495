import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contracts/api';
import { AuditQuerySchema } from '../../contracts/audit';
import { parseOr400 } from '../common/parse';
import { requireOperator } from './auth';
import type { ConsoleAudit, ConsoleDeps } from './deps';

const KINDS = ['decisions', 'sessions'] as const;

/** The audit trail: filtered pages (newest first, `next` cursor) and whole exports as
 *  CSV or JSON lines, streamed. */
export function registerAuditRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const audit: ConsoleAudit = deps.audit!;
  for (const kind of KINDS) {
    app.get(`${API_PREFIX}/audit/${kind}`, async (req, reply) => {
      requireOperator(deps.operators, req);
      const q = parseOr400(AuditQuerySchema, req.query);
      void reply.header('cache-control', 'no-store');
      return kind === 'decisions' ? audit.decisions(q) : audit.sessions(q);
    });

    app.get(`${API_PREFIX}/audit/${kind}/export`, async (req, reply) => {
      requireOperator(deps.operators, req);
      const q = parseOr400(AuditQuerySchema, req.query);
      const format = q.format ?? 'csv';
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="wink-audit-${kind}-${stamp}.${format === 'csv' ? 'csv' : 'jsonl'}"`)
        .send(Readable.from(audit.export(kind, q, format)));
    });
  }
}
