import type { AccessHours, AuthMethod, JwtAlgorithm, PartnerStatus, PartnerType } from '../../contracts/partners';
import type { Db } from '../database';

/** A JWT verification key with its material (an HS256 secret or a public key). */
export interface StoredJwtKey {
  kid: string;
  alg: JwtAlgorithm;
  key: string;
}

/** Everything about a partner's access that is not a column of its own. */
export interface PartnerConfig {
  contactEmail: string | null;
  cameras: string[];
  auth: AuthMethod[];
  ipAllowList: string[];
  maxConnections: number;
  connectionsPerIp: number | null;
  bandwidthMbps: number | null;
  accessHours: AccessHours;
  tokenDefaultMinutes: number;
  tokenMaxMinutes: number;
  autoRevoke: boolean;
  validUntil: string | null;
  reshare: boolean;
  allowedOrigins: string[];
  notes: string;
  jwtKeys: StoredJwtKey[];
}

export interface PartnerRow {
  id: string;
  name: string;
  type: PartnerType;
  status: PartnerStatus;
  config: PartnerConfig;
  apiUser: string | null;
  apiPassHash: string | null;
  srtKeyHash: string | null;
  /** Sealed HA1 for RTSP Digest; null until credentials are issued with it. */
  digestHa1: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RawRow {
  id: string;
  name: string;
  type: PartnerType;
  status: PartnerStatus;
  config: string;
  api_user: string | null;
  api_pass_hash: string | null;
  srt_key_hash: string | null;
  digest_ha1: string | null;
  created_at: string;
  updated_at: string;
}

const toRow = (r: RawRow): PartnerRow => ({
  id: r.id,
  name: r.name,
  type: r.type,
  status: r.status,
  config: JSON.parse(r.config) as PartnerConfig,
  apiUser: r.api_user,
  apiPassHash: r.api_pass_hash,
  srtKeyHash: r.srt_key_hash,
  digestHa1: r.digest_ha1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class PartnersRepo {
  constructor(private readonly db: Db) {}

  list(): PartnerRow[] {
    return this.db.prepare<[], RawRow>('SELECT * FROM partners ORDER BY name COLLATE NOCASE, id').all().map(toRow);
  }

  find(id: string): PartnerRow | undefined {
    const r = this.db.prepare<[string], RawRow>('SELECT * FROM partners WHERE id = ?').get(id);
    return r ? toRow(r) : undefined;
  }

  apiUserTaken(apiUser: string, exceptId?: string): boolean {
    return this.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM partners WHERE api_user = ? AND id <> ?').get(apiUser, exceptId ?? '')!.n > 0;
  }

  insert(row: PartnerRow): void {
    this.db
      .prepare(
        `INSERT INTO partners (id, name, type, status, config, api_user, api_pass_hash, srt_key_hash, digest_ha1, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, row.name, row.type, row.status, JSON.stringify(row.config), row.apiUser, row.apiPassHash, row.srtKeyHash, row.digestHa1, row.createdAt, row.updatedAt);
  }

  update(row: PartnerRow): void {
    this.db
      .prepare(
        `UPDATE partners SET name = ?, type = ?, status = ?, config = ?, api_user = ?, api_pass_hash = ?, srt_key_hash = ?, digest_ha1 = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(row.name, row.type, row.status, JSON.stringify(row.config), row.apiUser, row.apiPassHash, row.srtKeyHash, row.digestHa1, row.updatedAt, row.id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM partners WHERE id = ?').run(id).changes > 0;
  }
}
