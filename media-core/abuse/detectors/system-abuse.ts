import type { AccessEvent, DenyCode } from '../../contracts/audit';
import type { Detector, DetectorContext, Finding } from '../types';
import { BoundedMap, MinuteCounter, TimeWindow } from '../windows';

/** Denials that mean "wrong or stale credentials". Not: rate limits, blocks, suspended
 *  partners, ungranted cameras (their own detector) or full session slots. */
export const AUTH_FAILURE_CODES: ReadonlySet<string> = new Set<DenyCode>([
  'no_credentials',
  'token_unknown',
  'token_expired',
  'token_revoked',
  'token_ip_mismatch',
  'jwt_invalid',
  'jwt_expired',
  'api_credentials_invalid',
  'srt_key_invalid',
  'ip_not_allowed',
]);

const REPORT_EVERY_MS = 60_000;

/** A new connection: a session opened, or any attempt of a long-lived protocol. */
const isConnection = (e: AccessEvent) => (e.result === 'allow' && e.sessionStart) || (e.result === 'deny' && e.kind === 'session');

/**
 * System abuse: more than N authentication failures a minute (per address and per
 * partner), a connection rate above N a minute for several whole minutes in a row, and
 * repeated attempts at cameras the partner was not granted.
 */
export class SystemAbuseDetector implements Detector {
  readonly name = 'system-abuse';
  private readonly failures = new BoundedMap<string, TimeWindow<AccessEvent>>(20_000);
  private readonly connections = new BoundedMap<string, { minutes: MinuteCounter; recent: AccessEvent[] }>(20_000);
  private readonly ungranted = new BoundedMap<string, TimeWindow<AccessEvent>>(20_000);
  private readonly reported = new BoundedMap<string, number>(20_000);

  onAccess(e: AccessEvent, ctx: DetectorContext): Finding[] {
    const out: Finding[] = [];
    if (e.result === 'deny' && AUTH_FAILURE_CODES.has(e.code) && ctx.settings.authFailures.enabled) {
      out.push(...this.authFailure(`ip:${e.ip}`, e, ctx, true));
      if (e.partnerId) out.push(...this.authFailure(`partner:${e.partnerId}`, e, ctx, false));
    }
    if (e.result === 'deny' && e.code === 'camera_not_granted' && ctx.settings.ungrantedCamera.enabled) {
      const f = this.ungrantedCamera(e, ctx);
      if (f) out.push(f);
    }
    if (isConnection(e) && ctx.settings.connectionRate.enabled) {
      const f = this.connectionRate(e, ctx);
      if (f) out.push(f);
    }
    return out;
  }

  tick(now: number): Finding[] {
    for (const [k, at] of this.reported) if (now - at > REPORT_EVERY_MS) this.reported.delete(k);
    for (const [k, w] of this.failures) if (w.count(now) === 0) this.failures.delete(k);
    for (const [k, w] of this.ungranted) if (w.count(now) === 0) this.ungranted.delete(k);
    for (const [k, c] of this.connections) {
      const newest = c.minutes.newestMinute();
      if (newest === null || newest < Math.floor(now / 60_000) - 60) this.connections.delete(k);
    }
    return [];
  }

  private authFailure(subject: string, e: AccessEvent, ctx: DetectorContext, byIp: boolean): Finding[] {
    const s = ctx.settings.authFailures;
    const w = this.failures.upsert(subject, () => new TimeWindow<AccessEvent>(() => 60_000, 500));
    w.add(e.at, e);
    const n = w.count(e.at);
    if (n <= s.maxPerMinute || !this.due(`auth:${subject}`, e.at)) return [];
    const who = byIp ? `from ${e.ip}` : `for partner ${e.partnerName ?? e.partnerId}`;
    const codes = [...new Set(w.values(e.at).map((x) => x.code))].join(', ');
    return [
      {
        ...this.base('auth_failures', subject, e, byIp),
        summary: `${n} authentication failures within a minute ${who} (limit ${s.maxPerMinute}; ${codes})`,
        metrics: { failuresPerMinute: n, limit: s.maxPerMinute, codes, scope: byIp ? 'address' : 'partner' },
        evidence: w.values(e.at).slice(-20),
      },
    ];
  }

  private ungrantedCamera(e: AccessEvent, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.ungrantedCamera;
    const subject = e.partnerId ? `partner:${e.partnerId}|${e.ip}` : `ip:${e.ip}`;
    const w = this.ungranted.upsert(subject, () => new TimeWindow<AccessEvent>(() => s.windowMinutes * 60_000, 200));
    w.add(e.at, e);
    const n = w.count(e.at);
    if (n <= s.maxAttempts || !this.due(`ungranted:${subject}`, e.at)) return null;
    const cams = [...new Set(w.values(e.at).map((x) => x.camera ?? '?'))];
    return {
      ...this.base('ungranted_camera', subject, e, !e.partnerId),
      summary: `${n} attempts within ${s.windowMinutes} min at cameras not granted (${cams.slice(0, 8).join(', ')}) from ${e.ip}${e.partnerId ? ` by partner ${e.partnerName ?? e.partnerId}` : ''} (limit ${s.maxAttempts})`,
      metrics: { attempts: n, limit: s.maxAttempts, cameras: cams.join(', '), windowMinutes: s.windowMinutes },
      evidence: w.values(e.at).slice(-20),
    };
  }

  private connectionRate(e: AccessEvent, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.connectionRate;
    const subject = `ip:${e.ip}`;
    const c = this.connections.upsert(subject, () => ({ minutes: new MinuteCounter(), recent: [] }));
    c.minutes.add(e.at);
    c.recent.push(e);
    if (c.recent.length > 20) c.recent.shift();
    const minutes = c.minutes.last(e.at, s.sustainedMinutes);
    if (minutes.some((n) => n <= s.maxPerMinute) || !this.due(`conn:${subject}`, e.at)) return null;
    return {
      ...this.base('connection_rate', subject, e, true),
      summary: `${minutes.join(', ')} new connections in each of the last ${s.sustainedMinutes} minutes from ${e.ip} (limit ${s.maxPerMinute} a minute, sustained)`,
      metrics: { perMinute: minutes.join(', '), limit: s.maxPerMinute, minutes: s.sustainedMinutes },
      evidence: c.recent.slice(),
    };
  }

  private due(key: string, at: number): boolean {
    const last = this.reported.get(key);
    if (last !== undefined && at - last < REPORT_EVERY_MS) return false;
    this.reported.set(key, at);
    return true;
  }

  private base(detector: Finding['detector'], subject: string, e: AccessEvent, blockIp: boolean): Omit<Finding, 'summary' | 'metrics' | 'evidence'> {
    return { detector, at: e.at, subject, partnerId: e.partnerId, partnerName: e.partnerName, camera: e.camera, ip: e.ip, tokenId: e.tokenId, method: e.method, blockIp };
  }
}
