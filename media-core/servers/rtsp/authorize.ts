import { digestChallenge, digestCredentials, parseAuthorization, type DigestNonces, type RtspRequest, type RtspTarget } from '../../protocols/rtsp';
import type { RtspAccess, RtspAuthRequest, RtspCredentials, RtspDenial, RtspGrant } from './types';

/** A grant is reused for this long on its connection (DESCRIBE, then SETUP per track,
 *  then PLAY ask once, not four times against the auth rate limit). */
const GRANT_REUSE_MS = 30_000;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface CachedGrant {
  grant: RtspGrant;
  request: RtspAuthRequest;
  at: number;
}

export interface AuthContext {
  readonly access: RtspAccess;
  readonly nonces: DigestNonces;
  readonly realm: string;
  now(): number;
}

export interface AuthPeer {
  readonly ip: string;
  readonly grants: Map<string, CachedGrant>;
}

export type AuthOutcome = { ok: true; grant: RtspGrant; request: RtspAuthRequest } | { ok: false; denial: RtspDenial; headers: [string, string][] };

function credentialsOf(req: RtspRequest, target: RtspTarget, nonces: DigestNonces): { creds: RtspCredentials; stale: boolean } {
  const creds: RtspCredentials = {};
  const token = target.query.get('token');
  if (token) {
    if (JWT_SHAPE.test(token)) creds.jwt = token;
    else creds.otp = token;
  }
  const jwt = target.query.get('jwt');
  if (jwt) creds.jwt = jwt;
  let stale = false;
  const auth = parseAuthorization(req.headers.get('authorization'));
  if (auth?.scheme === 'bearer') creds.jwt = auth.token;
  if (auth?.scheme === 'digest') {
    const d = digestCredentials(auth.params, req.method);
    const freshness = d ? nonces.check(d.nonce) : 'invalid';
    if (d && freshness === 'ok') creds.digest = d;
    stale = freshness === 'stale';
  }
  // Basic is ignored on purpose: it would put a reusable password on the wire in clear.
  return { creds, stale };
}

function headersOf(req: RtspRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.headers) if (k !== 'authorization') out[k] = v;
  return out;
}

/** Every RTSP access decision goes through the access plane; this only gathers what the
 *  request carries, and turns a denial into RTSP headers (a fresh Digest challenge on 401). */
export async function authorizeRequest(ctx: AuthContext, peer: AuthPeer, req: RtspRequest, target: RtspTarget): Promise<AuthOutcome> {
  const now = ctx.now();
  const cached = peer.grants.get(target.camera);
  if (cached && now - cached.at < GRANT_REUSE_MS) return { ok: true, grant: cached.grant, request: cached.request };
  const { creds, stale } = credentialsOf(req, target, ctx.nonces);
  const request: RtspAuthRequest = {
    protocol: 'rtsp',
    camera: target.camera,
    ip: peer.ip,
    userAgent: req.headers.get('user-agent'),
    headers: headersOf(req),
    credentials: creds,
    kind: 'session',
  };
  let decision;
  try {
    decision = await ctx.access.authorize(request);
  } catch {
    decision = { ok: false as const, status: 503 as const, code: 'ACCESS_UNAVAILABLE', reason: 'access check failed' };
  }
  if (decision.ok) {
    peer.grants.set(target.camera, { grant: decision, request, at: now });
    return { ok: true, grant: decision, request };
  }
  return { ok: false, denial: decision, headers: denialHeaders(ctx, decision, stale) };
}

export function denialHeaders(ctx: Pick<AuthContext, 'nonces' | 'realm'>, d: RtspDenial, stale = false): [string, string][] {
  const h: [string, string][] = [];
  if (d.status === 401) h.push(['WWW-Authenticate', digestChallenge(ctx.realm, ctx.nonces.issue(), stale)]);
  if (d.retryAfterSec !== undefined && (d.status === 429 || d.status === 503)) h.push(['Retry-After', String(Math.max(1, Math.ceil(d.retryAfterSec)))]);
  return h;
}
