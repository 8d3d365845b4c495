export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, factor: 2 };

/** Exponential retry delays: initial, initial×factor, … capped at max; reset after a healthy run. */
export class Backoff {
  private attempt = 0;

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** The delay before the next retry; each call lengthens the following one. */
  next(): number {
    const delay = Math.min(this.policy.initialMs * this.policy.factor ** this.attempt, this.policy.maxMs);
    this.attempt += 1;
    return delay;
  }

  /** The longest delay, for failures a quick retry will not fix. */
  capped(): number {
    this.attempt += 1;
    return this.policy.maxMs;
  }

  reset(): void {
    this.attempt = 0;
  }
}
