import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../../log/logger';
import { installErrorHandling } from './error-handler';

export interface AppOptions {
  listener: string;
  bodyLimit: number;
  /** Close sockets that send nothing for this long (slow-loris protection). */
  idleTimeoutMs?: number;
  /** PEM certificate and key: the listener speaks HTTPS only. */
  tls?: { cert: Buffer; key: Buffer };
}

/** A Fastify instance as every listener of the core wants it: the core's logger without
 *  per-request lines (segment traffic would drown the log; the audit trail records
 *  access), stable JSON errors, and connections closed at once on stop. */
export function createApp(log: Logger, opts: AppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: log.child({ listener: opts.listener }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimit,
    forceCloseConnections: true,
    ...(opts.idleTimeoutMs ? { connectionTimeout: opts.idleTimeoutMs, requestTimeout: opts.idleTimeoutMs } : {}),
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' as const } } : {}),
  }) as unknown as FastifyInstance;
  installErrorHandling(app);
  return app;
}
