import { describe, expect, it } from 'vitest';
import { DEFAULT_ABUSE_SETTINGS } from '../contracts/alerts';
import type { PartnerLadderRow } from '../db/repos/abuse-state';
import { effectiveLevel, nextLevel } from './ladder';

const esc = DEFAULT_ABUSE_SETTINGS.escalation;
const MIN = 60_000;
const row = (level: 0 | 1 | 2 | 3 | 4, lastEscalatedAt: number | null, lastFindingAt = lastEscalatedAt): PartnerLadderRow => ({
  partnerId: 'p',
  partnerName: 'P',
  level,
  since: 0,
  lastFindingAt,
  lastEscalatedAt,
  throttle: level >= 2 ? 0.5 : 1,
});

describe('the response ladder', () => {
  it('starts a partner at its detector’s level and moves a repeat one level up', () => {
    expect(nextLevel(undefined, 0, 1, 0, esc)).toBe(1);
    expect(nextLevel(undefined, 0, 2, 0, esc)).toBe(2);
    expect(nextLevel(row(1, 0), 1, 1, 11 * MIN, esc)).toBe(2);
    expect(nextLevel(row(2, 0), 2, 1, 11 * MIN, esc)).toBe(3);
  });

  it('escalates once however many detectors fire within the gap', () => {
    expect(nextLevel(row(1, 0), 1, 1, 5 * MIN, esc)).toBe(1);
    // A detector that starts higher still takes the partner to its level.
    expect(nextLevel(row(1, 0), 1, 2, 5 * MIN, esc)).toBe(2);
  });

  it('stops automatic responses at suspension: terminating is an operator’s decision', () => {
    expect(nextLevel(row(3, 0), 3, 1, 60 * MIN, esc)).toBe(3);
    expect(nextLevel(undefined, 0, 4, 0, esc)).toBe(3);
    expect(nextLevel(row(3, 0), 3, 1, 60 * MIN, { ...esc, maxAutoLevel: 4 })).toBe(4);
  });

  it('never moves on an alert-only detector (start level 0)', () => {
    expect(nextLevel(row(2, 0), 2, 0, 60 * MIN, esc)).toBe(2);
    expect(nextLevel(undefined, 0, 0, 0, esc)).toBe(0);
  });

  it('forgets a warning after a quiet day, but not a throttle; honours a reinstatement made elsewhere', () => {
    expect(effectiveLevel(row(1, 0), 23 * 60 * MIN, esc, 'active')).toBe(1);
    expect(effectiveLevel(row(1, 0), 25 * 60 * MIN, esc, 'active')).toBe(0);
    expect(effectiveLevel(row(2, 0), 30 * 24 * 60 * MIN, esc, 'active')).toBe(2);
    expect(effectiveLevel(row(3, 0), MIN, esc, 'suspended')).toBe(3);
    expect(effectiveLevel(row(3, 0), MIN, esc, 'active')).toBe(1);
    expect(effectiveLevel(undefined, 0, esc, null)).toBe(0);
  });
});
