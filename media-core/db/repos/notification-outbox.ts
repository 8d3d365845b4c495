import type { NotificationChannel, NotificationState } from '../../contracts/alerts';
import type { Db } from '../database';

/** One message to deliver. `payload` is what the sender needs, as JSON. Times in ms. */
export interface OutboxRow {
  id: number;
  alertId: number | null;
  channel: NotificationChannel;
  target: string;
  payload: string;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

interface Raw {
  id: number;
  alert_id: number | null;
  channel: NotificationChannel;
  target: string;
  payload: string;
  state: NotificationState;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

const toRow = (r: Raw): OutboxRow => ({
  id: r.id,
  alertId: r.alert_id,
  channel: r.channel,
  target: r.target,
  payload: r.payload,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** The notification outbox: written in the same breath as the alert, emptied by the
 *  notifier, kept as the delivery record. */
export class NotificationOutboxRepo {
  constructor(private readonly db: Db) {}

  enqueue(m: { alertId: number | null; channel: NotificationChannel; target: string; payload: string; at: number; skipped?: string }): OutboxRow {
    const info = this.db
      .prepare(
        `INSERT INTO notification_outbox (alert_id, channel, target, payload, state, next_attempt_at, last_error, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.alertId, m.channel, m.target, m.payload, m.skipped ? 'skipped' : 'pending', m.skipped ? null : m.at, m.skipped ?? null, m.at);
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): OutboxRow | undefined {
    const r = this.db.prepare<[number], Raw>('SELECT * FROM notification_outbox WHERE id = ?').get(id);
    return r ? toRow(r) : undefined;
  }

  /** Pending messages whose time has come, oldest first. */
  due(now: number, limit: number): OutboxRow[] {
    return this.db
      .prepare<[number, number], Raw>(
        `SELECT * FROM notification_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .all(now, limit)
      .map(toRow);
  }

  /** When the next pending message falls due, or null when none is pending. */
  nextDueAt(): number | null {
    const r = this.db
      .prepare<[], { t: number | null }>(`SELECT min(next_attempt_at) AS t FROM notification_outbox WHERE state = 'pending'`)
      .get();
    return r?.t ?? null;
  }

  markSent(id: number, at: number): void {
    this.db
      .prepare(`UPDATE notification_outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, next_attempt_at = NULL, last_error = NULL WHERE id = ?`)
      .run(at, id);
  }

  /** A failed attempt: tried again at `retryAt`, or given up (`failed`) when null. */
  markAttemptFailed(id: number, error: string, retryAt: number | null): void {
    this.db
      .prepare(`UPDATE notification_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?`)
      .run(retryAt === null ? 'failed' : 'pending', retryAt, error.slice(0, 500), id);
  }

  /** Puts an alert's failed or skipped messages back in line (an operator asked). */
  requeue(alertId: number, at: number): number {
    return this.db
      .prepare(`UPDATE notification_outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE alert_id = ? AND state IN ('failed', 'skipped')`)
      .run(at, alertId).changes;
  }

  forAlerts(alertIds: readonly number[]): Map<number, OutboxRow[]> {
    const out = new Map<number, OutboxRow[]>();
    if (alertIds.length === 0) return out;
    const rows = this.db
      .prepare<number[], Raw>(`SELECT * FROM notification_outbox WHERE alert_id IN (${alertIds.map(() => '?').join(',')}) ORDER BY id`)
      .all(...alertIds);
    for (const r of rows) {
      const list = out.get(r.alert_id!) ?? [];
      list.push(toRow(r));
      out.set(r.alert_id!, list);
    }
    return out;
  }

  counts(): Record<NotificationState, number> {
    const out: Record<NotificationState, number> = { pending: 0, sent: 0, failed: 0, skipped: 0 };
    for (const r of this.db.prepare<[], { state: NotificationState; n: number }>('SELECT state, count(*) AS n FROM notification_outbox GROUP BY state').all()) {
      out[r.state] = r.n;
    }
    return out;
  }
}
