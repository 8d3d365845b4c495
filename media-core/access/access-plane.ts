import type { AccessEvent, AuditProtocol, SessionEndReason } from '../contracts/audit';
import { DEFAULT_ACCESS_LIMITS, type AccessLimits, type SessionView } from '../contracts/partners';
import type { Logger } from '../log/logger';
import { AccessEvents, proxyHeaders } from './access-events';
import { BandwidthLimiter } from './bandwidth';
import { ConnectionLimiter } from './connection-limiter';
import { delayAfterFailure } from './failure-delay';
import { checkPartner, identify, type IdentifyDeps } from './identify';
import { normalizeIp } from './ip';
import type { JwtVerifier } from './jwt-verifier';
import type { PartnerDirectory } from './partner-directory';
import { SessionRegistry } from './sessions';
import type { TokenHasher } from './token-hasher';
import type { TokenStore } from './token-store';
import { TokenBucketLimiter, type BucketDecision } from './token-bucket';
import type { AccessAllow, AccessAuditSink, AccessDecision, AccessDeny, AccessGuard, AccessRequest, SessionOpen } from './types';

export interface AccessPlaneOptions {
  partners: PartnerDirectory;
  tokens: TokenStore;
  jwt: JwtVerifier;
  hasher: TokenHasher;
  log: Logger;
  sink?: AccessAuditSink | null;
  limits?: AccessLimits;
  now?: () => number;
  /** Unseals a partner's RTSP Digest HA1 (the core's secret box). */
  openDigestHa1?: (partnerId: string, sealed: string) => string | null;
  /** Wait after a refused credential (default: 250-400 ms). */
  failureDelay?: () => Promise<void>;
  /** How often running sessions are re-checked; default 1000 ms. */
  sweepMs?: number;
}

/**
 * The one place every protocol asks "may this client watch this camera now?".
 * authorize() decides per request; openSession()/touchSession() turn an allow into a
 * session with limits and accounting; the plane ends sessions whose access is gone
 * (revoked or expired token, suspended partner, end of access hours) on its own.
 */
export class AccessPlane {
  readonly events: AccessEvents;
  readonly bandwidth: BandwidthLimiter;
  readonly connections: ConnectionLimiter;
  private readonly sessions: SessionRegistry;
  private readonly guards = new Set<AccessGuard>();
  private readonly now: () => number;
  private readonly sink: AccessAuditSink | null;
  private readonly failureDelay: () => Promise<void>;
  private readonly ids: IdentifyDeps;
  private limitsNow: AccessLimits;
  private streamLimiter!: TokenBucketLimiter;
  private authLimiter!: TokenBucketLimiter;
  private timer: NodeJS.Timeout | undefined;
  private lastPurge = 0;

  constructor(private readonly o: AccessPlaneOptions) {
    this.now = o.now ?? Date.now;
    this.sink = o.sink ?? null;
    this.failureDelay = o.failureDelay ?? (() => delayAfterFailure());
    this.ids = { partners: o.partners, tokens: o.tokens, jwt: o.jwt, hasher: o.hasher, openDigestHa1: o.openDigestHa1 };
    this.events = new AccessEvents(o.log);
    this.bandwidth = new BandwidthLimiter(this.now);
    this.limitsNow = { ...DEFAULT_ACCESS_LIMITS, ...o.limits };
    this.connections = new ConnectionLimiter(() => this.limitsNow.connectionsPerIp);
    this.sessions = new SessionRegistry(this.sink, this.now);
    this.setLimits(this.limitsNow);
    // Revocation and partner changes end running sessions at once, not at the next sweep.
    o.tokens.onRevoked((t) => this.sessions.endWhere((e) => (e.tokenId === t.id ? 'token_revoked' : null)));
    o.partners.onChange((id) => this.revalidate((e) => e.partnerId === id));
  }

  limits(): AccessLimits {
    return { ...this.limitsNow };
  }

  setLimits(l: AccessLimits): void {
    this.limitsNow = { ...l };
    this.streamLimiter = new TokenBucketLimiter(l.segmentsPerSec, l.segmentBurst, this.now);
    this.authLimiter = new TokenBucketLimiter(l.authPerSec, l.authBurst, this.now);
  }

  start(): void {
    this.timer ??= setInterval(() => this.sweep(), this.o.sweepMs ?? 1000);
    this.timer.unref();
  }

