import type { AccessHours, AuthMethod, PartnerStatus } from '../contracts/partners';
import type { PartnerRow, StoredJwtKey } from '../db/repos/partners';
import { IpAllowList } from './ip';

/** A partner as the hot path needs it: sets and compiled lists, no parsing per request. */
export interface CompiledPartner {
  id: string;
  name: string;
  status: PartnerStatus;
  cameras: ReadonlySet<string>;
  auth: ReadonlySet<AuthMethod>;
  allowList: IpAllowList;
  maxConnections: number;
  connectionsPerIp: number | null;
  bandwidthBytesPerSec: number | null;
  accessHours: AccessHours;
  validUntilMs: number | null;
  autoRevoke: boolean;
  allowedOrigins: readonly string[];
  tokenDefaultMinutes: number;
  tokenMaxMinutes: number;
  apiUser: string | null;
  apiPassHash: string | null;
  srtKeyHash: string | null;
  /** Sealed HA1 for RTSP Digest. */
  digestHa1: string | null;
  jwtKeys: readonly StoredJwtKey[];
}

export function compilePartner(row: PartnerRow): CompiledPartner {
  const c = row.config;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    cameras: new Set(c.cameras),
    auth: new Set(c.auth),
    allowList: new IpAllowList(c.ipAllowList),
    maxConnections: c.maxConnections,
    connectionsPerIp: c.connectionsPerIp,
    // Mbit/s as network people mean it: 10^6 bits.
    bandwidthBytesPerSec: c.bandwidthMbps === null ? null : Math.round((c.bandwidthMbps * 1_000_000) / 8),
    accessHours: c.accessHours,
    validUntilMs: c.validUntil ? Date.parse(c.validUntil) : null,
    autoRevoke: c.autoRevoke,
    allowedOrigins: c.allowedOrigins,
    tokenDefaultMinutes: c.tokenDefaultMinutes,
    tokenMaxMinutes: c.tokenMaxMinutes,
    apiUser: row.apiUser,
    apiPassHash: row.apiPassHash,
    srtKeyHash: row.srtKeyHash,
    digestHa1: row.digestHa1,
    jwtKeys: c.jwtKeys,
  };
}

/** Every partner, in memory, kept current by the partner service. */
export class PartnerDirectory {
  private readonly partners = new Map<string, CompiledPartner>();
  private readonly apiUsers = new Map<string, CompiledPartner>();
  private ipPartners: CompiledPartner[] = [];
  private readonly listeners = new Set<(id: string) => void>();

  set(row: PartnerRow): void {
    const old = this.partners.get(row.id);
    if (old?.apiUser) this.apiUsers.delete(old.apiUser);
    const p = compilePartner(row);
    this.partners.set(p.id, p);
    if (p.apiUser) this.apiUsers.set(p.apiUser, p);
    this.reindex(p.id);
  }

  remove(id: string): void {
    const old = this.partners.get(id);
    if (!old) return;
    if (old.apiUser) this.apiUsers.delete(old.apiUser);
    this.partners.delete(id);
    this.reindex(id);
  }

  get(id: string): CompiledPartner | undefined {
    return this.partners.get(id);
  }

  byApiUser(apiUser: string): CompiledPartner | undefined {
    return this.apiUsers.get(apiUser);
  }

  all(): CompiledPartner[] {
    return [...this.partners.values()];
  }

  /** The partner whose allow-list holds `ip`, preferring one granted `camera`. */
  byIp(ip: string, camera: string): CompiledPartner | undefined {
    let any: CompiledPartner | undefined;
    for (const p of this.ipPartners) {
      if (!p.allowList.has(ip)) continue;
      if (p.cameras.has(camera) && p.status === 'active') return p;
      any ??= p;
    }
    return any;
  }

  /** Every origin any partner allows (browsers ask before they send a Bearer header). */
  knownOrigin(origin: string): boolean {
    for (const p of this.partners.values()) if (p.allowedOrigins.includes(origin) || p.allowedOrigins.includes('*')) return true;
    return false;
  }

  onChange(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reindex(changed: string): void {
    this.ipPartners = [...this.partners.values()].filter((p) => p.auth.has('ip') && p.allowList.size > 0);
    for (const l of this.listeners) l(changed);
  }
}
