import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contracts/api';
import { AuditRetentionSchema, type AuditRetention } from '../../contracts/audit-retention';
import { parseOr400 } from '../common/parse';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

/** How long the audit trail is kept: every operator reads it, admins change it. */
export function registerRetentionRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const retention = deps.auditRetention!;
  const path = `${API_PREFIX}/audit/retention`;

  app.get(path, async (req): Promise<AuditRetention> => {
    requireOperator(deps.operators, req);
    return retention.get();
  });

  app.put(path, async (req): Promise<AuditRetention> => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    return retention.set(parseOr400(AuditRetentionSchema, req.body ?? {}));
  });
}
