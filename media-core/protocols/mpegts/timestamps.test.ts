import { describe, expect, it } from 'vitest';
import { ptsDelta, PTS_WRAP, TimestampUnwrapper } from './timestamps';

describe('33-bit timestamps', () => {
  it('measures differences the short way round the wrap', () => {
    expect(ptsDelta(3000, 0)).toBe(3000);
    expect(ptsDelta(0, 3000)).toBe(-3000);
    expect(ptsDelta(100, PTS_WRAP - 200)).toBe(300);
    expect(ptsDelta(PTS_WRAP - 200, 100)).toBe(-300);
  });

  it('unwraps into a line that keeps rising past 2^33, tolerating small steps back', () => {
    const u = new TimestampUnwrapper();
    const got = [PTS_WRAP - 6000, PTS_WRAP - 3000, 0, 3000, 1500].map((t) => u.unwrap(t));
    expect(got).toEqual([PTS_WRAP - 6000, PTS_WRAP - 3000, PTS_WRAP, PTS_WRAP + 3000, PTS_WRAP + 1500]);
    u.reset();
    expect(u.unwrap(42)).toBe(42);
  });
});
