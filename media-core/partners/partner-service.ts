import { randomBytes } from 'node:crypto';
import { ApiError } from '../contracts/api-error';
import type { CredentialsRequest, JwtKeyInput, PartnerCreateInput, PartnerUpdateInput } from '../contracts/partner-requests';
import type { JwtKeyView, Partner, PartnerCreated, PartnerCredentials } from '../contracts/partners';
import { hashPassword, importJwtKey, type PartnerDirectory, type TokenHasher, type TokenStore } from '../access/index';
import type { PartnerRow, PartnersRepo, StoredJwtKey } from '../db/repos/partners';
import type { Logger } from '../log/logger';
import { DIGEST_REALM, digestHa1 } from '../protocols/rtsp/digest';
import { configFromCreate, fingerprint, newApiPass, newApiUser, newPartnerId, partnerView } from './partner-view';

export interface PartnerServiceDeps {
  repo: PartnersRepo;
  directory: PartnerDirectory;
  tokens: TokenStore;
  hasher: TokenHasher;
  log: Logger;
  /** Camera ids that exist; grants must name them. Absent: any well-formed id. */
  knownCameras?: () => string[];
  /** Seals a partner's RTSP Digest HA1 for storage; absent: no Digest for RTSP. */
  sealDigestHa1?: (partnerId: string, ha1: string) => string;
  now?: () => number;
}

/** Partners: their settings, API credentials and keys. Every change is stored, then
 *  pushed into the access plane's directory, which ends sessions it no longer allows. */
export class PartnerService {
  private readonly now: () => number;

  constructor(private readonly d: PartnerServiceDeps) {
    this.now = d.now ?? Date.now;
  }

  /** RTSP Digest cannot be checked against the slow hash of apipass, so HA1 is kept too,
   *  sealed: it opens only RTSP, only for this partner, and only with the key file. */
  private sealedHa1(id: string, apiUser: string, apiPass: string): string | null {
    return this.d.sealDigestHa1 ? this.d.sealDigestHa1(id, digestHa1(apiUser, DIGEST_REALM, apiPass)) : null;
  }

  load(): void {
    for (const row of this.d.repo.list()) this.d.directory.set(row);
  }

  list(): Partner[] {
    return this.d.repo.list().map(partnerView);
  }

  get(id: string): Partner | undefined {
    const row = this.d.repo.find(id);
    return row ? partnerView(row) : undefined;
  }

  async create(input: PartnerCreateInput): Promise<PartnerCreated> {
    this.checkCameras(input.cameras);
    const keys = await Promise.all((input.jwtKeys ?? []).map((k, i) => this.storedKey(k, `key-${i + 1}`)));
    const config = configFromCreate(input, keys);
    if (config.tokenDefaultMinutes > config.tokenMaxMinutes) throw new ApiError('VALIDATION_FAILED', 'tokenDefaultMinutes: must not exceed tokenMaxMinutes');
    const at = new Date(this.now()).toISOString();
    const apipass = newApiPass();
    const id = newPartnerId(input.name);
    const apiUser = this.uniqueApiUser(input.name);
    const row: PartnerRow = {
      id,
      name: input.name,
      type: input.type,
      status: 'active',
      config,
      apiUser,
      apiPassHash: await hashPassword(apipass),
      srtKeyHash: null,
      digestHa1: this.sealedHa1(id, apiUser, apipass),
      createdAt: at,
      updatedAt: at,
    };
    this.d.repo.insert(row);
    this.d.directory.set(row);
    this.d.log.info({ partner: row.id, type: row.type }, 'partner created');
    return { partner: partnerView(row), credentials: { apiuser: row.apiUser!, apipass } };
  }

  async update(id: string, patch: PartnerUpdateInput): Promise<Partner | undefined> {
    const row = this.d.repo.find(id);
    if (!row) return undefined;
    if (patch.cameras) this.checkCameras(patch.cameras);
    const { name, type, status, ...config } = patch;
    const next: PartnerRow = {
      ...row,
      name: name ?? row.name,
      type: type ?? row.type,
      status: status ?? row.status,
      config: { ...row.config, ...stripUndefined(config) },
      updatedAt: new Date(this.now()).toISOString(),
    };
    if (next.config.tokenDefaultMinutes > next.config.tokenMaxMinutes) throw new ApiError('VALIDATION_FAILED', 'tokenDefaultMinutes: must not exceed tokenMaxMinutes');
    this.save(next);
    // A terminated partnership keeps no live tokens; a suspension only pauses them.
    if (next.status === 'terminated' && row.status !== 'terminated') this.d.tokens.revokeAllOf(id);
    if (next.status !== row.status) this.d.log.warn({ partner: id, from: row.status, to: next.status }, 'partner status changed');
    return partnerView(next);
  }

