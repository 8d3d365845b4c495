import type { AbuseSettings, Alert, AlertAction, IpBlockView, PartnerAbuseState, ResponseLevel } from '../contracts/alerts';
import type { AbuseStateRepo, PartnerLadderRow } from '../db/repos/abuse-state';
import type { NotificationOutboxRepo } from '../db/repos/notification-outbox';
import type { AlertStore } from './alert-store';
import { blockView, type IpBlocks } from './ip-blocks';
import type { PartnerLadder } from './ladder';
import type { Notifier } from './notify/notifier';
import { describeActions, severityOf } from './responder';
import type { AbuseActions, AuditSink } from './types';

export interface OperatorActionDeps {
  store: AlertStore;
  ladder: PartnerLadder;
  blocks: IpBlocks;
  actions: AbuseActions;
  notifier: Notifier;
  outbox: NotificationOutboxRepo;
  repo: AbuseStateRepo;
  audit: AuditSink;
  settings: () => AbuseSettings;
  now: () => number;
  observedRate(partnerId: string): number | null;
}

/** Thrown when an action makes no sense for its target (no partner, nothing blocked). */
export class OperatorActionError extends Error {}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * What operators do about alerts: acknowledge, escalate, de-escalate, lift a block,
 * block by hand, reinstate a partner, retry notifications. Each is written to the
 * action log and the audit trail with the operator's name, and to the alert's history.
 */
export class OperatorActions {
  constructor(private readonly d: OperatorActionDeps) {}

  partnerState(row: PartnerLadderRow): PartnerAbuseState {
    const esc = this.d.settings().escalation;
    return {
      partnerId: row.partnerId,
      partnerName: row.partnerName,
      level: this.d.ladder.current(row.partnerId, esc),
      since: new Date(row.since).toISOString(),
      lastFindingAt: iso(row.lastFindingAt),
      throttle: row.throttle,
    };
  }

  acknowledge(id: number, operator: string, note: string | null): Alert | undefined {
    const rec = this.d.store.record(id);
    if (!rec) return undefined;
    if (rec.acknowledgedAt === null) {
      rec.acknowledgedAt = this.d.now();
      rec.acknowledgedBy = operator;
      this.history(rec.id, operator, 'acknowledged', note, null, null, undefined, rec);
    }
    return this.d.store.get(id);
  }

  acknowledgeAll(operator: string, upToId: number | null): number {
    const ids = this.d.store.acknowledgeAll(operator, upToId);
    const at = this.d.now();
    if (ids.length) this.log(at, operator, 'alerts.acknowledged', null, null, null, { count: ids.length, upToId });
    for (const id of ids.slice(-200)) this.d.store.publish(id);
    return ids.length;
  }

  /** One level up (or down) for the alert's partner; for an alert about an address only,
   *  escalating blocks it (next rung) and de-escalating lifts its block. */
  moveAlert(id: number, operator: string, note: string | null, dir: 1 | -1): Alert | undefined {
    const rec = this.d.store.record(id);
    if (!rec) return undefined;
    let done: AlertAction[];
    if (rec.partnerId) {
      const { actions, to } = this.movePartner(rec.partnerId, operator, note, dir, id);
      done = actions;
      rec.response.level = to;
      if (dir > 0) rec.severity = severityOf(Math.max(to, ['info', 'warning', 'high', 'critical'].indexOf(rec.severity)), null, undefined);
    } else if (rec.ip && dir > 0) {
      const b = this.d.blocks.blockNext(rec.ip, `alert #${id}: escalated by ${operator}`, operator, id);
      if (!b) throw new OperatorActionError(`${rec.ip} is already blocked or on the never-block list`);
      done = [{ kind: 'ip_block', ip: b.ip, until: iso(b.until), step: b.step }];
    } else if (rec.ip) {
      if (!this.d.blocks.lift(rec.ip, operator, note)) throw new OperatorActionError(`${rec.ip} is not blocked`);
      done = [{ kind: 'none', why: `block of ${rec.ip} lifted` }];
    } else throw new OperatorActionError('this alert names neither a partner nor an address');
    rec.response.actions.push(...done);
    rec.response.summary = describeActions(rec.response.actions, rec.response.level);
    const action = dir > 0 ? 'escalated' : 'de-escalated';
    this.history(rec.id, operator, action, note, null, null, `${note ?? ''}${note ? ' — ' : ''}${describeActions(done, rec.response.level)}`, rec);
    const alert = this.d.store.get(id);
    if (alert && dir > 0 && rec.partnerId) this.d.notifier.enqueue(alert, this.d.actions.partner(rec.partnerId)?.contactEmail ?? null, { partner: true, event: 'alert.escalated' });
    return alert;
  }

