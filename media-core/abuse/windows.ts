// Small bounded time-window structures the detectors share. Every one forgets by time
// and by size, so a flood of distinct clients cannot grow memory without bound.

/** A Map that drops its oldest-inserted keys past `max` entries. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }

  /** The value for `key`, made by `make` when absent. */
  upsert(key: K, make: () => V): V {
    let v = this.get(key);
    if (v === undefined) {
      v = make();
      this.set(key, v);
    }
    return v;
  }
}

/** Timestamps (with a payload) within the last `windowMs`, at most `cap` of them. */
export class TimeWindow<T> {
  private items: { at: number; v: T }[] = [];

  constructor(
    private readonly windowMs: () => number,
    private readonly cap = 1000,
  ) {}

  add(at: number, v: T): void {
    this.items.push({ at, v });
    if (this.items.length > this.cap) this.items.splice(0, this.items.length - this.cap);
    this.prune(at);
  }

  prune(now: number): void {
    const from = now - this.windowMs();
    let i = 0;
    while (i < this.items.length && this.items[i]!.at <= from) i++;
    if (i > 0) this.items.splice(0, i);
  }

  count(now: number): number {
    this.prune(now);
    return this.items.length;
  }

  values(now: number): T[] {
    this.prune(now);
    return this.items.map((x) => x.v);
  }

  entries(now: number): { at: number; v: T }[] {
    this.prune(now);
    return this.items.slice();
  }

  get size(): number {
    return this.items.length;
  }

  newest(): number | null {
    return this.items[this.items.length - 1]?.at ?? null;
  }
}

/** Counts per whole minute (of the event clock), for "N per minute, sustained". */
export class MinuteCounter {
  private readonly counts = new Map<number, number>();

  add(at: number, n = 1): number {
    const m = Math.floor(at / 60_000);
    const c = (this.counts.get(m) ?? 0) + n;
    this.counts.set(m, c);
    if (this.counts.size > 120) for (const k of this.counts.keys()) if (k < m - 60) this.counts.delete(k);
    return c;
  }

  /** The counts of the `n` minutes ending with the one holding `at`, oldest first. */
  last(at: number, n: number): number[] {
    const m = Math.floor(at / 60_000);
    const out: number[] = [];
    for (let i = n - 1; i >= 0; i--) out.push(this.counts.get(m - i) ?? 0);
    return out;
  }

  newestMinute(): number | null {
    let max: number | null = null;
    for (const k of this.counts.keys()) if (max === null || k > max) max = k;
    return max;
  }
}

/** Keeps the last `max` evidence events, and the first, which often tells the story. */
export function keepEvidence<T>(list: T[], e: T, max = 20): void {
  list.push(e);
  if (list.length > max) list.splice(1, 1);
}
