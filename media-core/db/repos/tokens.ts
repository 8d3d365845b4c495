import type { TokenHashType } from '../../contracts/partners';
import type { Db } from '../database';

/** An OTP token as stored: its keyed hash, never the token. Times in ms since the epoch. */
export interface TokenRow {
  id: string;
  partnerId: string;
  hash: string;
  hashType: TokenHashType;
  length: number;
  cameras: string[] | null;
  bindIp: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  usedIps: string[];
}

interface RawRow {
  id: string;
  partner_id: string;
  hash: string;
  hash_type: TokenHashType;
  length: number;
  cameras: string | null;
  bind_ip: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  used_ips: string;
}

const toRow = (r: RawRow): TokenRow => ({
  id: r.id,
  partnerId: r.partner_id,
  hash: r.hash,
  hashType: r.hash_type,
  length: r.length,
  cameras: r.cameras === null ? null : (JSON.parse(r.cameras) as string[]),
  bindIp: r.bind_ip,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  usedIps: JSON.parse(r.used_ips) as string[],
});

export class TokensRepo {
  private readonly insertStmt;
  private readonly expiryStmt;
  private readonly revokeStmt;
  private readonly ipsStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO otp_tokens (id, partner_id, hash, hash_type, length, cameras, bind_ip, created_at, expires_at, revoked_at, used_ips)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.expiryStmt = db.prepare('UPDATE otp_tokens SET expires_at = ? WHERE id = ?');
    this.revokeStmt = db.prepare('UPDATE otp_tokens SET revoked_at = ? WHERE id = ?');
    this.ipsStmt = db.prepare('UPDATE otp_tokens SET used_ips = ? WHERE id = ?');
  }

  /** Tokens still worth keeping in memory: not expired (or only just) at `since`. */
  listLive(since: number): TokenRow[] {
    return this.db.prepare<[number], RawRow>('SELECT * FROM otp_tokens WHERE expires_at >= ?').all(since).map(toRow);
  }

  insert(t: TokenRow): void {
    this.insertStmt.run(t.id, t.partnerId, t.hash, t.hashType, t.length, t.cameras ? JSON.stringify(t.cameras) : null, t.bindIp, t.createdAt, t.expiresAt, t.revokedAt, JSON.stringify(t.usedIps));
  }

  setExpiry(id: string, expiresAt: number): void {
    this.expiryStmt.run(expiresAt, id);
  }

  setRevoked(id: string, at: number): void {
    this.revokeStmt.run(at, id);
  }

  setUsedIps(id: string, ips: string[]): void {
    this.ipsStmt.run(JSON.stringify(ips), id);
  }

  /** Forgets tokens that expired before `before`; their use stays in the audit trail. */
  deleteExpired(before: number): number {
    return this.db.prepare('DELETE FROM otp_tokens WHERE expires_at < ?').run(before).changes;
  }
}
