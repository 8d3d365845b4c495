import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Operator } from '../contracts/api';
import type { Logger } from '../log/logger';
import { HlsMuxer, registerHlsRoutes, type HlsSource } from '../servers/hls/index';

function tokenOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q : undefined;
}

/** One HLS muxer per camera, shared by every listener that serves HLS (operators on the
 *  console listener now, partners on the partner listener later). */
export class HlsWiring {
  private readonly muxers = new Map<string, HlsMuxer>();

  constructor(private readonly log: Logger) {}

  attach<S extends HlsSource>(id: string, stream: S): S {
    if (!this.muxers.has(id)) this.muxers.set(id, new HlsMuxer(stream, { log: this.log.child({ camera: id, component: 'hls' }) }));
    return stream;
  }

  detach(id: string): void {
    this.muxers.get(id)?.close();
    this.muxers.delete(id);
  }

  closeAll(): void {
    for (const id of [...this.muxers.keys()]) this.detach(id);
  }

  muxer(id: string): HlsMuxer | undefined {
    return this.muxers.get(id);
  }

  mountOperatorRoutes(app: FastifyInstance, authenticate: (token: string | undefined) => Operator | null): void {
    registerHlsRoutes(app, {
      muxerFor: (id) => this.muxers.get(id),
      // Same-origin console: no CORS for operator video.
      corsOrigin: null,
      authorize: async (req) => {
        const token = tokenOf(req);
        if (!authenticate(token)) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'log in first' };
        return { ok: true, uriQuery: `token=${encodeURIComponent(token!)}` };
      },
    });
  }
}
