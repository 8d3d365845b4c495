import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles from the initial delay up to the cap', () => {
    const backoff = new Backoff({ initialMs: 1000, maxMs: 30_000, factor: 2 });
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.next())).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('starts over after a reset', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, factor: 3 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('gives the capped delay for failures a quick retry will not fix', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 });
    expect(backoff.capped()).toBe(1000);
    expect(backoff.next()).toBe(200);
  });
});
