import type { FastifyInstance } from 'fastify';

/** Starts a Fastify listener and returns the address it really took ("host:port"), which
 *  differs from the request when the port was 0. IPv6 hosts are bracketed. */
export async function listenOn(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const addr = app.server.address();
  if (addr === null || typeof addr === 'string') throw new Error(`listener on ${host}:${port} has no TCP address`);
  const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return `${h}:${addr.port}`;
}
