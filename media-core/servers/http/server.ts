import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../log/logger';
import { createApp } from '../common/create-app';
import { installNotFound } from '../common/error-handler';
import { installConnectionCap, type PartnerConnectionCap } from './connection-cap';
import { installFormBodyParser } from './form-body';
import { registerOtpRoutes, type PartnerOtpApi } from './routes-otp';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSec: number;
  cameras: { total: number; live: number };
}

/** What the partner HTTP listener needs from the core. */
export interface PartnerHttpDeps {
  health(): HealthReport;
  /** POST /otp/api/ and /api/v1/otp/. */
  otp?: PartnerOtpApi;
  /** At most N concurrent connections per client address. */
  connections?: PartnerConnectionCap;
  /** Mounts the partner HLS routes (`/hls/...`) with partner authorization. */
  mountHls?(app: FastifyInstance): void;
  /** Whether some partner allows browsers at `origin` (answers CORS preflights, which
   *  come before any credential can be checked). */
  knownOrigin?(origin: string): boolean;
}

/** The partner-facing HTTP listener. It sits on the partner network, so it answers
 *  nothing about the appliance beyond what a partner's integration needs. */
export async function createPartnerHttpServer(deps: PartnerHttpDeps, log: Logger, tls?: { cert: Buffer; key: Buffer }): Promise<FastifyInstance> {
  const app = createApp(log, { listener: 'http', bodyLimit: 16 * 1024, idleTimeoutMs: 30_000, ...(tls ? { tls } : {}) });
  installNotFound(app);
  installFormBodyParser(app);
  if (deps.connections) installConnectionCap(app, deps.connections);
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    return payload;
  });
  app.get('/health', async (_req, reply) => {
    void reply.header('Cache-Control', 'no-store');
    return deps.health();
  });
  if (deps.otp) registerOtpRoutes(app, deps.otp);
  if (deps.mountHls) {
    deps.mountHls(app);
    app.options('/hls/*', async (req, reply) => {
      const origin = req.headers.origin;
      if (origin && deps.knownOrigin?.(origin)) {
        void reply
          .header('access-control-allow-origin', origin)
          .header('vary', 'Origin')
          .header('access-control-allow-methods', 'GET, HEAD')
          .header('access-control-allow-headers', 'authorization, range')
          .header('access-control-max-age', '600');
      }
      return reply.code(204).send();
    });
  }
  return app;
}
