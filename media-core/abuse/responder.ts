import { DETECTOR_INFO, RESPONSE_LEVEL_NAMES, type AbuseDetector, type AbuseSettings, type Alert, type AlertAction, type AlertSeverity, type ResponseLevel } from '../contracts/alerts';
import type { AlertRecord } from '../db/repos/alerts';
import type { Logger } from '../log/logger';
import type { AlertStore } from './alert-store';
import type { IpBlocks } from './ip-blocks';
import { nextLevel, type PartnerLadder } from './ladder';
import type { Notifier } from './notify/notifier';
import type { AbuseActions, Finding, PartnerFacts } from './types';
import { BoundedMap } from './windows';

export const DETECTOR_SETTING: Record<AbuseDetector, Exclude<keyof AbuseSettings, 'escalation' | 'ipBlocks'>> = {
  token_many_ips: 'tokenManyIps',
  geo_impossible: 'geoImpossible',
  user_agent_changed: 'userAgentChanged',
  bandwidth_sustained: 'bandwidthSustained',
  bandwidth_spike: 'bandwidthSpike',
  download_pattern: 'downloadPattern',
  duplicate_streams: 'duplicateStreams',
  reverse_proxy: 'reverseProxy',
  cdn_headers: 'cdnHeaders',
  auth_failures: 'authFailures',
  connection_rate: 'connectionRate',
  ungranted_camera: 'ungrantedCamera',
};

export const MONITOR = 'abuse-monitor';

export function severityOf(level: number, blockStep: number | null, blockUntil: number | null | undefined): AlertSeverity {
  let sev: AlertSeverity = level >= 3 ? 'critical' : level === 2 ? 'high' : level === 1 ? 'warning' : 'info';
  if (blockStep !== null) {
    const manual = blockUntil === null;
    if (manual && sev !== 'critical') sev = 'high';
    else if (sev === 'info') sev = 'warning';
  }
  return sev;
}

export function describeActions(actions: AlertAction[], level: ResponseLevel): string {
  const parts = actions.map((a) =>
    a.kind === 'warn'
      ? 'warning sent'
      : a.kind === 'throttle'
        ? `bandwidth cut to ${Math.round(a.factor * 100)} %`
        : a.kind === 'suspend'
          ? 'partner suspended for manual review'
          : a.kind === 'terminate'
            ? 'partnership terminated, tokens revoked, flagged for legal'
            : a.kind === 'ip_block'
              ? `${a.ip} blocked ${a.until ? `until ${a.until}` : 'until lifted'} (block ${a.step})`
              : a.why,
  );
  return parts.length ? parts.join('; ') : `no new action (partner at level ${level}, ${RESPONSE_LEVEL_NAMES[level]})`;
}

export interface ResponderDeps {
  store: AlertStore;
  ladder: PartnerLadder;
  blocks: IpBlocks;
  actions: AbuseActions;
  notifier: Notifier;
  settings: () => AbuseSettings;
  now: () => number;
  log: Logger;
  observedRate(partnerId: string): number | null;
}

/**
 * Turns findings into alerts and responses: the partner moves up its ladder (warning,
 * throttle, suspend, terminate), an address that misbehaved (or an allow-listed
 * partner's address) gets the next progressive block, the alert is stored, pushed to
 * the consoles and its notifications queued. The same finding again within the
 * cooldown adds to its alert instead.
 */
export class Responder {
  private readonly recent = new BoundedMap<string, { alertId: number; at: number }>(10_000);

  constructor(private readonly d: ResponderDeps) {}

  handle(f: Finding): Alert | null {
    const st = this.d.settings();
    const partner = f.partnerId ? this.d.actions.partner(f.partnerId) : null;
    if (partner?.reshare && DETECTOR_INFO[f.detector].category === 'redistribution') return null;
    const startLevel = st[DETECTOR_SETTING[f.detector]].startLevel;
    const key = `${f.detector}|${f.subject}`;
    const prev = this.recent.get(key);
    if (prev && f.at - prev.at < st.escalation.repeatCooldownMinutes * 60_000) {
      const rec = this.d.store.record(prev.alertId);
      if (rec) {
        prev.at = f.at;
        return this.repeat(rec, f, partner, startLevel);
      }
    }
    return this.create(f, partner, startLevel, key);
  }

