import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatRate, formatTraffic } from './format';

describe('console formatting', () => {
  it('says durations the short way', () => {
    expect([5, 90, 3600, 3900, 90_000, 86_400].map(formatDuration)).toEqual(['5 s', '1 min', '1 h', '1 h 5 min', '1 d 1 h', '1 d']);
    expect(formatDuration(-1)).toBe('—');
  });

  it('says how long ago, coarsely', () => {
    const now = new Date('2024-10-01T12:00:00Z');
    expect(formatAgo('2024-10-01T11:59:50Z', now)).toBe('just now');
    expect(formatAgo('2024-10-01T11:56:00Z', now)).toBe('4 min ago');
    expect(formatAgo('2024-10-01T08:50:00Z', now)).toBe('3 h ago');
  });

  it('counts traffic and rates in decimal units', () => {
    expect([0, 999, 1500, 12_345_678, 2e12].map(formatTraffic)).toEqual(['0 B', '999 B', '1.5 kB', '12 MB', '2.0 TB']);
    expect([0, 850_000, 12_500_000].map(formatRate)).toEqual(['0 b/s', '850 kb/s', '12.5 Mb/s']);
  });
});
