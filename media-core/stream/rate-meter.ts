/** Bytes per one-second bucket over a short sliding window, for a bitrate figure. */
export class RateMeter {
  private readonly buckets: number[];
  private readonly seconds: number[];

  constructor(private readonly windowSeconds = 5) {
    this.buckets = new Array<number>(windowSeconds + 1).fill(0);
    this.seconds = new Array<number>(windowSeconds + 1).fill(-1);
  }

  add(bytes: number, nowMs: number): void {
    const sec = Math.floor(nowMs / 1000);
    const i = sec % this.buckets.length;
    if (this.seconds[i] !== sec) {
      this.seconds[i] = sec;
      this.buckets[i] = 0;
    }
    this.buckets[i]! += bytes;
  }

  /** Bits per second over the last `windowSeconds` whole seconds plus the current one,
   *  divided by the time that window actually spans. */
  bitsPerSecond(nowMs: number): number {
    const sec = Math.floor(nowMs / 1000);
    let total = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      const s = this.seconds[i]!;
      if (s <= sec && s > sec - this.buckets.length) total += this.buckets[i]!;
    }
    const spanSeconds = this.windowSeconds + (nowMs % 1000) / 1000;
    return Math.round((total * 8) / spanSeconds);
  }
}
