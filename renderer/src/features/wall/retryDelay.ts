/** Delay before re-attaching a player after a failed start, attempt counting from 1:
 *  1 s, 2 s, 4 s … capped at 10 s, with ±20 % jitter so a wall of tiles does not hit the
 *  core in lock-step after it restarts. */
export function playerRetryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  const jitter = 0.8 + 0.4 * random();
  return Math.round(base * jitter);
}
