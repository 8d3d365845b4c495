import { randomBytes } from 'node:crypto';
import type { SessionEndReason } from '../contracts/audit';
import type { SessionView } from '../contracts/partners';
import type { AccessAllow, AccessAuditSink, AccessDeny, AccessRequest, SessionHandle } from './types';

interface Entry {
  id: string;
  /** Request-based protocols (HLS) find their session again by this key. */
  key: string | null;
  partnerId: string;
  partnerName: string;
  tokenId: string | null;
  method: string;
  camera: string;
  protocol: AccessRequest['protocol'];
  ip: string;
  userAgent: string | null;
  startedAt: number;
  lastSeenAt: number;
  bytes: number;
  requests: number;
  /** Bytes or requests changed since the audit trail last heard of them. */
  dirty: boolean;
  /** A JWT session ends when its token does. */
  expiresAt: number | null;
  closed: boolean;
  listeners: ((reason: SessionEndReason) => void)[];
}

export type SessionOpenResult = { ok: true; entry: Entry; handle: SessionHandle; started: boolean } | AccessDeny;

/**
 * The viewing sessions running now, across every protocol. Limits per partner and per
 * address are enforced when a session opens; the access plane ends sessions whose
 * access is gone. Each session is one row in the audit trail: opened, progressed in
 * batches (bytes, requests, last seen) and closed with its reason.
 */
