import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from '../../contracts/api-error';
import type { ErrorCode } from '../../contracts/errors';

/** Installs the boundary's error mapping: ApiError as is, Fastify's own client errors
 *  (bad JSON, body too large) as stable codes, anything else as a logged 500 that says
 *  nothing about internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) {
      if (err.status === 429 && typeof err.details === 'object' && err.details && 'retryAfterSec' in err.details) {
        void reply.header('Retry-After', String((err.details as { retryAfterSec: number }).retryAfterSec));
      }
      return reply.status(err.status).send(err.body());
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.status(500).send(new ApiError('INTERNAL', 'internal error; the appliance log has the details').body());
    }
    const code: ErrorCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
    return reply.status(status).send(new ApiError(code, err.message).body());
  });
}

/** The generic 404 body; servers that serve a web app fall back to it for API paths. */
export function notFoundBody(method: string, url: string) {
  return new ApiError('NOT_FOUND', `no such resource: ${method} ${url.split('?')[0]}`).body();
}

export function installNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => reply.status(404).send(notFoundBody(req.method, req.url)));
}
