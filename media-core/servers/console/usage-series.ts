import type { AuditSessionRow } from '../../contracts/audit';
import type { PartnerUsageTotal, UsagePoint } from '../../contracts/usage';

export type UsageSession = Pick<AuditSessionRow, 'partnerId' | 'startedAt' | 'lastSeenAt' | 'endedAt' | 'bytes'>;

export interface UsageRange {
  from: number;
  to: number;
  /** A running session counts up to now. */
  now: number;
}

/** When a session started and stopped carrying bytes, in ms. */
function lifetime(s: UsageSession, now: number): { start: number; end: number } {
  const start = Date.parse(s.startedAt);
  const last = s.endedAt ?? s.lastSeenAt;
  const end = last === null ? now : Date.parse(last);
  return { start, end: Math.max(end, start) };
}

/** The share of a session's bytes that falls within [a, b): bytes are spread evenly over
 *  its life (the audit trail keeps totals, not a rate history). */
function bytesWithin(s: UsageSession, life: { start: number; end: number }, a: number, b: number): number {
  const overlap = Math.min(b, life.end) - Math.max(a, life.start);
  if (life.end === life.start) return life.start >= a && life.start < b ? s.bytes : 0;
  return overlap <= 0 ? 0 : (s.bytes * overlap) / (life.end - life.start);
}

/** Buckets of `bucketMs` from `from` to `to`: bytes delivered and sessions running in each. */
export function usageSeries(sessions: readonly UsageSession[], range: UsageRange, bucketMs: number): UsagePoint[] {
  const count = Math.max(1, Math.ceil((range.to - range.from) / bucketMs));
  const bytes = new Float64Array(count);
  const running = new Uint32Array(count);
  for (const s of sessions) {
    const life = lifetime(s, range.now);
    if (life.end < range.from || life.start >= range.to) continue;
    const first = Math.max(0, Math.floor((life.start - range.from) / bucketMs));
    // A session ending exactly on a bucket's start does not run in that bucket.
    const lastMoment = life.end > life.start ? life.end - 1 : life.end;
    const last = Math.min(count - 1, Math.floor((Math.min(lastMoment, range.to - 1) - range.from) / bucketMs));
    for (let i = first; i <= last; i++) {
      const a = range.from + i * bucketMs;
      bytes[i]! += bytesWithin(s, life, a, a + bucketMs);
      running[i]! += 1;
    }
  }
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(range.from + i * bucketMs).toISOString(),
    bytes: Math.round(bytes[i]!),
    sessions: running[i]!,
  }));
}

/** Bytes within the range and sessions overlapping it, per partner, biggest first. */
export function usageTotals(sessions: readonly UsageSession[], range: UsageRange): PartnerUsageTotal[] {
  const totals = new Map<string, PartnerUsageTotal>();
  for (const s of sessions) {
    const life = lifetime(s, range.now);
    if (life.end < range.from || life.start >= range.to) continue;
    const t = totals.get(s.partnerId) ?? { partnerId: s.partnerId, bytes: 0, sessions: 0 };
    t.bytes += bytesWithin(s, life, range.from, range.to);
    t.sessions += 1;
    totals.set(s.partnerId, t);
  }
  return [...totals.values()].map((t) => ({ ...t, bytes: Math.round(t.bytes) })).sort((a, b) => b.bytes - a.bytes);
}

/** A bucket giving about 120 points, in whole minutes (at least 1), unless asked. */
export function bucketFor(rangeMs: number, askedSec: number | undefined, maxPoints: number): number {
  const minimum = Math.ceil(rangeMs / maxPoints);
  if (askedSec !== undefined) return Math.max(askedSec * 1000, minimum);
  return Math.max(60_000, Math.ceil(rangeMs / 120 / 60_000) * 60_000, minimum);
}