  remove(id: string): boolean {
    if (!this.d.repo.find(id)) return false;
    this.d.tokens.revokeAllOf(id);
    this.d.tokens.forgetPartner(id);
    this.d.repo.delete(id);
    this.d.directory.remove(id);
    this.d.log.warn({ partner: id }, 'partner removed');
    return true;
  }

  /** New API credentials, shown once. The user name stays unless a new one is asked for. */
  async rotateCredentials(id: string, req: CredentialsRequest): Promise<PartnerCredentials | undefined> {
    const row = this.d.repo.find(id);
    if (!row) return undefined;
    const apiuser = req.apiuser ?? row.apiUser ?? this.uniqueApiUser(row.name);
    if (this.d.repo.apiUserTaken(apiuser, id)) throw new ApiError('CONFLICT', `apiuser ${JSON.stringify(apiuser)} is taken`);
    const apipass = req.apipass ?? newApiPass();
    this.save({
      ...row,
      apiUser: apiuser,
      apiPassHash: await hashPassword(apipass),
      digestHa1: this.sealedHa1(id, apiuser, apipass),
      updatedAt: new Date(this.now()).toISOString(),
    });
    this.d.log.warn({ partner: id, apiuser }, 'partner API credentials rotated');
    return { apiuser, apipass };
  }

  async addJwtKey(id: string, input: JwtKeyInput): Promise<JwtKeyView | undefined> {
    const row = this.d.repo.find(id);
    if (!row) return undefined;
    const key = await this.storedKey(input, `key-${row.config.jwtKeys.length + 1}-${randomBytes(2).toString('hex')}`);
    if (this.d.directory.all().some((p) => p.jwtKeys.some((k) => k.kid === key.kid))) throw new ApiError('CONFLICT', `kid ${JSON.stringify(key.kid)} is in use`);
    this.save({ ...row, config: { ...row.config, jwtKeys: [...row.config.jwtKeys, key] }, updatedAt: new Date(this.now()).toISOString() });
    return { kid: key.kid, alg: key.alg, fingerprint: fingerprint(key.key) };
  }

  removeJwtKey(id: string, kid: string): boolean {
    const row = this.d.repo.find(id);
    if (!row || !row.config.jwtKeys.some((k) => k.kid === kid)) return false;
    this.save({ ...row, config: { ...row.config, jwtKeys: row.config.jwtKeys.filter((k) => k.kid !== kid) }, updatedAt: new Date(this.now()).toISOString() });
    return true;
  }

  /** A new SRT key, shown once; stored as its keyed hash like OTP tokens. */
  rotateSrtKey(id: string): { srtKey: string } | undefined {
    const row = this.d.repo.find(id);
    if (!row) return undefined;
    const srtKey = randomBytes(24).toString('base64url');
    this.save({ ...row, srtKeyHash: this.d.hasher.hash(srtKey), updatedAt: new Date(this.now()).toISOString() });
    return { srtKey };
  }

  private save(row: PartnerRow): void {
    this.d.repo.update(row);
    this.d.directory.set(row);
  }

  private async storedKey(k: JwtKeyInput, fallbackKid: string): Promise<StoredJwtKey> {
    const key: StoredJwtKey = { kid: k.kid ?? fallbackKid, alg: k.alg, key: k.key };
    try {
      await importJwtKey(key);
    } catch (err) {
      throw new ApiError('VALIDATION_FAILED', `jwt key ${key.kid}: not a usable ${key.alg} key (${(err as Error).message})`);
    }
    return key;
  }

  private checkCameras(cameras: string[]): void {
    const known = this.d.knownCameras?.();
    if (!known) return;
    const missing = cameras.filter((c) => !known.includes(c));
    if (missing.length) throw new ApiError('VALIDATION_FAILED', `cameras: no such camera: ${missing.join(', ')}`, [{ path: 'cameras', message: `unknown: ${missing.join(', ')}` }]);
  }

  private uniqueApiUser(name: string): string {
    for (;;) {
      const u = newApiUser(name);
      if (!this.d.repo.apiUserTaken(u)) return u;
    }
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
