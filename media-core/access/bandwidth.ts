import { Readable } from 'node:stream';

/**
 * Per-partner delivery pacing, shared by every protocol. A GCRA ("virtual scheduling")
 * bucket per key: each send reserves its bytes at the key's rate, and waits until its
 * slot comes, less a small burst tolerance. All of a partner's sessions share one key,
 * so the partner's total stays under its cap however many viewers it has. A runtime
 * multiplier (the abuse monitor's 50 % throttle) scales the rate without touching the
 * partner's configured cap.
 */
export class BandwidthLimiter {
  private readonly tat = new Map<string, number>();
  private readonly multipliers = new Map<string, number>();
  private readonly ceilings = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly burstMs = 50,
  ) {}

  setMultiplier(key: string, factor: number): void {
    if (!(factor > 0) || factor === 1) this.multipliers.delete(key);
    else this.multipliers.set(key, factor);
  }

  multiplier(key: string): number {
    return this.multipliers.get(key) ?? 1;
  }

  /** A rate to pace a key at when it has no configured cap: a throttle on an uncapped
   *  partner scales the rate it was observed using. Null or <= 0 clears it. */
  setCeiling(key: string, bytesPerSec: number | null): void {
    if (bytesPerSec && bytesPerSec > 0) this.ceilings.set(key, bytesPerSec);
    else this.ceilings.delete(key);
  }

  ceiling(key: string): number | null {
    return this.ceilings.get(key) ?? null;
  }

  /** Milliseconds to wait before sending `bytes` for `key` at `bytesPerSec`. */
  reserve(key: string, bytesPerSec: number, bytes: number): number {
    const rate = bytesPerSec * this.multiplier(key);
    const t = this.now();
    const start = Math.max(this.tat.get(key) ?? t, t);
    this.tat.set(key, start + (bytes / rate) * 1000);
    if (this.tat.size > 10_000) this.sweep(t);
    return Math.max(0, start - t - this.burstMs);
  }

  /**
   * Whether `bytes` for `key` may go now, for live media that cannot wait (RTSP): true
   * books them like reserve() would; false books nothing, the caller drops them. The rate
   * is the cap (or, for a key without one, its ceiling) times the multiplier; with
   * neither a cap nor a ceiling there is nothing to enforce and everything passes.
   * `burstMs` absorbs a keyframe and jitter; over time the key gets its rate.
   */
  admit(key: string, bytes: number, capBytesPerSec: number | null, burstMs = 500): boolean {
    const base = capBytesPerSec && capBytesPerSec > 0 ? capBytesPerSec : this.ceilings.get(key);
    if (!base) return true;
    const rate = base * this.multiplier(key);
    const t = this.now();
    const start = Math.max(this.tat.get(key) ?? t, t);
    if (start - t > burstMs) return false;
    this.tat.set(key, start + (bytes / rate) * 1000);
    if (this.tat.size > 10_000) this.sweep(t);
    return true;
  }

  /** `data` as a stream that releases chunks no faster than the key's rate. */
  pace(key: string, bytesPerSec: number, data: Buffer, chunkBytes = 16 * 1024): Readable {
    const reserve = (n: number) => this.reserve(key, bytesPerSec, n);
    let pos = 0;
    let timer: NodeJS.Timeout | undefined;
    return new Readable({
      highWaterMark: chunkBytes,
      read() {
        if (pos >= data.length) {
          this.push(null);
          return;
        }
        const piece = data.subarray(pos, pos + chunkBytes);
        pos += piece.length;
        const wait = reserve(piece.length);
        if (wait <= 0) this.push(piece);
        else timer = setTimeout(() => this.push(piece), wait);
      },
      destroy(err, cb) {
        clearTimeout(timer);
        cb(err);
      },
    });
  }

  private sweep(t: number): void {
    for (const [k, v] of this.tat) if (v < t) this.tat.delete(k);
  }
}
