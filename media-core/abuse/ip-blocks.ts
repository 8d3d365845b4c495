import type { AbuseSettings, IpBlockView } from '../contracts/alerts';
import type { AbuseStateRepo, IpBlockRow } from '../db/repos/abuse-state';
import { IpAllowList, normalizeIp } from '../access/ip';
import type { AccessDeny, AccessGuard } from '../access/types';
import type { AbuseActions, AuditSink } from './types';

type Ladder = AbuseSettings['ipBlocks'];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function blockView(b: IpBlockRow, now: number): IpBlockView {
  return {
    ip: b.ip,
    step: b.step,
    active: isActive(b, now),
    until: iso(b.until),
    reason: b.reason,
    alertId: b.alertId,
    blockedAt: new Date(b.blockedAt).toISOString(),
    liftedAt: iso(b.liftedAt),
    liftedBy: b.liftedBy,
  };
}

const isActive = (b: IpBlockRow, now: number) => b.active && (b.until === null || now < b.until);

/**
 * Progressive temporary IP blocks: each new block of an address takes the next rung of
 * the ladder (default 5 min, 1 h, 24 h, then until an operator lifts it); a clean record
 * for `resetAfterHours` starts again at the first rung. The access plane asks `guard`
 * before anything else, on every protocol.
 */
export class IpBlocks {
  private readonly rows = new Map<string, IpBlockRow>();

  constructor(
    private readonly repo: AbuseStateRepo,
    private readonly actions: AbuseActions,
    private readonly audit: AuditSink,
    private readonly settings: () => Ladder,
    private readonly now: () => number,
  ) {
    for (const b of repo.blocks()) this.rows.set(b.ip, b);
  }

  /** The access plane's guard: a denial for a blocked address, else null. */
  readonly guard: AccessGuard = (req) => {
    const b = this.rows.get(normalizeIp(req.ip));
    if (!b || !isActive(b, this.now())) return null;
    const deny: AccessDeny = {
      ok: false,
      status: 403,
      code: 'blocked',
      reason: `address blocked by the abuse monitor ${b.until === null ? 'until lifted' : `until ${new Date(b.until).toISOString()}`} (${b.reason})`,
    };
    return deny;
  };

  isBlocked(ip: string): boolean {
    const b = this.rows.get(normalizeIp(ip));
    return !!b && isActive(b, this.now());
  }

  exempt(ip: string): boolean {
    return new IpAllowList(this.settings().neverBlock).has(ip);
  }

  /** The next rung for `ip`. Returns null when the address is exempt or already blocked. */
  blockNext(ipRaw: string, reason: string, actor: string, alertId: number | null): IpBlockRow | null {
    const ip = normalizeIp(ipRaw);
    const at = this.now();
    const ladder = this.settings();
    if (this.exempt(ip) || this.isBlocked(ip)) return null;
    const prev = this.rows.get(ip);
    const fresh = !prev || at - prev.blockedAt > ladder.resetAfterHours * 3_600_000;
    const step = fresh ? 1 : prev.step + 1;
    const minutes = ladder.ladderMinutes[Math.min(step, ladder.ladderMinutes.length) - 1] ?? null;
    return this.apply({ ip, step, active: true, until: minutes === null ? null : at + minutes * 60_000, reason, alertId, blockedAt: at, liftedAt: null, liftedBy: null }, actor, 'ip.blocked');
  }

  /** An operator's block: `minutes` null = until lifted. Keeps the ladder's rung. */
  blockManually(ipRaw: string, minutes: number | null, actor: string, note: string | null): IpBlockRow {
    const ip = normalizeIp(ipRaw);
    const at = this.now();
    const prev = this.rows.get(ip);
    const reason = note ? `blocked by ${actor}: ${note}` : `blocked by ${actor}`;
    return this.apply({ ip, step: prev?.step ?? 0, active: true, until: minutes === null ? null : at + minutes * 60_000, reason, alertId: null, blockedAt: at, liftedAt: null, liftedBy: null }, actor, 'ip.blocked');
  }

  /** Lifts a block now; the address keeps its rung so a relapse goes one higher. */
  lift(ipRaw: string, actor: string, note: string | null): IpBlockRow | null {
    const ip = normalizeIp(ipRaw);
    const b = this.rows.get(ip);
    if (!b || !isActive(b, this.now())) return null;
    const at = this.now();
    const row = { ...b, active: false, liftedAt: at, liftedBy: actor };
    this.rows.set(ip, row);
    this.repo.saveBlock(row);
    const detail = { step: b.step, note };
    this.repo.logAction({ at, actor, action: 'ip.unblocked', partnerId: null, ip, alertId: b.alertId, detail });
    this.audit.recordOperatorAction({ at, actor, action: 'ip.unblocked', partnerId: null, ip, alertId: b.alertId, detail });
    return row;
  }

  list(activeOnly: boolean): IpBlockView[] {
    const now = this.now();
    return [...this.rows.values()].filter((b) => !activeOnly || isActive(b, now)).sort((a, b) => b.blockedAt - a.blockedAt).map((b) => blockView(b, now));
  }

  private apply(row: IpBlockRow, actor: string, action: string): IpBlockRow {
    this.rows.set(row.ip, row);
    this.repo.saveBlock(row);
    // HLS clients meet the guard on their next request; long-lived ones are cut now.
    const cut = this.actions.endSessionsFrom(row.ip, 'blocked');
    const detail = { step: row.step, until: iso(row.until), reason: row.reason, sessionsEnded: cut };
    this.repo.logAction({ at: row.blockedAt, actor, action, partnerId: null, ip: row.ip, alertId: row.alertId, detail });
    this.audit.recordOperatorAction({ at: row.blockedAt, actor, action, partnerId: null, ip: row.ip, alertId: row.alertId, detail });
    return row;
  }
}
