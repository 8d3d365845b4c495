import type { FastifyInstance } from 'fastify';
import { AbuseService, type AbuseActions, type AuditSink, type PartnerFacts, type Sealer } from '../abuse/index';
import { IpAllowList } from '../access/index';
import type { Db } from '../db/database';
import type { SettingsRepo } from '../db/repos/settings';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';
import type { HlsMuxer } from '../servers/hls/index';
import { createAbuseInputs, type AbuseInputs } from './abuse-inputs';
import type { PartnerAccess } from './partner-access';

export interface AbuseWiringOptions {
  db: Db;
  settings: SettingsRepo;
  dataDir: string;
  log: Logger;
  bus: EventBus;
  partnerAccess: Pick<PartnerAccess, 'access' | 'partners'>;
  partnerHttp: FastifyInstance;
  muxerFor(camera: string): HlsMuxer | undefined;
  sealer: Sealer;
  now?: () => number;
  bandwidthBucketMs?: number;
  notifierDelays?: { baseMs: number; maxMs: number };
}

export interface AbuseWiring {
  service: AbuseService;
  inputs: AbuseInputs;
  stop(): Promise<void>;
}

const MBIT = 1_000_000 / 8;

/** The abuse monitor wired to the access plane and the partner service: its responses
 *  act through them, on every protocol at once. Wiring only. */
export function createAbuseWiring(o: AbuseWiringOptions): AbuseWiring {
  const log = o.log.child({ component: 'abuse' });
  const now = o.now ?? Date.now;
  const { access, partners } = o.partnerAccess;
  const setStatus = (id: string, status: 'active' | 'suspended' | 'terminated', notes?: string) => {
    partners.update(id, notes === undefined ? { status } : { status, notes }).catch((err: unknown) => log.error({ err, partner: id, status }, 'partner status change failed'));
  };

  const actions: AbuseActions = {
    partner(id): PartnerFacts | null {
      const p = partners.get(id);
      if (!p) return null;
      const allow = new IpAllowList(p.auth.includes('ip') ? p.ipAllowList : []);
      return {
        id: p.id,
        name: p.name,
        status: p.status,
        contactEmail: p.contactEmail,
        reshare: p.reshare,
        bandwidthBytesPerSec: p.bandwidthMbps === null ? null : Math.round(p.bandwidthMbps * MBIT),
        allowListed: (ip) => allow.has(ip),
      };
    },
    throttlePartner(id, factor, observed) {
      access.bandwidth.setMultiplier(id, factor);
      // An uncapped partner is paced at the rate it was seen using, so the multiplier bites.
      if (factor >= 1) access.bandwidth.setCeiling(id, null);
      else if (!partners.get(id)?.bandwidthMbps) {
        if (observed) access.bandwidth.setCeiling(id, observed);
        else if (!access.bandwidth.ceiling(id)) log.warn({ partner: id }, 'throttle restored without an observed rate; it bites once the partner has a bandwidth cap');
      }
    },
    suspendPartner: (id, reason, actor) => {
      log.warn({ partner: id, actor, reason }, 'partner suspended by the abuse monitor');
      setStatus(id, 'suspended');
    },
    terminatePartner: (id, reason, actor) => {
      const p = partners.get(id);
      const flag = `[${new Date(now()).toISOString()}] Terminated by ${actor}; flagged for legal review. ${reason}`;
      log.error({ partner: id, actor, reason }, 'partnership terminated; flagged for legal review');
      setStatus(id, 'terminated', `${p?.notes ? `${p.notes}\n` : ''}${flag}`.slice(-4000));
    },
    reinstatePartner: (id, actor) => {
      log.warn({ partner: id, actor }, 'partner reinstated');
      setStatus(id, 'active');
    },
    endSessionsFrom: (ip) => access.terminateSessions((s) => s.ip === ip, 'blocked'),
  };

  // The audit module records access decisions; responses and operator actions are kept
  // in the abuse action log (GET /api/v1/abuse/actions) and mirrored to the log here.
  const audit: AuditSink = { recordOperatorAction: (a) => log.info({ ...a, audit: true }, `abuse action: ${a.action}`) };

  const service = new AbuseService({
    db: o.db,
    config: o.settings,
    sealer: o.sealer,
    actions,
    audit,
    events: o.bus,
    log,
    now,
    dataDir: o.dataDir,
    ...(o.bandwidthBucketMs ? { bandwidthBucketMs: o.bandwidthBucketMs } : {}),
    ...(o.notifierDelays ? { notifierDelays: o.notifierDelays } : {}),
  });
  const inputs = createAbuseInputs({
    access,
    partnerHttp: o.partnerHttp,
    muxerFor: o.muxerFor,
    capOf: (id) => actions.partner(id)?.bandwidthBytesPerSec ?? null,
    now,
  });
  service.attach(inputs);
  const removeGuard = access.addGuard(service.guard);
  service.start();
  inputs.start();
  return {
    service,
    inputs,
    stop: async () => {
      inputs.stop();
      removeGuard();
      await service.stop();
    },
  };
}
