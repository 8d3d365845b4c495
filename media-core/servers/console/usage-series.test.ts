import { describe, expect, it } from 'vitest';
import { bucketFor, usageSeries, usageTotals, type UsageSession } from './usage-series';

const T0 = Date.parse('2024-10-01T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const session = (partnerId: string, start: number, end: number | null, bytes: number, lastSeen: number | null = null): UsageSession => ({
  partnerId,
  startedAt: at(start),
  endedAt: end === null ? null : at(end),
  lastSeenAt: lastSeen === null ? null : at(lastSeen),
  bytes,
});
const range = { from: T0, to: T0 + 4 * 60_000, now: T0 + 4 * 60_000 };

describe('partner usage series', () => {
  it('spreads a session’s bytes evenly over the buckets it ran in, and counts it in each', () => {
    const points = usageSeries([session('p', 1, 3, 1200)], range, 60_000);
    expect(points.map((p) => [p.at, p.bytes, p.sessions])).toEqual([
      [at(0), 0, 0],
      [at(1), 600, 1],
      [at(2), 600, 1],
      [at(3), 0, 0],
    ]);
  });

  it('counts concurrent sessions, and runs an open session up to its last activity or now', () => {
    const points = usageSeries([session('p', 0, null, 400, 2), session('p', 0, null, 400)], range, 60_000);
    expect(points.map((p) => p.sessions)).toEqual([2, 2, 1, 1]);
    expect(points.map((p) => p.bytes)).toEqual([300, 300, 100, 100]);
  });

  it('keeps only the part of a session inside the range', () => {
    const points = usageSeries([session('p', -2, 2, 4000)], range, 120_000);
    expect(points.map((p) => [p.bytes, p.sessions])).toEqual([
      [2000, 1],
      [0, 0],
    ]);
  });

  it('totals each partner over the range, biggest first', () => {
    const totals = usageTotals([session('a', 0, 1, 10), session('b', 0, 2, 500), session('a', 2, 3, 20), session('c', -10, -5, 99)], range);
    expect(totals).toEqual([
      { partnerId: 'b', bytes: 500, sessions: 1 },
      { partnerId: 'a', bytes: 30, sessions: 2 },
    ]);
  });

  it('picks whole-minute buckets for about 120 points unless asked, never above the point limit', () => {
    expect(bucketFor(86_400_000, undefined, 1000)).toBe(12 * 60_000);
    expect(bucketFor(3_600_000, undefined, 1000)).toBe(60_000);
    expect(bucketFor(3_600_000, 300, 1000)).toBe(300_000);
    expect(bucketFor(86_400_000, 10, 1000)).toBe(86_400);
  });
});
