import type { AbuseDetector, AlertHistoryEntry, AlertQuery, AlertResponse, AlertSeverity } from '../../contracts/alerts';
import type { AccessEvent } from '../../contracts/audit';
import type { Db } from '../database';

/** An alert as stored. Times in ms since the epoch. */
export interface AlertRecord {
  id: number;
  createdAt: number;
  updatedAt: number;
  lastSeenAt: number;
  occurrences: number;
  detector: AbuseDetector;
  /** What repeats of the same finding share (a token id, an address, a partner). */
  subject: string;
  severity: AlertSeverity;
  partnerId: string | null;
  partnerName: string | null;
  camera: string | null;
  ip: string | null;
  tokenId: string | null;
  summary: string;
  metrics: Record<string, number | string>;
  evidence: AccessEvent[];
  response: AlertResponse;
  history: AlertHistoryEntry[];
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

export type NewAlert = Omit<AlertRecord, 'id' | 'updatedAt' | 'lastSeenAt' | 'occurrences' | 'acknowledgedAt' | 'acknowledgedBy'>;

interface Raw {
  id: number;
  created_at: number;
  updated_at: number;
  last_seen_at: number;
  occurrences: number;
  detector: AbuseDetector;
  subject: string;
  severity: AlertSeverity;
  partner_id: string | null;
  partner_name: string | null;
  camera: string | null;
  ip: string | null;
  token_id: string | null;
  summary: string;
  metrics: string;
  evidence: string;
  response: string;
  history: string;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
}

const toRecord = (r: Raw): AlertRecord => ({
  id: r.id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastSeenAt: r.last_seen_at,
  occurrences: r.occurrences,
  detector: r.detector,
  subject: r.subject,
  severity: r.severity,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  camera: r.camera,
  ip: r.ip,
  tokenId: r.token_id,
  summary: r.summary,
  metrics: JSON.parse(r.metrics) as AlertRecord['metrics'],
  evidence: JSON.parse(r.evidence) as AccessEvent[],
  response: JSON.parse(r.response) as AlertResponse,
  history: JSON.parse(r.history) as AlertHistoryEntry[],
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
});

export type AlertFilter = Omit<AlertQuery, 'limit'>;

function where(q: AlertFilter): { sql: string; args: (string | number)[] } {
  const c: string[] = [];
  const args: (string | number)[] = [];
  const add = (cond: string, ...v: (string | number)[]) => {
    c.push(cond);
    args.push(...v);
  };
  if (q.severity?.length) add(`severity IN (${q.severity.map(() => '?').join(',')})`, ...q.severity);
  if (q.detector?.length) add(`detector IN (${q.detector.map(() => '?').join(',')})`, ...q.detector);
  if (q.partner) add('partner_id = ?', q.partner);
  if (q.ip) add('ip = ?', q.ip);
  if (q.camera) add('camera = ?', q.camera);
  if (q.acknowledged !== undefined) c.push(q.acknowledged ? 'acknowledged_at IS NOT NULL' : 'acknowledged_at IS NULL');
  if (q.from) add('created_at >= ?', Date.parse(q.from));
  if (q.to) add('created_at < ?', Date.parse(q.to));
  if (q.before) add('id < ?', Number(q.before));
  return { sql: c.length ? `WHERE ${c.join(' AND ')}` : '', args };
}

/** The alerts table. Evidence and history are JSON: read whole, never queried inside. */
export class AlertsRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly unreadStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO alerts (created_at, updated_at, last_seen_at, detector, subject, severity, partner_id, partner_name,
        camera, ip, token_id, summary, metrics, evidence, response, history)
      VALUES (@createdAt, @createdAt, @createdAt, @detector, @subject, @severity, @partnerId, @partnerName,
        @camera, @ip, @tokenId, @summary, @metrics, @evidence, @response, @history)`);
    this.getStmt = db.prepare<[number], Raw>('SELECT * FROM alerts WHERE id = ?');
    this.unreadStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM alerts WHERE acknowledged_at IS NULL');
  }

  insert(a: NewAlert): AlertRecord {
    const info = this.insertStmt.run({
      ...a,
      metrics: JSON.stringify(a.metrics),
      evidence: JSON.stringify(a.evidence),
      response: JSON.stringify(a.response),
      history: JSON.stringify(a.history),
    });
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): AlertRecord | undefined {
    const r = this.getStmt.get(id);
    return r ? toRecord(r) : undefined;
  }

  /** Writes back the changeable parts of an alert. */
  save(a: AlertRecord): void {
    this.db
      .prepare(
        `UPDATE alerts SET updated_at = ?, last_seen_at = ?, occurrences = ?, severity = ?, summary = ?, metrics = ?,
           evidence = ?, response = ?, history = ?, acknowledged_at = ?, acknowledged_by = ? WHERE id = ?`,
      )
      .run(
        a.updatedAt,
        a.lastSeenAt,
        a.occurrences,
        a.severity,
        a.summary,
        JSON.stringify(a.metrics),
        JSON.stringify(a.evidence),
        JSON.stringify(a.response),
        JSON.stringify(a.history),
        a.acknowledgedAt,
        a.acknowledgedBy,
        a.id,
      );
  }

  /** Newest first; `limit + 1` rows tell whether an older page exists. */
  list(q: AlertQuery): { items: AlertRecord[]; next: string | null } {
    const w = where(q);
    const rows = this.db.prepare<(string | number)[], Raw>(`SELECT * FROM alerts ${w.sql} ORDER BY id DESC LIMIT ?`).all(...w.args, q.limit + 1);
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toRecord);
    return { items, next: more && items.length ? String(items[items.length - 1]!.id) : null };
  }

  unreadCount(): number {
    return this.unreadStmt.get()!.n;
  }

  /** Acknowledges every unread alert up to `upToId` (all when null); returns how many. */
  acknowledgeAll(by: string, at: number, upToId: number | null): number[] {
    const rows = this.db
      .prepare<[number], { id: number }>('SELECT id FROM alerts WHERE acknowledged_at IS NULL AND id <= ?')
      .all(upToId ?? Number.MAX_SAFE_INTEGER);
    const stmt = this.db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?, updated_at = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const r of rows) stmt.run(at, by, at, r.id);
    })();
    return rows.map((r) => r.id);
  }

  /** Drops alerts older than `before` (retention); the outbox rows go with them. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM alerts WHERE created_at < ?').run(before).changes;
  }
}
