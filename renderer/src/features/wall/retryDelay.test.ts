import { describe, expect, it } from 'vitest';
import { playerRetryDelay } from './retryDelay';

describe('player retry delay', () => {
  const middle = () => 0.5;

  it('doubles from one second and stops growing at ten', () => {
    expect([1, 2, 3, 4, 5, 10].map((attempt) => playerRetryDelay(attempt, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('spreads retries by at most a fifth either way', () => {
    expect(playerRetryDelay(1, () => 0)).toBe(800);
    expect(playerRetryDelay(1, () => 1)).toBe(1_200);
  });
});
