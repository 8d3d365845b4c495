import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessCredentials, AccessPlane } from '../access/index';
import { registerHlsRoutes, type HlsAccessDecision, type HlsMuxer } from '../servers/hls/index';

const GENERIC = 'Access denied';
const HTTP_CODE = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' } as const;

/** The partner's credential from the request, and how to carry it into playlist URIs. */
function credentialsOf(req: FastifyRequest): { credentials: AccessCredentials; uriQuery: string | undefined } {
  const q = req.query as Record<string, unknown> | undefined;
  const token = typeof q?.token === 'string' && q.token ? q.token : undefined;
  if (token !== undefined) return { credentials: { otp: token }, uriQuery: `token=${encodeURIComponent(token)}` };
  const auth = req.headers.authorization;
  const jwt = typeof q?.jwt === 'string' && q.jwt ? q.jwt : auth?.startsWith('Bearer ') ? auth.slice(7).trim() || undefined : undefined;
  if (jwt !== undefined) return { credentials: { jwt }, uriQuery: `jwt=${encodeURIComponent(jwt)}` };
  return { credentials: {}, uriQuery: undefined };
}

/**
 * Partner HLS on the partner listener: every playlist and segment request goes through
 * the access plane in full (so revocation, expiry, suspension and the end of access
 * hours fail the very next request), belongs to a viewing session with byte accounting,
 * is paced to the partner's bandwidth cap, and answers CORS for the partner's origins.
 */
export function mountPartnerHls(
  app: FastifyInstance,
  access: AccessPlane,
  muxerFor: (camera: string) => HlsMuxer | undefined,
  touchViewer: (camera: string, client: string) => void = () => {},
): void {
  registerHlsRoutes(app, {
    muxerFor,
    corsOrigin: null,
    authorize: async (req, camera, kind): Promise<HlsAccessDecision> => {
      const { credentials, uriQuery } = credentialsOf(req);
      const request = {
        protocol: 'hls' as const,
        camera,
        ip: req.socket.remoteAddress ?? '',
        userAgent: req.headers['user-agent'],
        headers: req.headers,
        credentials,
        kind,
      };
      // A web player of a known partner origin may read its refusal (to fetch a new
      // token); the body is the same generic one for everybody.
      const origin = req.headers.origin;
      const refusalOrigin = origin && access.knownOrigin(origin) ? origin : null;
      const d = await access.authorize(request);
      if (!d.ok) return { ok: false, status: d.status, code: HTTP_CODE[d.status], message: GENERIC, retryAfterSec: d.retryAfterSec, corsOrigin: refusalOrigin };
      const s = await access.touchSession(d, request);
      if (!s.ok) return { ok: false, status: s.status, code: HTTP_CODE[s.status], message: GENERIC, retryAfterSec: s.retryAfterSec, corsOrigin: refusalOrigin };
      touchViewer(request.camera, `partner ${s.session.id}`);
      const cap = d.limits.bandwidthBytesPerSec ?? access.bandwidth.ceiling(d.partnerId);
      return {
        ok: true,
        ...(uriQuery ? { uriQuery } : {}),
        onBytes: (n) => s.session.addBytes(n),
        corsOrigin: access.corsOrigin(d, origin),
        ...(cap ? { deliver: (body: Buffer) => access.bandwidth.pace(d.partnerId, cap, body) } : {}),
      };
    },
  });
}
