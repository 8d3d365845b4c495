import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type SystemInfo } from '../../contracts/api';
import type { Logger } from '../../log/logger';
import { createApp } from '../common/create-app';
import { installNotFound, notFoundBody } from '../common/error-handler';
import { requireOperator } from './auth';
import type { ConsoleDeps } from './deps';
import { registerAuthRoutes } from './routes-auth';
import { registerCameraRoutes } from './routes-cameras';
import { registerListenerRoutes } from './routes-listeners';
import { registerEventRoutes } from './routes-events';
import { registerLayoutRoutes } from './routes-layouts';
import { registerOperatorRoutes } from './routes-operators';
import { registerPartnerRoutes } from './routes-partners';
import { registerAuditRoutes } from './routes-audit';
import { registerAlertRoutes } from './routes-alerts';
import { registerBlackoutRoutes } from './routes-blackout';
import { registerUsageRoutes } from './routes-usage';
import { registerRetentionRoutes } from './routes-retention';

// Only the console's own code runs in it. hls.js needs blob: for its worker and for the
// MediaSource object URLs; React sets inline styles.
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The operator console listener: REST API, live events, operators' HLS, and the
 *  console web app itself. */
export async function createConsoleServer(deps: ConsoleDeps, log: Logger): Promise<FastifyInstance> {
  const app = createApp(log, { listener: 'console', bodyLimit: 256 * 1024 });
  app.addHook('onSend', async (_req, reply, payload) => {
    // The console is an operator tool: never framed by another site, never sniffed.
    void reply.header('X-Frame-Options', 'DENY');
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Referrer-Policy', 'no-referrer');
    void reply.header('Content-Security-Policy', CONSOLE_CSP);
    return payload;
  });

  registerAuthRoutes(app, deps);
  registerCameraRoutes(app, deps);
  registerListenerRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerLayoutRoutes(app, deps);
  registerOperatorRoutes(app, deps);
  if (deps.partners) registerPartnerRoutes(app, deps);
  if (deps.audit) registerAuditRoutes(app, deps);
  if (deps.alerts) registerAlertRoutes(app, deps);
  if (deps.audit) registerUsageRoutes(app, deps);
  if (deps.blackout) registerBlackoutRoutes(app, deps);
  if (deps.auditRetention) registerRetentionRoutes(app, deps);
  app.get(`${API_PREFIX}/system`, async (req): Promise<SystemInfo> => {
    requireOperator(deps.operators, req);
    return deps.system();
  });
  deps.mountHls(app, (token) => deps.operators.authenticate(token));

  if (deps.staticDir && existsSync(join(deps.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: deps.staticDir, wildcard: false, index: 'index.html' });
    // Client-side routes of the single-page console fall back to index.html.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/hls/')) return reply.sendFile('index.html');
      return reply.status(404).send(notFoundBody(req.method, req.url));
    });
  } else {
    installNotFound(app);
    log.warn({ staticDir: deps.staticDir }, 'console web app not built; only the API is served (run npm run build)');
  }
  return app;
}
