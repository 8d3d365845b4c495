import type { ResponseLevel } from '../../contracts/alerts';
import type { Db } from '../database';

/** A partner's place on the response ladder. Times in ms. */
export interface PartnerLadderRow {
  partnerId: string;
  partnerName: string | null;
  level: ResponseLevel;
  since: number;
  lastFindingAt: number | null;
  lastEscalatedAt: number | null;
  throttle: number;
}

export interface IpBlockRow {
  ip: string;
  step: number;
  active: boolean;
  /** null while active: until an operator lifts it. */
  until: number | null;
  reason: string;
  alertId: number | null;
  blockedAt: number;
  liftedAt: number | null;
  liftedBy: string | null;
}

export interface AbuseActionRecord {
  id: number;
  at: number;
  actor: string;
  action: string;
  partnerId: string | null;
  ip: string | null;
  alertId: number | null;
  detail: Record<string, unknown>;
}

/** The response ladder, IP blocks and the action log: small tables, read at start-up
 *  into memory and written through on every change. */
export class AbuseStateRepo {
  constructor(private readonly db: Db) {}

  partners(): PartnerLadderRow[] {
    return this.db
      .prepare<[], { partner_id: string; partner_name: string | null; level: ResponseLevel; since: number; last_finding_at: number | null; last_escalated_at: number | null; throttle: number }>(
        'SELECT * FROM abuse_partner_state ORDER BY partner_id',
      )
      .all()
      .map((r) => ({
        partnerId: r.partner_id,
        partnerName: r.partner_name,
        level: r.level,
        since: r.since,
        lastFindingAt: r.last_finding_at,
        lastEscalatedAt: r.last_escalated_at,
        throttle: r.throttle,
      }));
  }

  savePartner(p: PartnerLadderRow): void {
    this.db
      .prepare(
        `INSERT INTO abuse_partner_state (partner_id, partner_name, level, since, last_finding_at, last_escalated_at, throttle)
         VALUES (@partnerId, @partnerName, @level, @since, @lastFindingAt, @lastEscalatedAt, @throttle)
         ON CONFLICT(partner_id) DO UPDATE SET partner_name = excluded.partner_name, level = excluded.level, since = excluded.since,
           last_finding_at = excluded.last_finding_at, last_escalated_at = excluded.last_escalated_at, throttle = excluded.throttle`,
      )
      .run(p);
  }

  blocks(): IpBlockRow[] {
    return this.db
      .prepare<[], { ip: string; step: number; active: number; until: number | null; reason: string; alert_id: number | null; blocked_at: number; lifted_at: number | null; lifted_by: string | null }>(
        'SELECT * FROM ip_blocks ORDER BY blocked_at DESC',
      )
      .all()
      .map((r) => ({
        ip: r.ip,
        step: r.step,
        active: r.active === 1,
        until: r.until,
        reason: r.reason,
        alertId: r.alert_id,
        blockedAt: r.blocked_at,
        liftedAt: r.lifted_at,
        liftedBy: r.lifted_by,
      }));
  }

  saveBlock(b: IpBlockRow): void {
    this.db
      .prepare(
        `INSERT INTO ip_blocks (ip, step, active, until, reason, alert_id, blocked_at, lifted_at, lifted_by)
         VALUES (@ip, @step, @active, @until, @reason, @alertId, @blockedAt, @liftedAt, @liftedBy)
         ON CONFLICT(ip) DO UPDATE SET step = excluded.step, active = excluded.active, until = excluded.until, reason = excluded.reason,
           alert_id = excluded.alert_id, blocked_at = excluded.blocked_at, lifted_at = excluded.lifted_at, lifted_by = excluded.lifted_by`,
      )
      .run({ ...b, active: b.active ? 1 : 0 });
  }

  logAction(a: Omit<AbuseActionRecord, 'id'>): number {
    const info = this.db
      .prepare('INSERT INTO abuse_actions (at, actor, action, partner_id, ip, alert_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.at, a.actor, a.action, a.partnerId, a.ip, a.alertId, JSON.stringify(a.detail));
    return Number(info.lastInsertRowid);
  }

  actions(limit: number, before?: number): AbuseActionRecord[] {
    return this.db
      .prepare<[number, number], { id: number; at: number; actor: string; action: string; partner_id: string | null; ip: string | null; alert_id: number | null; detail: string }>(
        'SELECT * FROM abuse_actions WHERE id < ? ORDER BY id DESC LIMIT ?',
      )
      .all(before ?? Number.MAX_SAFE_INTEGER, limit)
      .map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        partnerId: r.partner_id,
        ip: r.ip,
        alertId: r.alert_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
  }
}
