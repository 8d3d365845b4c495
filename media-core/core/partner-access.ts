import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AccessPlane, JwtVerifier, normalizeIp, PartnerDirectory, TokenHasher, TokenStore } from '../access/index';
import { AuditQueries, AuditRecorder, AuditWriter, type AuditWriterOptions } from '../audit/index';
import { DEFAULT_ACCESS_LIMITS, type AccessLimits } from '../contracts/partners';
import type { Db } from '../db/database';
import { AuditRepo } from '../db/repos/audit';
import { PartnersRepo } from '../db/repos/partners';
import type { SettingsRepo } from '../db/repos/settings';
import { TokensRepo } from '../db/repos/tokens';
import type { Logger } from '../log/logger';
import { OtpApi, OtpTokens, PartnerService } from '../partners/index';
import type { HlsMuxer } from '../servers/hls/index';
import type { ConsoleAudit, ConsolePartners } from '../servers/console/deps';
import type { PartnerHttpDeps } from '../servers/http/server';
import { mountPartnerHls } from './partner-hls';

export interface PartnerAccessOptions {
  db: Db;
  dataDir: string;
  settings: SettingsRepo;
  log: Logger;
  knownCameras(): string[];
  muxerFor(camera: string): HlsMuxer | undefined;
  /** Counts an allowed partner player as a viewer, so on-demand cameras keep running. */
  touchViewer?(camera: string, client: string): void;
  /** Seals and opens partners' RTSP Digest HA1 (the appliance's secret box). */
  digestBox?: { seal(plain: string, context: string): string; open(sealed: string, context: string): string };
  now?: () => number;
  failureDelay?: () => Promise<void>;
  audit?: AuditWriterOptions;
}

export interface PartnerAccess {
  access: AccessPlane;
  partners: PartnerService;
  /** For createPartnerHttpServer. */
  http: Omit<PartnerHttpDeps, 'health'>;
  console: { partners: ConsolePartners; audit: ConsoleAudit };
  stop(): void;
}

const LIMITS_KEY = 'access.limits';

/** A sealed value that cannot be opened (key file replaced) refuses Digest, loudly. */
function openQuietly(box: NonNullable<PartnerAccessOptions['digestBox']>, sealed: string, context: string, log: Logger): string | null {
  try {
    return box.open(sealed, context);
  } catch (err) {
    log.error({ err: (err as Error).message, context }, 'a sealed RTSP digest secret cannot be opened; rotate the partner credentials');
    return null;
  }
}

/** Builds the access plane, partners, OTP API and audit trail, and what the partner
 *  and console listeners need of them. Wiring only. */
export function createPartnerAccess(o: PartnerAccessOptions): PartnerAccess {
  const log = o.log.child({ component: 'access' });
  const now = o.now ?? Date.now;
  const hasher = TokenHasher.fromFile(join(o.dataDir, 'token-hmac.key'));
  const box = o.digestBox;
  const directory = new PartnerDirectory();
  const tokens = new TokenStore(new TokensRepo(o.db), hasher, now);
  const auditRepo = new AuditRepo(o.db);
  const orphans = auditRepo.closeOrphanedSessions('core_crashed');
  if (orphans > 0) log.warn({ sessions: orphans }, 'sessions left open by an unclean stop were closed at their last activity');
  const writer = new AuditWriter(auditRepo, log, o.audit);
  const access = new AccessPlane({
    partners: directory,
    tokens,
    jwt: new JwtVerifier(directory, now),
    hasher,
    log,
    sink: new AuditRecorder(writer),
    limits: { ...DEFAULT_ACCESS_LIMITS, ...o.settings.get<Partial<AccessLimits>>(LIMITS_KEY) },
    now,
    ...(o.failureDelay ? { failureDelay: o.failureDelay } : {}),
    ...(box ? { openDigestHa1: (id: string, sealed: string) => openQuietly(box, sealed, `digest:${id}`, log) } : {}),
  });
  const partners = new PartnerService({
    repo: new PartnersRepo(o.db),
    directory,
    tokens,
    hasher,
    log,
    knownCameras: o.knownCameras,
    now,
    ...(box ? { sealDigestHa1: (id: string, ha1: string) => box.seal(ha1, `digest:${id}`) } : {}),
  });
  partners.load();
  tokens.load();
  access.start();
  const otpTokens = new OtpTokens(directory, tokens, now);
  const queries = new AuditQueries(auditRepo, writer);

  const consolePartners: ConsolePartners = {
    list: () => partners.list(),
    get: (id) => partners.get(id),
    create: (input) => partners.create(input),
    update: (id, patch) => partners.update(id, patch),
    remove: (id) => partners.remove(id),
    rotateCredentials: (id, req) => partners.rotateCredentials(id, req),
    addJwtKey: (id, key) => partners.addJwtKey(id, key),
    removeJwtKey: (id, kid) => partners.removeJwtKey(id, kid),
    rotateSrtKey: (id) => partners.rotateSrtKey(id),
    listTokens: (id) => (directory.get(id) ? otpTokens.list(id) : undefined),
    createToken: (id, req) => {
      const p = directory.get(id);
      return p ? otpTokens.create(p, req) : undefined;
    },
    revokeToken: (id, tokenId) => {
      const t = otpTokens.ownById(id, tokenId);
      return t ? otpTokens.revoke(t) : undefined;
    },
    sessions: () => access.listSessions(),
    terminateSession: (id) => access.terminateSessions((s) => s.id === id, 'terminated_by_operator') > 0,
    limits: () => access.limits(),
    setLimits: (patch) => {
      const next = { ...access.limits(), ...patch };
      o.settings.set(LIMITS_KEY, next);
      access.setLimits(next);
      return next;
    },
  };

  return {
    access,
    partners,
    http: {
      otp: new OtpApi(access, directory, otpTokens, log),
      connections: {
        acquire: (remote) => {
          const ip = normalizeIp(remote);
          const release = access.connections.acquire(ip);
          if (!release) void access.record({ protocol: 'hls', ip, result: 'deny', code: 'too_many_connections', reason: 'connection limit per address' });
          return release;
        },
      },
      mountHls: (app: FastifyInstance) => mountPartnerHls(app, access, o.muxerFor, o.touchViewer),
      knownOrigin: (origin) => access.knownOrigin(origin),
    },
    console: { partners: consolePartners, audit: queries },
    stop: () => {
      access.stop('core_stopped');
      writer.close();
    },
  };
}
