import type { FastifyRequest } from 'fastify';
import type { Operator } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import type { ConsoleOperators } from './deps';

declare module 'fastify' {
  interface FastifyRequest {
    operator?: Operator;
  }
}

/** The operator's token from `Authorization: Bearer`, or `?token=` where a header cannot
 *  be set (EventSource, <video> and hls.js segment URLs). */
export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q : undefined;
}

export function requireOperator(operators: ConsoleOperators, req: FastifyRequest): Operator {
  const op = operators.authenticate(bearerToken(req));
  if (!op) throw new ApiError('UNAUTHENTICATED', 'log in first (missing or expired session)');
  req.operator = op;
  return op;
}

export function requireAdmin(req: FastifyRequest): void {
  if (req.operator?.role !== 'admin') throw new ApiError('FORBIDDEN', 'this action needs an admin operator');
}