export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Entry>();
  private readonly perPartner = new Map<string, number>();
  private readonly perIp = new Map<string, number>();

  constructor(
    private readonly sink: AccessAuditSink | null,
    private readonly now: () => number,
  ) {}

  static keyOf(d: AccessAllow, req: AccessRequest, ip: string): string {
    return `${req.protocol}|${d.partnerId}|${d.tokenId ?? d.method}|${req.camera}|${ip}`;
  }

  /** The running session for `key`, counted as one more request. */
  touch(key: string): { entry: Entry; handle: SessionHandle } | undefined {
    const e = this.byKey.get(key);
    if (!e || e.closed) return undefined;
    e.requests++;
    e.lastSeenAt = this.now();
    e.dirty = true;
    return { entry: e, handle: this.handle(e) };
  }

  open(d: AccessAllow, req: AccessRequest, ip: string, key: string | null, expiresAt: number | null): SessionOpenResult {
    if (key && ((this.perPartner.get(d.partnerId) ?? 0) >= d.limits.maxSessions || (this.perIp.get(ip) ?? 0) >= d.limits.connectionsPerIp)) {
      this.supersede(d.partnerId, req, ip);
    }
    const partnerCount = this.perPartner.get(d.partnerId) ?? 0;
    if (partnerCount >= d.limits.maxSessions) {
      return { ok: false, status: 429, code: 'max_sessions', reason: `partner has ${partnerCount} of ${d.limits.maxSessions} sessions`, retryAfterSec: 10, partnerId: d.partnerId, tokenId: d.tokenId };
    }
    const ipCount = this.perIp.get(ip) ?? 0;
    if (ipCount >= d.limits.connectionsPerIp) {
      return { ok: false, status: 429, code: 'too_many_connections', reason: `${ip} has ${ipCount} of ${d.limits.connectionsPerIp} sessions`, retryAfterSec: 10, partnerId: d.partnerId, tokenId: d.tokenId };
    }
    const at = this.now();
    const e: Entry = {
      id: `ses_${randomBytes(9).toString('base64url')}`,
      key,
      partnerId: d.partnerId,
      partnerName: d.partnerName,
      tokenId: d.tokenId ?? null,
      method: d.method,
      camera: req.camera,
      protocol: req.protocol,
      ip,
      userAgent: req.userAgent ?? null,
      startedAt: at,
      lastSeenAt: at,
      bytes: 0,
      requests: 1,
      dirty: false,
      expiresAt,
      closed: false,
      listeners: [],
    };
    this.entries.set(e.id, e);
    if (key) this.byKey.set(key, e);
    this.perPartner.set(d.partnerId, partnerCount + 1);
    this.perIp.set(ip, ipCount + 1);
    return { ok: true, entry: e, handle: this.handle(e), started: true };
  }

  /** At a limit, a player that refreshed its token (same partner, camera and address,
   *  new credential) replaces its own older session instead of being refused until the
   *  old one idles out. */
  private supersede(partnerId: string, req: AccessRequest, ip: string): void {
    let oldest: Entry | undefined;
    for (const e of this.entries.values()) {
      if (e.key === null || e.partnerId !== partnerId || e.camera !== req.camera || e.ip !== ip || e.protocol !== req.protocol) continue;
      if (!oldest || e.lastSeenAt < oldest.lastSeenAt) oldest = e;
    }
    if (oldest) this.end(oldest, 'superseded');
  }

  /** Durable once the promise resolves (the session row is committed). */
  recordStart(e: Entry): Promise<void> {
    return (
      this.sink?.sessionStarted({
        id: e.id,
        partnerId: e.partnerId,
        partnerName: e.partnerName,
        tokenId: e.tokenId,
        method: e.method,
        camera: e.camera,
        protocol: e.protocol,
        ip: e.ip,
        userAgent: e.userAgent,
        startedAt: e.startedAt,
      }) ?? Promise.resolve()
    );
  }

  end(e: Entry, reason: SessionEndReason): void {
    if (e.closed) return;
    e.closed = true;
    this.entries.delete(e.id);
    if (e.key && this.byKey.get(e.key) === e) this.byKey.delete(e.key);
    decrement(this.perPartner, e.partnerId);
    decrement(this.perIp, e.ip);
    this.sink?.sessionEnded(progress(e), this.now(), reason);
    for (const l of e.listeners.splice(0)) {
      try {
        l(reason);
      } catch {
        // A protocol's termination callback must not stop the others.
      }
    }
  }

  /** Ends every session for which `reasonFor` names a reason. */
  endWhere(reasonFor: (e: Readonly<Entry>) => SessionEndReason | null): number {
    let n = 0;
    for (const e of [...this.entries.values()]) {
      const reason = reasonFor(e);
      if (reason) {
        this.end(e, reason);
        n++;
      }
    }
    return n;
  }

  /** Ends request-based sessions idle for `idleMs`; reports progress of the others. */
  sweep(idleMs: number): void {
    const at = this.now();
    this.endWhere((e) => (e.key !== null && at - e.lastSeenAt >= idleMs ? 'idle' : null));
    for (const e of this.entries.values()) {
      if (!e.dirty) continue;
      e.dirty = false;
      this.sink?.sessionProgress(progress(e));
    }
  }

  get(id: string): Readonly<Entry> | undefined {
    return this.entries.get(id);
  }

  count(): number {
    return this.entries.size;
  }

  list(): SessionView[] {
    return [...this.entries.values()].map((e) => ({
      id: e.id,
      partnerId: e.partnerId,
      partnerName: e.partnerName,
      tokenId: e.tokenId,
      method: e.method,
      camera: e.camera,
      protocol: e.protocol,
      ip: e.ip,
      userAgent: e.userAgent,
      startedAt: new Date(e.startedAt).toISOString(),
      bytes: e.bytes,
      requests: e.requests,
    }));
  }

  private handle(e: Entry): SessionHandle {
    return {
      id: e.id,
      partnerId: e.partnerId,
      camera: e.camera,
      addBytes: (n) => {
        e.bytes += n;
        e.lastSeenAt = this.now();
        e.dirty = true;
      },
      close: (reason = 'closed') => this.end(e, reason),
      onTerminate: (cb) => {
        if (e.closed) cb('closed');
        else e.listeners.push(cb);
      },
      get closed() {
        return e.closed;
      },
    };
  }
}

function progress(e: Entry) {
  return { id: e.id, bytes: e.bytes, requests: e.requests, lastSeenAt: e.lastSeenAt };
}

function decrement(m: Map<string, number>, k: string): void {
  const n = (m.get(k) ?? 1) - 1;
  if (n <= 0) m.delete(k);
  else m.set(k, n);
}
