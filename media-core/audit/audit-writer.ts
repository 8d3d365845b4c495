import type { AuditOp, AuditRepo } from '../db/repos/audit';
import type { Logger } from '../log/logger';

export interface AuditWriterOptions {
  /** Longest a record waits before its batch is written. Default 250 ms. */
  flushMs?: number;
  /** A batch this large is written at once. Default 500. */
  maxBatch?: number;
  /** Records held while the database refuses writes, before the oldest are dropped. */
  maxQueued?: number;
}

/**
 * Batches audit records into one SQLite transaction per flush, so recording never slows
 * the segment path. A record is *acknowledged* once its transaction has committed: WAL
 * mode makes a commit survive a crash of the process (SIGKILL included). Callers that
 * must not answer before their record is safe (denials, session starts) await
 * `durable()`, which commits at once together with whatever else is queued (a group
 * commit), instead of waiting for the timer.
 */
export class AuditWriter {
  private queue: AuditOp[] = [];
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;
  private readonly flushMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private failures = 0;
  written = 0;

  constructor(
    private readonly repo: AuditRepo,
    private readonly log: Logger,
    o: AuditWriterOptions = {},
  ) {
    this.flushMs = o.flushMs ?? 250;
    this.maxBatch = o.maxBatch ?? 500;
    this.maxQueued = o.maxQueued ?? 100_000;
  }

  add(op: AuditOp): void {
    if (this.closed) return;
    this.queue.push(op);
    if (this.queue.length > this.maxQueued) {
      const dropped = this.queue.splice(0, this.queue.length - this.maxQueued);
      this.log.error({ dropped: dropped.length }, 'audit queue overflow; oldest records dropped');
    }
    if (this.queue.length >= this.maxBatch) this.flushSoon();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /** Adds `op` and resolves once it is committed. */
  addDurable(op: AuditOp): Promise<void> {
    this.add(op);
    return this.durable();
  }

  /** Resolves once everything queued so far is committed. */
  durable(): Promise<void> {
    if (this.queue.length === 0 && this.waiters.length === 0) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushSoon();
    return p;
  }

  /** Writes everything queued now, in one transaction. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
    const ops = this.queue;
    const waiters = this.waiters;
    this.queue = [];
    this.waiters = [];
    if (ops.length === 0) {
      for (const w of waiters) w.resolve();
      return;
    }
    try {
      this.repo.write(ops);
      this.written += ops.length;
      this.failures = 0;
      for (const w of waiters) w.resolve();
    } catch (err) {
      // Keep the records for the next attempt (disk full, database busy); say so loudly.
      this.failures++;
      this.queue = ops.concat(this.queue);
      this.log.error({ err, records: ops.length, failures: this.failures }, 'audit write failed; will retry');
      for (const w of waiters) w.reject(err as Error);
      if (!this.closed) this.timer = setTimeout(() => this.flush(), Math.min(5000, this.flushMs * 2 ** this.failures));
    }
  }

  /** Writes what is left and stops taking records. */
  close(): void {
    this.flush();
    this.closed = true;
    clearTimeout(this.timer);
  }

  pending(): number {
    return this.queue.length;
  }

  private flushSoon(): void {
    this.immediate ??= setImmediate(() => this.flush());
  }
}
