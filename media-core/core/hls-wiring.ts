import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Operator } from '../contracts/api';
import type { Logger } from '../log/logger';
import { HlsMuxer, registerHlsRoutes, type HlsSource } from '../servers/hls/index';
import { ViewerLeases, type LeaseStream } from '../cameras/viewer-leases';

type ViewableStream = HlsSource & LeaseStream;

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
  private readonly streams = new Map<string, ViewableStream>();
  /** HLS players count as viewers of a camera while they keep fetching (on-demand cameras). */
  private readonly viewers = new ViewerLeases();

  constructor(private readonly log: Logger) {}

  attach<S extends ViewableStream>(id: string, stream: S): S {
    if (!this.muxers.has(id)) {
      // The muxer is part of the appliance, not a viewer: it must not keep an on-demand camera running.
      const passive: HlsSource = { subscribe: (reader, opts) => stream.subscribe(reader, { ...opts, passive: true }) };
      this.muxers.set(id, new HlsMuxer(passive, { log: this.log.child({ camera: id, component: 'hls' }) }));
      this.streams.set(id, stream);
    }
    return stream;
  }

  detach(id: string): void {
    this.viewers.endCamera(id);
    this.muxers.get(id)?.close();
    this.muxers.delete(id);
    this.streams.delete(id);
  }

  closeAll(): void {
    for (const id of [...this.muxers.keys()]) this.detach(id);
  }

  /** An allowed HLS request of `client` (any stable key: session, token, address) for a
   *  camera: counts the client as a viewer for a few seconds. Partner HLS calls it too. */
  touchViewer(id: string, client: string): void {
    const stream = this.streams.get(id);
    if (stream) this.viewers.touch(id, client, stream);
  }

  muxer(id: string): HlsMuxer | undefined {
    return this.muxers.get(id);
  }

  mountOperatorRoutes(app: FastifyInstance, authenticate: (token: string | undefined) => Operator | null): void {
    registerHlsRoutes(app, {
      muxerFor: (id) => this.muxers.get(id),
      // Same-origin console: no CORS for operator video.
      corsOrigin: null,
      authorize: async (req, cameraId) => {
        const token = tokenOf(req);
        if (!authenticate(token)) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'log in first' };
        this.touchViewer(cameraId, `operator ${req.ip} ${token}`);
        return { ok: true, uriQuery: `token=${encodeURIComponent(token!)}` };
      },
    });
  }
}
