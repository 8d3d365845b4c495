import type { Db } from '../db/database';
import type { SettingsRepo } from '../db/repos/settings';
import { AUDIT_RETENTION_DEFAULT_DAYS, type AuditRetention } from '../contracts/audit-retention';
import type { Logger } from '../log/logger';

export const AUDIT_RETENTION_KEY = 'audit.retentionDays';
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The retention setting, stored in the settings table. */
export class AuditRetentionSettings {
  constructor(private readonly settings: SettingsRepo) {}

  get(): AuditRetention {
    const days = this.settings.get<number>(AUDIT_RETENTION_KEY);
    return { retentionDays: typeof days === 'number' ? days : AUDIT_RETENTION_DEFAULT_DAYS };
  }

  set(value: AuditRetention): AuditRetention {
    this.settings.set(AUDIT_RETENTION_KEY, value.retentionDays);
    return this.get();
  }
}

export interface AuditPrunerOptions {
  db: Db;
  retention: () => number;
  log: Logger;
  /** Injectable for tests. */
  now?: () => number;
  /** Rows deleted per transaction, so a large backlog never holds the writer for long. */
  batchSize?: number;
  intervalMs?: number;
}

/** Deletes audit rows older than the retention: decisions by time, sessions once they
 *  ended before the cut (open sessions are kept whatever their age). */
export class AuditPruner {
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly deleteDecisions;
  private readonly deleteSessions;

  constructor(private readonly opts: AuditPrunerOptions) {
    this.now = opts.now ?? Date.now;
    this.batchSize = opts.batchSize ?? 5000;
    this.deleteDecisions = opts.db.prepare<[number, number]>(
      'DELETE FROM audit_decisions WHERE id IN (SELECT id FROM audit_decisions WHERE at < ? LIMIT ?)',
    );
    this.deleteSessions = opts.db.prepare<[number, number]>(
      'DELETE FROM audit_sessions WHERE seq IN (SELECT seq FROM audit_sessions WHERE ended_at IS NOT NULL AND ended_at < ? LIMIT ?)',
    );
  }

  /** One pass; answers how many rows went. Bounded: stops when a batch comes back short. */
  prune(): { decisions: number; sessions: number } {
    const cutoff = this.now() - this.opts.retention() * DAY_MS;
    const removed = { decisions: 0, sessions: 0 };
    const batch = this.opts.db.transaction(() => ({
      decisions: this.deleteDecisions.run(cutoff, this.batchSize).changes,
      sessions: this.deleteSessions.run(cutoff, this.batchSize).changes,
    }));
    for (;;) {
      const r = batch();
      removed.decisions += r.decisions;
      removed.sessions += r.sessions;
      if (r.decisions < this.batchSize && r.sessions < this.batchSize) break;
    }
    if (removed.decisions + removed.sessions > 0) this.opts.log.info({ ...removed, cutoff: new Date(cutoff).toISOString() }, 'audit trail pruned');
    return removed;
  }

  /** Prunes now and then every interval (an hour by default). */
  start(): void {
    this.safePrune();
    this.timer = setInterval(() => this.safePrune(), this.opts.intervalMs ?? HOUR_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private safePrune(): void {
    try {
      this.prune();
    } catch (err) {
      this.opts.log.error({ err }, 'audit pruning failed; will retry at the next interval');
    }
  }
}
