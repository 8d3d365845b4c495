import type { Logger } from '../../log/logger';
import type { RtspRequest, RtspTarget } from '../../protocols/rtsp';
import type { AuthContext } from './authorize';
import type { Reply, RtspConnection } from './connection';
import type { RtspSession, RtspSessionInit } from './session';
import type { UdpPair } from './udp-pair';
import type { RtspAccessSession, RtspGrant, RtspSource } from './types';

/** What request handlers need from the server. */
export interface HandlerContext extends AuthContext {
  readonly log: Logger;
  readonly sessionTimeoutSec: number;
  readonly udp: UdpPair | null;
  readonly maxSessions: number;
  readonly maxSessionsPerConnection: number;
  source(camera: string): RtspSource | undefined;
  session(id: string): RtspSession | undefined;
  sessionCount(): number;
  createSession(conn: RtspConnection, init: Pick<RtspSessionInit, 'camera' | 'source'> & { access: RtspAccessSession; grant: RtspGrant }): RtspSession;
}

export function sessionHeader(ctx: { sessionTimeoutSec: number }, s: RtspSession): [string, string] {
  return ['Session', `${s.id};timeout=${ctx.sessionTimeoutSec}`];
}

/** The absolute base URL for a camera, as the client addressed us (no query: a token is
 *  never echoed, and the connection keeps its grant for the follow-up requests). */
export function baseUrl(conn: RtspConnection, target: RtspTarget): string {
  const local = conn.localAddress.includes(':') ? `[${conn.localAddress}]` : conn.localAddress;
  const authority = target.authority || `${local}:${conn.localPort}`;
  return `rtsp://${authority}/${encodeURIComponent(target.camera)}/`;
}

/** The session a request names, if it may use it: same client address, and for
 *  interleaved sessions the same connection. Anything else is 454, revealing nothing. */
export function sessionOf(ctx: HandlerContext, conn: RtspConnection, req: RtspRequest): RtspSession | Reply {
  const raw = req.headers.get('session');
  const id = raw?.split(';')[0]?.trim();
  const s = id ? ctx.session(id) : undefined;
  if (!s || s.closed || s.ip !== conn.ip) return { status: 454 };
  if (s.connection && s.connection !== conn) {
    if (s.transport !== 'udp') return { status: 454 };
    s.connection.sessions.delete(s);
    s.connection = null; // a UDP session may move to a new control connection
  }
  if (!s.connection) {
    s.connection = conn;
    conn.sessions.add(s);
  }
  s.touch();
  return s;
}

export const isReply = (x: RtspSession | Reply): x is Reply => 'status' in x;

