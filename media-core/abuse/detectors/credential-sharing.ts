import type { AccessEvent } from '../../contracts/audit';
import type { Detector, DetectorContext, Finding } from '../types';
import { BoundedMap, keepEvidence } from '../windows';

interface TokenUse {
  ips: Map<string, { lastAt: number; first: AccessEvent }>;
}

interface SessionUa {
  ua: string;
  lastAt: number;
  evidence: AccessEvent[];
}

/** How long without a request before a request-based session (HLS) counts as ended;
 *  the access plane uses the same idea to end them. */
const SESSION_GAP_MS = 30_000;

const sessionKey = (e: AccessEvent) => `${e.protocol}|${e.partnerId}|${e.tokenId ?? e.method}|${e.camera}|${e.ip}`;

/**
 * Credential sharing: one token from more than N distinct addresses within the window,
 * and a user agent that changes in the middle of a session (same credential, camera and
 * address with no pause). A finding is made when a new address crosses the limit, not
 * on every later request.
 */
export class CredentialSharingDetector implements Detector {
  readonly name = 'credential-sharing';
  private readonly tokens = new BoundedMap<string, TokenUse>(20_000);
  private readonly sessions = new BoundedMap<string, SessionUa>(20_000);

  onAccess(e: AccessEvent, ctx: DetectorContext): Finding[] {
    const out: Finding[] = [];
    if (e.result !== 'allow') return out;
    const ips = this.tokenIps(e, ctx);
    if (ips) out.push(ips);
    const ua = this.userAgent(e, ctx);
    if (ua) out.push(ua);
    return out;
  }

  tick(now: number, ctx: DetectorContext): Finding[] {
    const windowMs = ctx.settings.tokenManyIps.windowMinutes * 60_000;
    for (const [id, t] of this.tokens) {
      for (const [ip, u] of t.ips) if (now - u.lastAt > windowMs) t.ips.delete(ip);
      if (t.ips.size === 0) this.tokens.delete(id);
    }
    for (const [k, s] of this.sessions) if (now - s.lastAt > SESSION_GAP_MS) this.sessions.delete(k);
    return [];
  }

  private tokenIps(e: AccessEvent, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.tokenManyIps;
    if (!s.enabled || !e.tokenId) return null;
    const windowMs = s.windowMinutes * 60_000;
    const t = this.tokens.upsert(e.tokenId, () => ({ ips: new Map() }));
    const known = t.ips.get(e.ip);
    if (known) {
      known.lastAt = e.at;
      return null;
    }
    for (const [ip, u] of t.ips) if (e.at - u.lastAt > windowMs) t.ips.delete(ip);
    if (t.ips.size >= 1000) return null;
    t.ips.set(e.ip, { lastAt: e.at, first: e });
    if (t.ips.size <= s.maxIps) return null;
    const list = [...t.ips.keys()];
    return {
      detector: 'token_many_ips',
      at: e.at,
      subject: `token:${e.tokenId}`,
      partnerId: e.partnerId,
      partnerName: e.partnerName,
      camera: e.camera,
      ip: e.ip,
      tokenId: e.tokenId,
      method: e.method,
      summary: `Token ${e.tokenId} was used from ${list.length} addresses within ${s.windowMinutes} min (limit ${s.maxIps}): ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''}`,
      metrics: { distinctIps: list.length, limit: s.maxIps, windowMinutes: s.windowMinutes },
      evidence: [...t.ips.values()].slice(-20).map((u) => u.first),
    };
  }

  private userAgent(e: AccessEvent, ctx: DetectorContext): Finding | null {
    if (!ctx.settings.userAgentChanged.enabled || e.userAgent === null || !e.partnerId) return null;
    const key = sessionKey(e);
    const s = this.sessions.get(key);
    if (!s || e.at - s.lastAt > SESSION_GAP_MS) {
      this.sessions.set(key, { ua: e.userAgent, lastAt: e.at, evidence: [e] });
      return null;
    }
    s.lastAt = e.at;
    if (s.ua === e.userAgent) return null;
    const before = s.ua;
    keepEvidence(s.evidence, e, 10);
    s.ua = e.userAgent;
    return {
      detector: 'user_agent_changed',
      at: e.at,
      subject: `session:${key}`,
      partnerId: e.partnerId,
      partnerName: e.partnerName,
      camera: e.camera,
      ip: e.ip,
      tokenId: e.tokenId,
      method: e.method,
      summary: `User agent changed in the middle of a session on ${e.camera ?? 'a stream'} from ${e.ip}: "${clip(before)}" → "${clip(e.userAgent)}"`,
      metrics: { before: clip(before), after: clip(e.userAgent) },
      evidence: s.evidence.slice(),
    };
  }
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}...` : s);
