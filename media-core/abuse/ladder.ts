import type { AbuseSettings, AlertAction, ResponseLevel } from '../contracts/alerts';
import type { AbuseStateRepo, PartnerLadderRow } from '../db/repos/abuse-state';
import type { AbuseActions, AuditSink } from './types';

type Escalation = AbuseSettings['escalation'];

/** The level that still holds now. A warning is forgotten after a quiet spell; a partner
 *  an operator reinstated elsewhere (partner screen) is back to "warned before". */
export function effectiveLevel(row: PartnerLadderRow | undefined, now: number, esc: Escalation, status: string | null): ResponseLevel {
  if (!row || row.level === 0) return 0;
  if (row.level === 1 && (row.lastFindingAt === null || now - row.lastFindingAt > esc.warningMemoryHours * 3_600_000)) return 0;
  if (row.level >= 3 && status === 'active') return 1;
  return row.level;
}

/** Where a new finding puts a partner: its detector's starting level, or one above the
 *  level it is at (repeated findings escalate), but never automatically past
 *  `maxAutoLevel`, and only once within `minGapMinutes` however many detectors fire. */
export function nextLevel(row: PartnerLadderRow | undefined, current: ResponseLevel, startLevel: number, now: number, esc: Escalation): ResponseLevel {
  if (startLevel <= 0) return current;
  let target: number;
  if (current === 0) target = startLevel;
  else if (row?.lastEscalatedAt != null && now - row.lastEscalatedAt < esc.minGapMinutes * 60_000) target = Math.max(current, startLevel);
  else target = Math.max(current + 1, startLevel);
  return Math.max(current, Math.min(target, esc.maxAutoLevel, 4)) as ResponseLevel;
}

/**
 * Each partner's place on the spec's response ladder (1 warning, 2 throttle, 3 suspend,
 * 4 terminate), kept in memory and written through. Moving a partner applies the
 * effect of the new level through the access plane and records who did it.
 */
export class PartnerLadder {
  private readonly rows = new Map<string, PartnerLadderRow>();

  constructor(
    private readonly repo: AbuseStateRepo,
    private readonly actions: AbuseActions,
    private readonly audit: AuditSink,
    private readonly now: () => number,
  ) {
    for (const r of repo.partners()) this.rows.set(r.partnerId, r);
  }

  get(partnerId: string): PartnerLadderRow | undefined {
    return this.rows.get(partnerId);
  }

  all(): PartnerLadderRow[] {
    return [...this.rows.values()];
  }

  current(partnerId: string, esc: Escalation): ResponseLevel {
    return effectiveLevel(this.rows.get(partnerId), this.now(), esc, this.actions.partner(partnerId)?.status ?? null);
  }

  /** Throttles survive a restart of the core: the plane forgets them, we do not. */
  reapplyThrottles(): void {
    for (const r of this.rows.values()) if (r.throttle < 1) this.actions.throttlePartner(r.partnerId, r.throttle, null);
  }

  noteFinding(partnerId: string, partnerName: string | null): void {
    const at = this.now();
    const row = this.rows.get(partnerId) ?? { partnerId, partnerName, level: 0 as ResponseLevel, since: at, lastFindingAt: null, lastEscalatedAt: null, throttle: 1 };
    row.lastFindingAt = at;
    if (partnerName) row.partnerName = partnerName;
    this.save(row);
  }

  /**
   * Moves a partner to `target` and applies what changes: up to 2 throttles, up to 3
   * suspends, up to 4 terminates; down from 4 suspends again (tokens stay revoked),
   * down from 3 reinstates, down to 1 or 0 lifts the throttle.
   */
  moveTo(partnerId: string, target: ResponseLevel, ctx: { actor: string; reason: string; factor: number; observedBytesPerSec: number | null; alertId: number | null }): AlertAction[] {
    const at = this.now();
    const facts = this.actions.partner(partnerId);
    const row = this.rows.get(partnerId) ?? { partnerId, partnerName: facts?.name ?? null, level: 0 as ResponseLevel, since: at, lastFindingAt: null, lastEscalatedAt: null, throttle: 1 };
    const from = row.level;
    const done: AlertAction[] = [];
    if (target >= 1 && target > from) done.push({ kind: 'warn' });
    if (target >= 2 && row.throttle >= 1) {
      row.throttle = ctx.factor;
      this.actions.throttlePartner(partnerId, ctx.factor, ctx.observedBytesPerSec);
      done.push({ kind: 'throttle', factor: ctx.factor });
    }
    if (target < 2 && row.throttle < 1) {
      row.throttle = 1;
      this.actions.throttlePartner(partnerId, 1, null);
    }
    if (target === 3) {
      if (facts && facts.status !== 'suspended') this.actions.suspendPartner(partnerId, ctx.reason, ctx.actor);
      if (from !== 3) done.push({ kind: 'suspend' });
    }
    if (target === 4) {
      if (facts && facts.status !== 'terminated') this.actions.terminatePartner(partnerId, ctx.reason, ctx.actor);
      if (from !== 4) done.push({ kind: 'terminate' });
    }
    if (target < 3 && from >= 3 && facts && facts.status !== 'active') this.actions.reinstatePartner(partnerId, ctx.actor);
    row.level = target;
    row.since = at;
    if (target > from) row.lastEscalatedAt = at;
    if (facts?.name) row.partnerName = facts.name;
    this.save(row);
    if (target !== from) {
      const action = target > from ? 'partner.escalated' : 'partner.de-escalated';
      const detail = { from, to: target, reason: ctx.reason, actions: done.map((d) => d.kind) };
      this.repo.logAction({ at, actor: ctx.actor, action, partnerId, ip: null, alertId: ctx.alertId, detail });
      this.audit.recordOperatorAction({ at, actor: ctx.actor, action, partnerId, ip: null, alertId: ctx.alertId, detail });
    }
    return done;
  }

  private save(row: PartnerLadderRow): void {
    this.rows.set(row.partnerId, row);
    this.repo.savePartner(row);
  }
}