  /** Ends every session (the core is stopping). */
  stop(reason: SessionEndReason = 'core_stopped'): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sessions.endWhere(() => reason);
    this.o.tokens.flushUsage();
  }

  addGuard(guard: AccessGuard): () => void {
    this.guards.add(guard);
    return () => this.guards.delete(guard);
  }

  async authorize(req: AccessRequest): Promise<AccessDecision> {
    const at = this.now();
    const ip = normalizeIp(req.ip);
    for (const g of this.guards) {
      const d = g(req);
      if (d) return this.refuse(req, ip, at, d);
    }
    if (req.kind !== 'session') {
      const b = this.streamLimiter.take(ip);
      if (!b.allowed) {
        return this.refuse(req, ip, at, { ok: false, status: 429, code: 'rate_limited', reason: `over ${this.limitsNow.segmentsPerSec} stream requests/s`, retryAfterSec: b.retryAfterSec });
      }
    }
    const who = await identify(this.ids, req.credentials, ip, req.camera, at);
    if (!who.ok) return this.refuse(req, ip, at, who);
    const p = who.partner;
    const denied = checkPartner(p, req.camera, at, who.cameras);
    if (denied) return this.refuse(req, ip, at, { ...denied, tokenId: who.token?.id });
    if (who.token) this.o.tokens.noteUse(who.token, ip);
    const allow: AccessAllow = {
      ok: true,
      partnerId: p.id,
      partnerName: p.name,
      method: who.method,
      tokenId: who.token?.id,
      limits: {
        maxSessions: p.maxConnections,
        connectionsPerIp: p.connectionsPerIp ?? this.limitsNow.connectionsPerIp,
        bandwidthBytesPerSec: p.bandwidthBytesPerSec,
      },
      allowedOrigins: p.allowedOrigins,
    };
    // Token sessions follow the token (it may be extended); a JWT's exp is final.
    expiries.set(allow, who.method === 'jwt' ? who.expiresAt : null);
    this.events.publish(this.event(req, ip, at, allow, null, false));
    return allow;
  }

  /** A session for a long-lived connection (RTSP, RTMP, SRT). Resolves once its audit
   *  row is durable. */
  async openSession(d: AccessAllow, req: AccessRequest): Promise<SessionOpen> {
    return this.startSession(d, req, null);
  }

  /** The session of a request-based protocol (HLS): the running one for this partner,
   *  credential, camera and address, or a new one. Ends after `sessionIdleSec` without
   *  requests. */
  async touchSession(d: AccessAllow, req: AccessRequest): Promise<SessionOpen> {
    const ip = normalizeIp(req.ip);
    const key = SessionRegistry.keyOf(d, req, ip);
    const running = this.sessions.touch(key);
    if (running) return { ok: true, session: running.handle, started: false };
    return this.startSession(d, req, key);
  }

  /** Ends the sessions `select` picks, e.g. a camera blacked out by an operator. */
  terminateSessions(select: (s: { id: string; partnerId: string; camera: string; ip: string; protocol: string }) => boolean, reason: SessionEndReason): number {
    return this.sessions.endWhere((e) => (select(e) ? reason : null));
  }

  listSessions(): SessionView[] {
    return this.sessions.list();
  }

  /** The Access-Control-Allow-Origin for a partner's answer to a browser at `origin`. */
  corsOrigin(d: AccessAllow, origin: string | undefined): string | null {
    if (d.allowedOrigins.includes('*')) return '*';
    return origin && d.allowedOrigins.includes(origin) ? origin : null;
  }

  knownOrigin(origin: string): boolean {
    return this.o.partners.knownOrigin(origin);
  }

  /** Rate limit of authentication endpoints (the OTP API): 1/s with a burst of 5. */
  takeAuthRate(ip: string, userAgent?: string): BucketDecision {
    const b = this.authLimiter.take(normalizeIp(ip));
    if (!b.allowed) void this.record({ protocol: 'api', ip, userAgent, result: 'deny', code: 'rate_limited', reason: 'auth endpoint rate limit' });
    return b;
  }

  /** Records a decision made outside authorize() (the OTP API's credential checks, the
   *  listener's connection cap). Resolves once the audit row is durable. */
  record(e: { protocol: AuditProtocol; ip: string; userAgent?: string | undefined; partnerId?: string | null; partnerName?: string | null; tokenId?: string | null; result: 'allow' | 'deny'; code: string; reason: string; kind?: string }): Promise<void> {
    const ev: AccessEvent = {
      at: this.now(),
      protocol: e.protocol,
      camera: null,
      ip: normalizeIp(e.ip),
      userAgent: e.userAgent ?? null,
      partnerId: e.partnerId ?? null,
      partnerName: e.partnerName ?? null,
      tokenId: e.tokenId ?? null,
      method: null,
      kind: e.kind ?? null,
      result: e.result,
      code: e.code,
      reason: e.reason,
      sessionId: null,
      sessionStart: false,
      headers: {},
    };
    this.events.publish(ev);
    return this.sink ? this.sink.decision(ev).catch(() => undefined) : Promise.resolve();
  }

  private async startSession(d: AccessAllow, req: AccessRequest, key: string | null): Promise<SessionOpen> {
    const ip = normalizeIp(req.ip);
    const at = this.now();
    const r = this.sessions.open(d, req, ip, key, expiries.get(d) ?? null);
    if (!r.ok) return this.refuse(req, ip, at, r);
    const ev = this.event(req, ip, at, d, r.entry.id, true);
    this.events.publish(ev);
    // The session row and its allow are committed before the first byte is served.
    await Promise.all([this.sessions.recordStart(r.entry), this.sink?.decision(ev)]).catch(() => undefined);
    return { ok: true, session: r.handle, started: true };
  }

  private async refuse(req: AccessRequest, ip: string, at: number, d: AccessDeny): Promise<AccessDeny> {
    const ev = this.event(req, ip, at, d, null, false);
    this.events.publish(ev);
    const durable = this.sink ? this.sink.decision(ev).catch(() => undefined) : Promise.resolve();
    // Guessing stays slow; a rate-limit answer is cheap on purpose (no timer per flood request).
    await Promise.all([durable, d.status === 429 ? undefined : this.failureDelay()]);
    return d;
  }

  private event(req: AccessRequest, ip: string, at: number, d: AccessDecision, sessionId: string | null, sessionStart: boolean): AccessEvent {
    const partner = d.partnerId ? this.o.partners.get(d.partnerId) : undefined;
    return {
      at,
      protocol: req.protocol,
      camera: req.camera,
      ip,
      userAgent: req.userAgent ?? null,
      partnerId: d.partnerId ?? null,
      partnerName: partner?.name ?? null,
      tokenId: d.tokenId ?? null,
      method: d.ok ? d.method : null,
      kind: req.kind ?? null,
      result: d.ok ? 'allow' : 'deny',
      code: d.ok ? 'ok' : d.code,
      reason: d.ok ? 'allowed' : d.reason,
      sessionId,
      sessionStart,
      headers: proxyHeaders(req.headers),
    };
  }

  private revalidate(select: (e: { partnerId: string }) => boolean): void {
    const at = this.now();
    this.sessions.endWhere((e) => {
      if (!select(e)) return null;
      const p = this.o.partners.get(e.partnerId);
      if (!p) return 'partner_removed';
      const denied = checkPartner(p, e.camera, at);
      if (denied) return denied.code;
      if (e.tokenId) {
        const t = this.o.tokens.get(e.tokenId);
        const status = t ? this.o.tokens.status(t, at) : 'revoked';
        if (status !== 'active') return status === 'revoked' ? 'token_revoked' : 'token_expired';
        if (t?.cameras && !t.cameras.includes(e.camera)) return 'camera_not_granted';
      }
      if (e.expiresAt !== null && e.expiresAt <= at) return 'token_expired';
      if (e.method === 'ip' && (!p.auth.has('ip') || !p.allowList.has(e.ip))) return 'ip_not_allowed';
      return null;
    });
  }

  private sweep(): void {
    const at = this.now();
    for (const p of this.o.partners.all()) {
      if (p.autoRevoke && p.validUntilMs !== null && at >= p.validUntilMs) this.o.tokens.revokeAllOf(p.id);
    }
    this.revalidate(() => true);
    this.sessions.sweep(this.limitsNow.sessionIdleSec * 1000);
    this.o.tokens.flushUsage();
    if (at - this.lastPurge > 10 * 60_000) {
      this.lastPurge = at;
      this.o.tokens.purge();
    }
  }

  /** For tests with an injected clock: one sweep now. */
  sweepNow(): void {
    this.sweep();
  }
}

/** The credential's own end (JWT exp, token expiry) travels with the decision without
 *  being part of its public shape. */
const expiries = new WeakMap<AccessAllow, number | null>();
