import type { Logger } from '../log/logger';
import type { StreamReader } from './types';

export interface ReaderEntry {
  readonly reader: StreamReader;
  readonly fromKeyframe: boolean;
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

  add(reader: StreamReader, fromKeyframe: boolean): ReaderEntry {
    const entry: ReaderEntry = { reader, fromKeyframe, tsWaiting: fromKeyframe, auWaiting: fromKeyframe, active: true };
    this.entries.add(entry);
    return entry;
  }

  remove(entry: ReaderEntry): void {
    entry.active = false;
    this.entries.delete(entry);
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
  }
}
