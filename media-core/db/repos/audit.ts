import type { AccessEvent, AccessProtocol, AuditDecisionRow, AuditQuery, AuditSessionRow } from '../../contracts/audit';
import type { Db } from '../database';

export interface SessionStartRecord {
  id: string;
  partnerId: string;
  partnerName: string;
  tokenId: string | null;
  method: string;
  camera: string;
  protocol: AccessProtocol;
  ip: string;
  userAgent: string | null;
  startedAt: number;
}

export interface SessionProgressRecord {
  id: string;
  bytes: number;
  requests: number;
  lastSeenAt: number;
}

export type AuditOp =
  | { t: 'decision'; e: AccessEvent }
  | { t: 'start'; s: SessionStartRecord }
  | { t: 'progress'; p: SessionProgressRecord }
  | { t: 'end'; p: SessionProgressRecord; endedAt: number; reason: string };

type Filter = Omit<AuditQuery, 'limit' | 'format'>;

function where(q: Filter, kind: 'decisions' | 'sessions'): { sql: string; args: (string | number)[] } {
  const c: string[] = [];
  const args: (string | number)[] = [];
  const add = (cond: string, ...v: (string | number)[]) => {
    c.push(cond);
    args.push(...v);
  };
  if (q.partner) add('partner_id = ?', q.partner);
  if (q.camera) add('camera = ?', q.camera);
  if (q.ip) add('ip = ?', q.ip);
  if (q.protocol?.length) add(`protocol IN (${q.protocol.map(() => '?').join(',')})`, ...q.protocol);
  if (kind === 'decisions') {
    if (q.result) add('result = ?', q.result);
    if (q.code?.length) add(`code IN (${q.code.map(() => '?').join(',')})`, ...q.code);
    if (q.from) add('at >= ?', Date.parse(q.from));
    if (q.to) add('at < ?', Date.parse(q.to));
    if (q.before) add('id < ?', Number(q.before) || 0);
  } else {
    if (q.code?.length) add(`end_reason IN (${q.code.map(() => '?').join(',')})`, ...q.code);
    // Sessions that overlap the range, not only those that started in it.
    if (q.from) add('(ended_at IS NULL OR ended_at >= ?)', Date.parse(q.from));
    if (q.to) add('started_at < ?', Date.parse(q.to));
    if (q.before) add('seq < ?', Number(q.before) || 0);
  }
  return { sql: c.length ? `WHERE ${c.join(' AND ')}` : '', args };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface RawDecision {
  id: number;
  at: number;
  protocol: AuditDecisionRow['protocol'];
  camera: string | null;
  ip: string;
  user_agent: string | null;
  partner_id: string | null;
  partner_name: string | null;
  token_id: string | null;
  method: string | null;
  kind: string | null;
  result: 'allow' | 'deny';
  code: string;
  reason: string;
  session_id: string | null;
}

interface RawSession {
  seq: number;
  id: string;
  partner_id: string;
  partner_name: string | null;
  token_id: string | null;
  method: string;
  camera: string;
  protocol: AccessProtocol;
  ip: string;
  user_agent: string | null;
  started_at: number;
  last_seen_at: number | null;
  ended_at: number | null;
  bytes: number;
  requests: number;
  end_reason: string | null;
}

const toDecision = (r: RawDecision): AuditDecisionRow => ({
  id: r.id,
  at: iso(r.at)!,
  protocol: r.protocol,
  camera: r.camera,
  ip: r.ip,
  userAgent: r.user_agent,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  tokenId: r.token_id,
  method: r.method,
  kind: r.kind,
  result: r.result,
  code: r.code,
  reason: r.reason,
  sessionId: r.session_id,
});

const toSession = (r: RawSession): AuditSessionRow & { seq: number } => ({
  seq: r.seq,
  id: r.id,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  tokenId: r.token_id,
  method: r.method,
  camera: r.camera,
  protocol: r.protocol,
  ip: r.ip,
  userAgent: r.user_agent,
  startedAt: iso(r.started_at)!,
  lastSeenAt: iso(r.last_seen_at),
  endedAt: iso(r.ended_at),
  bytes: r.bytes,
  requests: r.requests,
  endReason: r.end_reason,
});

/** The audit tables: written in batches by the audit writer, read by the console. */
export class AuditRepo {
  private readonly insertDecision;
  private readonly insertSession;
  private readonly progressSession;
  private readonly endSession;
  private readonly batch;

  constructor(private readonly db: Db) {
    this.insertDecision = db.prepare(
      `INSERT INTO audit_decisions (at, protocol, camera, ip, user_agent, partner_id, partner_name, token_id, method, kind, result, code, reason, session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSession = db.prepare(
      `INSERT OR IGNORE INTO audit_sessions (id, partner_id, partner_name, token_id, method, camera, protocol, ip, user_agent, started_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.progressSession = db.prepare('UPDATE audit_sessions SET bytes = ?, requests = ?, last_seen_at = ? WHERE id = ? AND ended_at IS NULL');
    this.endSession = db.prepare(
      'UPDATE audit_sessions SET bytes = ?, requests = ?, last_seen_at = ?, ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL',
    );
    this.batch = db.transaction((ops: readonly AuditOp[]) => {
      for (const op of ops) this.apply(op);
    });
  }

  /** Writes every op in one transaction: all of them are durable, or none. */
  write(ops: readonly AuditOp[]): void {
    this.batch(ops);
  }

  private apply(op: AuditOp): void {
    if (op.t === 'decision') {
      const e = op.e;
      this.insertDecision.run(e.at, e.protocol, e.camera, e.ip, e.userAgent, e.partnerId, e.partnerName, e.tokenId, e.method, e.kind, e.result, e.code, e.reason, e.sessionId);
    } else if (op.t === 'start') {
      const s = op.s;
      this.insertSession.run(s.id, s.partnerId, s.partnerName, s.tokenId, s.method, s.camera, s.protocol, s.ip, s.userAgent, s.startedAt, s.startedAt);
    } else if (op.t === 'progress') {
      this.progressSession.run(op.p.bytes, op.p.requests, op.p.lastSeenAt, op.p.id);
    } else {
      this.endSession.run(op.p.bytes, op.p.requests, op.p.lastSeenAt, op.endedAt, op.reason, op.p.id);
    }
  }

  /** Sessions left open by a core that did not stop cleanly end at their last sign of life. */
  closeOrphanedSessions(reason: string): number {
    return this.db.prepare('UPDATE audit_sessions SET ended_at = COALESCE(last_seen_at, started_at), end_reason = ? WHERE ended_at IS NULL').run(reason).changes;
  }

  decisions(q: Filter, limit: number): AuditDecisionRow[] {
    const w = where(q, 'decisions');
    return this.db
      .prepare<(string | number)[], RawDecision>(`SELECT * FROM audit_decisions ${w.sql} ORDER BY id DESC LIMIT ?`)
      .all(...w.args, limit)
      .map(toDecision);
  }

  sessions(q: Filter, limit: number): (AuditSessionRow & { seq: number })[] {
    const w = where(q, 'sessions');
    return this.db
      .prepare<(string | number)[], RawSession>(`SELECT * FROM audit_sessions ${w.sql} ORDER BY seq DESC LIMIT ?`)
      .all(...w.args, limit)
      .map(toSession);
  }
}