  private create(f: Finding, partner: PartnerFacts | null, startLevel: number, key: string): Alert | null {
    const st = this.d.settings();
    const now = this.d.now();
    const partnerName = partner?.name ?? f.partnerName;
    const partnerResponse = !!f.partnerId && startLevel > 0 && !(f.detector === 'auth_failures' && f.blockIp);
    let current: ResponseLevel = 0;
    let target: ResponseLevel = 0;
    if (f.partnerId && partnerResponse) {
      current = this.d.ladder.current(f.partnerId, st.escalation);
      target = nextLevel(this.d.ladder.get(f.partnerId), current, startLevel, now, st.escalation);
      this.d.ladder.noteFinding(f.partnerId, partnerName);
    }
    const rec = this.d.store.create({
      createdAt: now,
      detector: f.detector,
      subject: f.subject,
      severity: 'info',
      partnerId: f.partnerId,
      partnerName,
      camera: f.camera,
      ip: f.ip,
      tokenId: f.tokenId,
      summary: f.summary,
      metrics: f.metrics,
      evidence: f.evidence.slice(-20),
      response: { level: target, actions: [], summary: '' },
      history: [],
    });
    this.recent.set(key, { alertId: rec.id, at: f.at });
    const actions: AlertAction[] = [];
    if (f.partnerId && target > current) {
      actions.push(
        ...this.d.ladder.moveTo(f.partnerId, target, {
          actor: MONITOR,
          reason: `alert #${rec.id}: ${f.summary}`,
          factor: st.escalation.throttleFactor,
          observedBytesPerSec: this.d.observedRate(f.partnerId),
          alertId: rec.id,
        }),
      );
    }
    const block = this.maybeBlock(f, partner, startLevel, rec.id);
    if (block) actions.push(block);
    const level: ResponseLevel = f.partnerId && partnerResponse ? Math.max(target, current) as ResponseLevel : 0;
    rec.response = { level, actions, summary: describeActions(actions, level) };
    rec.severity = severityOf(target > current ? target : Math.min(startLevel, 4), block?.kind === 'ip_block' ? block.step : null, block?.kind === 'ip_block' ? (block.until === null ? null : Date.parse(block.until)) : undefined);
    rec.history.push({ at: new Date(now).toISOString(), actor: MONITOR, action: 'created', note: rec.response.summary });
    this.d.store.save(rec);
    const alert = this.d.store.publish(rec.id, true)!;
    this.d.log.warn({ alertId: rec.id, detector: f.detector, partnerId: f.partnerId, ip: f.ip, level, actions: actions.map((a) => a.kind) }, 'abuse alert');
    this.d.notifier.enqueue(alert, partner?.contactEmail ?? null, { partner: target > current });
    return alert;
  }

  /** The same finding within the cooldown: one more occurrence; an address whose block
   *  ran out while it keeps misbehaving gets the next rung. */
  private repeat(rec: AlertRecord, f: Finding, partner: PartnerFacts | null, startLevel: number): Alert | null {
    const now = this.d.now();
    rec.occurrences++;
    rec.lastSeenAt = now;
    rec.summary = f.summary;
    rec.metrics = f.metrics;
    const seen = new Set(rec.evidence.map((e) => `${e.at}|${e.ip}|${e.code}|${e.reason}`));
    for (const e of f.evidence) if (!seen.has(`${e.at}|${e.ip}|${e.code}|${e.reason}`)) rec.evidence.push(e);
    if (rec.evidence.length > 20) rec.evidence.splice(1, rec.evidence.length - 20);
    const block = this.maybeBlock(f, partner, startLevel, rec.id);
    if (block) {
      rec.response.actions.push(block);
      rec.response.summary = describeActions(rec.response.actions, rec.response.level);
      rec.history.push({ at: new Date(now).toISOString(), actor: MONITOR, action: 'ip.blocked', note: describeActions([block], rec.response.level) });
      if (block.kind === 'ip_block' && block.until === null && rec.severity !== 'critical') rec.severity = 'high';
    }
    this.d.store.save(rec);
    return this.d.store.publish(rec.id) ?? null;
  }

  private maybeBlock(f: Finding, partner: PartnerFacts | null, startLevel: number, alertId: number): AlertAction | null {
    if (!f.ip || startLevel <= 0) return null;
    const allowListed = f.method === 'ip' || (partner?.allowListed(f.ip) ?? false);
    if (!f.blockIp && !allowListed) return null;
    if (this.d.blocks.isBlocked(f.ip)) return null;
    if (this.d.blocks.exempt(f.ip)) return { kind: 'none', why: `${f.ip} is on the never-block list` };
    const b = this.d.blocks.blockNext(f.ip, `alert #${alertId}: ${DETECTOR_INFO[f.detector].label}`, MONITOR, alertId);
    if (!b) return null;
    return { kind: 'ip_block', ip: b.ip, until: b.until === null ? null : new Date(b.until).toISOString(), step: b.step };
  }
}
