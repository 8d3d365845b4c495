import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../../log/logger';
import { DIGEST_REALM, DigestNonces, type RtspParserLimits, type RtspRequest } from '../../protocols/rtsp';
import { RtspConnection, type ConnectionHost, type Reply } from './connection';
import { handleRequest } from './handlers';
import { PayloadCache } from './payload-cache';
import type { HandlerContext } from './request-context';
import { RtspSession, type SessionHost } from './session';
import { UdpPair } from './udp-pair';
import { RTSP_END_REASONS, type RtspAccess, type RtspAccessSession, type RtspGrant, type RtspServerStats, type RtspSource } from './types';

export interface RtspServerOptions {
  access: RtspAccess;
  /** The camera's live stream, or undefined when there is no such camera. */
  source(camera: string): RtspSource | undefined;
  log: Logger;
  /** Announced in the Session header; UDP and idle sessions end after this. Default 60. */
  sessionTimeoutSec?: number;
  /** A request (or frame) must arrive completely within this. Default 10 000. */
  requestTimeoutMs?: number;
  /** A connection with no request for this long and no interleaved playback is closed. Default 60 000. */
  idleTimeoutMs?: number;
  /** Unread media a client may let pile up before it is dropped. Default 2 MiB. */
  maxQueuedBytes?: number;
  maxConnections?: number;
  maxSessions?: number;
  maxSessionsPerConnection?: number;
  /** Even RTP port for UDP transport (RTCP on the next); 0 = any free pair; false = TCP only. Default 0. */
  udpRtpPort?: number | false;
  /** Digest realm. Default "WINK Media Router". */
  realm?: string;
  parserLimits?: RtspParserLimits;
  now?: () => number;
}

const TICK_MS = 1_000;

/** RTSP 1.0 server (RFC 2326) for partner VMS: play only, H.264 + AAC over RTP, TCP
 *  interleaved or UDP unicast. Every decision goes through the injected access plane. */
export class RtspServer implements HandlerContext, ConnectionHost, SessionHost {
  readonly log: Logger;
  readonly access: RtspAccess;
  readonly nonces: DigestNonces;
  readonly realm: string;
  readonly sessionTimeoutSec: number;
  readonly requestTimeoutMs: number;
  readonly maxQueuedBytes: number;
  readonly maxSessions: number;
  readonly maxSessionsPerConnection: number;
  readonly parserLimits: RtspParserLimits;
  readonly payloads = new PayloadCache();
  readonly cname = `wink-${randomBytes(4).toString('hex')}`;
  udp: UdpPair | null = null;
  readonly now: () => number;
  private readonly opts: RtspServerOptions;
  private readonly idleTimeoutMs: number;
  private readonly server: Server;
  private readonly connections = new Set<RtspConnection>();
  private readonly sessions = new Map<string, RtspSession>();
  private ticker: NodeJS.Timeout | null = null;
  private nextConnId = 1;
  private rtpPackets = 0;
  private rtpBytes = 0;
  private droppedAccessUnits = 0;

  constructor(opts: RtspServerOptions) {
    this.opts = opts;
    this.log = opts.log;
    this.access = opts.access;
    this.now = opts.now ?? Date.now;
    this.realm = opts.realm ?? DIGEST_REALM;
    this.nonces = new DigestNonces(5 * 60_000, this.now);
    this.sessionTimeoutSec = opts.sessionTimeoutSec ?? 60;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 10_000;
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
    this.maxQueuedBytes = opts.maxQueuedBytes ?? 2 * 1024 * 1024;
    this.maxSessions = opts.maxSessions ?? 1000;
    this.maxSessionsPerConnection = opts.maxSessionsPerConnection ?? 8;
    this.parserLimits = opts.parserLimits ?? {};
    this.server = createServer({ noDelay: true }, (socket) => this.accept(socket));
    this.server.maxConnections = opts.maxConnections ?? 1000;
    this.server.on('error', (err) => this.log.error({ err }, 'rtsp listener error'));
  }

