/** Token-bucket rate limiter keyed by client (IP, partner, token id...).
 *  `ratePerSec` tokens refill continuously up to `burst`; each request takes one.
 *  Idle keys are swept so a scan from many addresses cannot grow memory forever. */
export interface BucketDecision {
  allowed: boolean;
  /** Seconds until one token is available again (for Retry-After). */
  retryAfterSec: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string): BucketDecision {
    const t = this.now();
    this.sweep(t);
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    // A clock that steps back (NTP, a test's clock) must not drain the bucket.
    b.tokens = Math.min(this.burst, b.tokens + (Math.max(0, t - b.at) / 1000) * this.ratePerSec);
    b.at = Math.max(t, b.at);
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, retryAfterSec: 0 };
    }
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / this.ratePerSec)) };
  }

  private sweep(t: number): void {
    if (t - this.lastSweep < 10_000 && this.buckets.size < this.maxKeys) return;
    this.lastSweep = t;
    const fullAfterMs = (this.burst / this.ratePerSec) * 1000;
    for (const [k, b] of this.buckets) if (t - b.at > fullAfterMs) this.buckets.delete(k);
    // Under a flood of distinct keys, forget the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxKeys) {
      const first = this.buckets.keys().next().value;
      if (first === undefined) break;
      this.buckets.delete(first);
    }
  }
}
