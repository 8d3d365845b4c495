import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../contracts/errors';
import type { HlsMuxer } from './hls-muxer';
import { SEGMENT_NAME } from './playlist';

export type HlsAccessDecision =
  | {
      ok: true;
      uriQuery?: string;
      onBytes?: (n: number) => void;
      /** Overrides the routes' corsOrigin for this answer (a partner's own origins). */
      corsOrigin?: string | null;
      /** Hands the body to the socket some other way, e.g. paced to a bandwidth cap. */
      deliver?: (body: Buffer) => Buffer | NodeJS.ReadableStream;
    }
  | { ok: false; status: number; code: string; message: string; retryAfterSec?: number; corsOrigin?: string | null };

export interface HlsRouteDeps {
  /** Default '/hls'. */
  prefix?: string;
  muxerFor(cameraId: string): HlsMuxer | undefined;
  /** Decides access for one request. On allow, `uriQuery` (e.g. 'token=abc', already
   *  URL-encoded) is appended to every URI in the playlist so players need nothing else;
   *  `onBytes` is told the body size handed to the socket (not for HEAD). On deny, the
   *  route answers status + {error:{code,message}}. */
  authorize(req: FastifyRequest, cameraId: string, kind: 'playlist' | 'segment'): Promise<HlsAccessDecision>;
  /** Access-Control-Allow-Origin for partners' web players; null sends none. Default '*'. */
  corsOrigin?: string | null;
  /** Cache-Control max-age of segments (they never change once made). Default 60. */
  segmentMaxAgeSeconds?: number;
}

export const CAMERA_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
const SEGMENT_TYPE = 'video/mp2t';

/**
 * GET {prefix}/:camera/playlist.m3u8 (and index.m3u8) and GET {prefix}/:camera/seg-N.ts.
 * Malformed ids and names are answered 404 before anything else runs; authorization comes
 * before the camera lookup so unauthorised callers cannot probe which cameras exist.
 */
export function registerHlsRoutes(app: FastifyInstance, deps: HlsRouteDeps): void {
  const cors = deps.corsOrigin === undefined ? '*' : deps.corsOrigin;
  const maxAge = deps.segmentMaxAgeSeconds ?? 60;

  const fail = (reply: FastifyReply, status: number, code: string, message: string, origin: string | null = cors) => {
    if (origin) reply.header('access-control-allow-origin', origin);
    if (origin && origin !== '*') reply.header('vary', 'Origin');
    const body: ErrorBody = { error: { code: code as ErrorCode, message } };
    return reply.code(status).header('cache-control', 'no-store').send(body);
  };
  const notFound = (reply: FastifyReply) => fail(reply, 404, 'NOT_FOUND', 'Not found');
  const refuse = (reply: FastifyReply, d: Extract<HlsAccessDecision, { ok: false }>) => {
    if (d.retryAfterSec) reply.header('retry-after', String(d.retryAfterSec));
    return fail(reply, d.status, d.code, d.message, d.corsOrigin !== undefined ? d.corsOrigin : cors);
  };
  const allowOrigin = (reply: FastifyReply, d: Extract<HlsAccessDecision, { ok: true }>) => {
    const origin = d.corsOrigin !== undefined ? d.corsOrigin : cors;
    if (!origin) return;
    reply.header('access-control-allow-origin', origin);
    if (origin !== '*') reply.header('vary', 'Origin');
  };
  const send = (req: FastifyRequest, reply: FastifyReply, d: Extract<HlsAccessDecision, { ok: true }>, body: Buffer) => {
    if (!d.deliver || req.method === 'HEAD') return reply.send(body);
    return reply.header('content-length', String(body.length)).send(d.deliver(body));
  };

  const playlist = async (req: FastifyRequest<{ Params: { camera: string } }>, reply: FastifyReply) => {
    const { camera } = req.params;
    if (!CAMERA_ID.test(camera)) return notFound(reply);
    const access = await deps.authorize(req, camera, 'playlist');
    if (!access.ok) return refuse(reply, access);
    const muxer = deps.muxerFor(camera);
    if (!muxer) return notFound(reply);
    const query = access.uriQuery ? safeQuery(access.uriQuery) : '';
    const text = muxer.playlist(query ? (uri) => `${uri}?${query}` : undefined);
    if (text === null) {
      reply.header('retry-after', '2');
      return fail(reply, 503, 'UNAVAILABLE', 'Stream not available yet');
    }
    const body = Buffer.from(text, 'utf8');
    if (req.method !== 'HEAD') access.onBytes?.(body.length);
    allowOrigin(reply, access);
    reply.header('content-type', PLAYLIST_TYPE).header('cache-control', 'no-cache');
    return send(req, reply, access, body);
  };

  const segment = async (req: FastifyRequest<{ Params: { camera: string; segment: string } }>, reply: FastifyReply) => {
    const { camera, segment: name } = req.params;
    if (!CAMERA_ID.test(camera) || !SEGMENT_NAME.test(name)) return notFound(reply);
    const access = await deps.authorize(req, camera, 'segment');
    if (!access.ok) return refuse(reply, access);
    const data = deps.muxerFor(camera)?.segment(name);
    if (!data) return notFound(reply);
    if (req.method !== 'HEAD') access.onBytes?.(data.length);
    allowOrigin(reply, access);
    reply.header('content-type', SEGMENT_TYPE).header('cache-control', `private, max-age=${maxAge}`);
    return send(req, reply, access, data);
  };

  const prefix = deps.prefix ?? '/hls';
  app.register(
    async (scope) => {
      // Under our own prefix, every miss gets the same JSON 404; the root's handler is
      // the HTTP server's business.
      if (prefix !== '' && prefix !== '/') scope.setNotFoundHandler((_req, reply) => notFound(reply));
      scope.get('/:camera/playlist.m3u8', playlist);
      scope.get('/:camera/index.m3u8', playlist);
      scope.get('/:camera/:segment', segment);
    },
    { prefix },
  );
}

/** The query is pasted into playlist lines: never let it carry a line break or '#'. */
function safeQuery(q: string): string {
  return q.replace(/[^A-Za-z0-9\-._~=&%+]/g, (c) => encodeURIComponent(c));
}