  movePartner(partnerId: string, operator: string, note: string | null, dir: 1 | -1, alertId: number | null = null): { actions: AlertAction[]; to: ResponseLevel } {
    if (!this.d.actions.partner(partnerId) && !this.d.ladder.get(partnerId)) throw new OperatorActionError(`no partner ${JSON.stringify(partnerId)}`);
    const esc = this.d.settings().escalation;
    const current = this.d.ladder.current(partnerId, esc);
    const to = Math.max(0, Math.min(4, current + dir)) as ResponseLevel;
    if (to === current) throw new OperatorActionError(`partner is already at level ${current}`);
    const actions = this.d.ladder.moveTo(partnerId, to, {
      actor: operator,
      reason: `${dir > 0 ? 'escalated' : 'de-escalated'} by ${operator}${note ? `: ${note}` : ''}`,
      factor: esc.throttleFactor,
      observedBytesPerSec: this.d.observedRate(partnerId),
      alertId,
    });
    return { actions, to };
  }

  /** Back to level 0: active, full bandwidth. */
  reinstate(partnerId: string, operator: string, note: string | null): PartnerAbuseState {
    const facts = this.d.actions.partner(partnerId);
    if (!facts && !this.d.ladder.get(partnerId)) throw new OperatorActionError(`no partner ${JSON.stringify(partnerId)}`);
    this.d.ladder.moveTo(partnerId, 0, { actor: operator, reason: `reinstated by ${operator}${note ? `: ${note}` : ''}`, factor: 1, observedBytesPerSec: null, alertId: null });
    // Suspended by hand, or terminated outside the ladder: reinstating means active.
    if (facts && facts.status !== 'active') this.d.actions.reinstatePartner(partnerId, operator);
    this.log(this.d.now(), operator, 'partner.reinstated', partnerId, null, null, { note });
    return this.partnerState(this.d.ladder.get(partnerId)!);
  }

  liftBlock(ip: string, operator: string, note: string | null): IpBlockView {
    const row = this.d.blocks.lift(ip, operator, note);
    if (!row) throw new OperatorActionError(`${ip} is not blocked`);
    if (row.alertId !== null) this.history(row.alertId, operator, 'ip.unblocked', note, null, null, `block of ${ip} lifted${note ? ` — ${note}` : ''}`);
    return blockView(row, this.d.now());
  }

  block(ip: string, minutes: number | null, operator: string, note: string | null): IpBlockView {
    return blockView(this.d.blocks.blockManually(ip, minutes, operator, note), this.d.now());
  }

  retryNotifications(id: number, operator: string): Alert | undefined {
    if (!this.d.store.record(id)) return undefined;
    const n = this.d.outbox.requeue(id, this.d.now());
    this.history(id, operator, 'notifications.retried', null, null, null, `${n} notification(s) queued again`);
    this.d.notifier.kick();
    return this.d.store.get(id);
  }

  private history(alertId: number, actor: string, action: string, note: string | null, partnerId: string | null, ip: string | null, text?: string, rec = this.d.store.record(alertId)): void {
    if (!rec) return;
    const at = this.d.now();
    rec.history.push({ at: new Date(at).toISOString(), actor, action, note: text ?? note });
    this.d.store.save(rec);
    this.d.store.publish(alertId);
    this.log(at, actor, `alert.${action}`, partnerId ?? rec.partnerId, ip ?? rec.ip, alertId, { note });
  }

  private log(at: number, actor: string, action: string, partnerId: string | null, ip: string | null, alertId: number | null, detail: Record<string, unknown>): void {
    this.d.repo.logAction({ at, actor, action, partnerId, ip, alertId, detail });
    this.d.audit.recordOperatorAction({ at, actor, action, partnerId, ip, alertId, detail });
  }
}