  /** Starts listening (and binds the UDP pair); returns the "host:port" really taken. */
  async listen(host: string, port: number): Promise<string> {
    if (this.opts.udpRtpPort !== false) this.udp = await UdpPair.open(host, this.opts.udpRtpPort ?? 0, this.log);
    try {
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(port, host, () => {
          this.server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      this.udp?.close();
      this.udp = null;
      throw err;
    }
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
    const addr = this.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('rtsp listener has no TCP address');
    const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    this.log.info({ listen: `${h}:${addr.port}`, udp: this.udp?.ports ?? null }, 'rtsp server listening');
    return `${h}:${addr.port}`;
  }

  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    for (const s of [...this.sessions.values()]) s.close(RTSP_END_REASONS.stopping);
    for (const c of [...this.connections]) c.destroy(RTSP_END_REASONS.stopping);
    this.udp?.close();
    this.udp = null;
    await new Promise<void>((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
  }

  stats(): RtspServerStats {
    let playing = 0;
    let queuedBytes = 0;
    for (const s of this.sessions.values()) if (s.state === 'playing') playing++;
    for (const c of this.connections) queuedBytes += c.socket.writableLength;
    return { connections: this.connections.size, sessions: this.sessions.size, playing, rtpPackets: this.rtpPackets, rtpBytes: this.rtpBytes, droppedAccessUnits: this.droppedAccessUnits, queuedBytes };
  }

  // HandlerContext

  source(camera: string): RtspSource | undefined {
    return this.opts.source(camera);
  }

  session(id: string): RtspSession | undefined {
    return this.sessions.get(id);
  }

  sessionCount(): number {
    return this.sessions.size;
  }

  createSession(conn: RtspConnection, init: { camera: string; source: RtspSource; access: RtspAccessSession; grant: RtspGrant }): RtspSession {
    const id = randomBytes(8).toString('hex');
    const { grant, ...rest } = init;
    const bandwidth = this.access.bandwidth;
    const budget = bandwidth ? { bandwidth, partnerId: grant.partnerId, capBytesPerSec: bandwidthCapOf(grant) } : undefined;
    const s = new RtspSession({ id, ...rest, budget, ip: conn.ip, connection: conn, host: this });
    if (s.closed) return s;
    this.sessions.set(id, s);
    conn.sessions.add(s);
    this.log.info({ session: id, camera: init.camera, ip: conn.ip, access: init.access.id }, 'rtsp session started');
    return s;
  }

  // ConnectionHost

  handle(conn: RtspConnection, req: RtspRequest): Promise<Reply> {
    if (conn.refused) return Promise.resolve({ status: 503, headers: [['Retry-After', '5']], close: true });
    return handleRequest(this, conn, req);
  }

  interleaved(conn: RtspConnection): void {
    // RTCP receiver reports (or anything) from the client: it is alive.
    for (const s of conn.sessions) s.touch();
  }

  connectionClosed(conn: RtspConnection, reason: string): void {
    this.connections.delete(conn);
    for (const s of [...conn.sessions]) {
      conn.sessions.delete(s);
      if (s.connection === conn) s.connection = null;
      // Interleaved media dies with its connection; a UDP session may outlive it (RFC 2326).
      if (s.transport !== 'udp') s.close(reason);
    }
    conn.grants.clear();
    this.log.debug({ conn: conn.id, ip: conn.ip, reason }, 'rtsp connection closed');
  }

  // SessionHost

  counted(packets: number, bytes: number): void {
    this.rtpPackets += packets;
    this.rtpBytes += bytes;
  }

  dropped(): void {
    this.droppedAccessUnits++;
  }

  closed(session: RtspSession): void {
    this.sessions.delete(session.id);
    session.connection?.sessions.delete(session);
  }

  private accept(socket: Socket): void {
    const conn = new RtspConnection(this.nextConnId++, socket, this);
    this.connections.add(conn);
    const limiter = this.access.connections;
    if (!limiter) return;
    const release = limiter.acquire(conn.ip);
    if (release) conn.onClose = release;
    else {
      conn.refused = true;
      void Promise.resolve(this.access.record?.({ protocol: 'rtsp', ip: conn.ip, result: 'deny', code: 'too_many_connections', reason: 'connection limit per address' })).catch(() => {});
    }
  }

  private tick(): void {
    const now = this.now();
    for (const s of [...this.sessions.values()]) s.tick(now, this.sessionTimeoutSec * 1000);
    for (const c of [...this.connections]) {
      const streaming = [...c.sessions].some((s) => s.state === 'playing' && s.transport === 'tcp');
      if (!streaming && now - c.lastActivity > this.idleTimeoutMs) c.destroy('idle');
    }
  }
}

/** The grant's bandwidth cap in bytes/s (the access plane's limits.bandwidthBytesPerSec),
 *  or null when the partner has none. */
function bandwidthCapOf(grant: RtspGrant): number | null {
  const limits = grant.limits as { bandwidthBytesPerSec?: unknown } | null | undefined;
  const cap = limits?.bandwidthBytesPerSec;
  return typeof cap === 'number' && cap > 0 ? cap : null;
}
