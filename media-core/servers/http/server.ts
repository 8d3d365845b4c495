import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../log/logger';
import { createApp } from '../common/create-app';
import { installNotFound } from '../common/error-handler';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSec: number;
  cameras: { total: number; live: number };
}

/** What the partner HTTP listener needs from the core. */
export interface PartnerHttpDeps {
  health(): HealthReport;
}

/** The partner-facing HTTP listener. It sits on the partner network, so it answers
 *  nothing about the appliance beyond what a partner's integration needs. */
export async function createPartnerHttpServer(deps: PartnerHttpDeps, log: Logger): Promise<FastifyInstance> {
  const app = createApp(log, { listener: 'http', bodyLimit: 16 * 1024, idleTimeoutMs: 30_000 });
  installNotFound(app);
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    return payload;
  });
  app.get('/health', async (_req, reply) => {
    void reply.header('Cache-Control', 'no-store');
    return deps.health();
  });
  return app;
}
