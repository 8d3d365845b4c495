import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The per-address connection limit as the listener needs it. */
export interface PartnerConnectionCap {
  /** A release function, or null when the address has too many connections open. */
  acquire(remoteAddress: string): (() => void) | null;
}

/**
 * Counts the listener's TCP connections per client address. A connection over the limit
 * is not dropped silently: its requests get 429 with Retry-After and the connection is
 * closed, so a client (or its operator) can tell what happened.
 */
export function installConnectionCap(app: FastifyInstance, cap: PartnerConnectionCap): void {
  const over = new WeakSet<Socket>();
  app.server.on('connection', (socket: Socket) => {
    const release = cap.acquire(socket.remoteAddress ?? '');
    if (!release) {
      over.add(socket);
      return;
    }
    socket.once('close', release);
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!over.has(req.raw.socket)) return;
    return reply
      .code(429)
      .header('connection', 'close')
      .header('retry-after', '1')
      .header('cache-control', 'no-store')
      .send({ error: { code: 'RATE_LIMITED', message: 'too many connections from this address' } });
  });
}
