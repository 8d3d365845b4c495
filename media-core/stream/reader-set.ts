import type { Logger } from '../log/logger';
import type { StreamReader } from './types';

export interface ReaderEntry {
  readonly reader: StreamReader;
  readonly fromKeyframe: boolean;
  readonly passive: boolean;
  /** Still waiting for the first keyframe batch / keyframe access unit. */
  tsWaiting: boolean;
  auWaiting: boolean;
  active: boolean;
}

/** The readers of one stream. A reader that throws is removed and logged; the others
 *  never notice. */
export class ReaderSet {
  private readonly entries = new Set<ReaderEntry>();

  constructor(private readonly log: Logger) {}

  private viewers = 0;

  /** Called with the new number of viewers (non-passive readers) whenever it changes. */
  onViewers: ((count: number) => void) | null = null;

  add(reader: StreamReader, fromKeyframe: boolean, passive = false): ReaderEntry {
    const entry: ReaderEntry = { reader, fromKeyframe, passive, tsWaiting: fromKeyframe, auWaiting: fromKeyframe, active: true };
    this.entries.add(entry);
    if (!passive) this.setViewers(this.viewers + 1);
    return entry;
  }

  remove(entry: ReaderEntry): void {
    entry.active = false;
    if (this.entries.delete(entry) && !entry.passive) this.setViewers(this.viewers - 1);
  }

  get viewerCount(): number {
    return this.viewers;
  }

  /** A copy, so readers added or removed from inside a callback do not disturb the
   *  iteration in progress. */
  snapshot(): ReaderEntry[] {
    return [...this.entries];
  }

  get size(): number {
    return this.entries.size;
  }

  /** Runs one callback of one reader; false (and the reader removed) if it threw or the
   *  reader is gone. */
  call(entry: ReaderEntry, fn: (reader: StreamReader) => void): boolean {
    if (!entry.active) return false;
    try {
      fn(entry.reader);
      return entry.active;
    } catch (err) {
      this.remove(entry);
      this.log.warn({ err }, 'stream reader threw; unsubscribed');
      return false;
    }
  }

  clear(): void {
    for (const e of this.entries) e.active = false;
    this.entries.clear();
    this.setViewers(0);
  }

  private setViewers(count: number): void {
    if (count === this.viewers) return;
    this.viewers = count;
    try {
      this.onViewers?.(count);
    } catch (err) {
      this.log.warn({ err }, "a 'viewers' listener threw");
    }
  }
}
