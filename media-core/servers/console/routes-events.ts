import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type ConsoleEvent } from '../../contracts/api';
import { requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

const HEARTBEAT_MS = 15_000;

/** Server-Sent Events: one `event: <type>` + `data: <json>` per console event. A
 *  heartbeat comment keeps idle proxies from closing the stream. */
export function registerEventRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get(`${API_PREFIX}/events`, async (req, reply) => {
    requireOperator(deps.operators, req);
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (e: ConsoleEvent) => {
      // A console that stopped reading must not make the core buffer without bound.
      if (res.writableLength > 1 << 20) {
        res.destroy();
        return;
      }
      res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    };
    send({ type: 'hello', at: new Date().toISOString() });
    for (const camera of deps.cameras.list()) send({ type: 'camera.status', camera });
    const unsubscribe = deps.events.subscribe(send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    res.on('close', close);
    res.on('error', close);
  });
}
