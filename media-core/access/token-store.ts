import { randomBytes } from 'node:crypto';
import type { TokenHashType, TokenStatus, TokenView } from '../contracts/partners';
import type { TokenRow, TokensRepo } from '../db/repos/tokens';
import { TokenHasher } from './token-hasher';
import { generateToken, looksLikeToken } from './token-format';

export type TokenRecord = TokenRow;

export interface TokenCreateOptions {
  partnerId: string;
  minutes: number;
  hashType: TokenHashType;
  length: number;
  cameras: string[] | null;
  bindIp: string | null;
}

/** Expired tokens stay known this long, so their use is denied as "expired" (clearer in
 *  the audit trail) and tokeninfo still answers; then they are forgotten. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;
const MAX_IPS_PER_TOKEN = 100;

/**
 * OTP tokens, checked from memory on every request; SQLite (hashes only) keeps them
 * across restarts. The map key is the token's keyed hash, which a caller cannot compute
 * without the server key, so how long a lookup takes says nothing about stored tokens;
 * the final comparison is constant-time all the same.
 */
export class TokenStore {
  private readonly byHash = new Map<string, TokenRecord>();
  private readonly byId = new Map<string, TokenRecord>();
  private readonly revokedListeners = new Set<(t: TokenRecord) => void>();
  private readonly usageDirty = new Set<TokenRecord>();

  constructor(
    private readonly repo: TokensRepo,
    private readonly hasher: TokenHasher,
    private readonly now: () => number = Date.now,
  ) {}

  load(): void {
    for (const t of this.repo.listLive(this.now() - KEEP_EXPIRED_MS)) this.remember(t);
  }

  create(o: TokenCreateOptions): { token: string; record: TokenRecord } {
    for (;;) {
      const token = generateToken(o.hashType, o.length);
      const hash = this.hasher.hash(token);
      // A collision is astronomically unlikely at >= 50 bits, but never hand out a duplicate.
      if (this.byHash.has(hash)) continue;
      const at = this.now();
      const record: TokenRecord = {
        id: `tok_${randomBytes(9).toString('base64url')}`,
        partnerId: o.partnerId,
        hash,
        hashType: o.hashType,
        length: o.length,
        cameras: o.cameras,
        bindIp: o.bindIp,
        createdAt: at,
        expiresAt: at + o.minutes * 60_000,
        revokedAt: null,
        usedIps: [],
      };
      this.repo.insert(record);
      this.remember(record);
      return { token, record };
    }
  }

  /** The record of a token, whatever its status; undefined when unknown. */
  lookup(token: string): TokenRecord | undefined {
    if (!looksLikeToken(token)) return undefined;
    const hash = this.hasher.hash(token);
    const r = this.byHash.get(hash);
    return r && TokenHasher.same(r.hash, hash) ? r : undefined;
  }

  get(id: string): TokenRecord | undefined {
    return this.byId.get(id);
  }

  forPartner(partnerId: string): TokenRecord[] {
    return [...this.byId.values()].filter((t) => t.partnerId === partnerId).sort((a, b) => b.createdAt - a.createdAt);
  }

  status(t: TokenRecord, at = this.now()): TokenStatus {
    if (t.revokedAt !== null) return 'revoked';
    return t.expiresAt <= at ? 'expired' : 'active';
  }

  /** Adds `minutes` to the token's life, never beyond `maxMinutes` from now. */
  extend(t: TokenRecord, minutes: number, maxMinutes: number): number {
    const at = this.now();
    t.expiresAt = Math.min(Math.max(t.expiresAt, at) + minutes * 60_000, at + maxMinutes * 60_000);
    this.repo.setExpiry(t.id, t.expiresAt);
    return t.expiresAt;
  }

  revoke(t: TokenRecord): void {
    if (t.revokedAt !== null) return;
    t.revokedAt = this.now();
    this.repo.setRevoked(t.id, t.revokedAt);
    for (const l of this.revokedListeners) l(t);
  }

  revokeAllOf(partnerId: string): number {
    let n = 0;
    for (const t of this.forPartner(partnerId)) {
      if (this.status(t) !== 'active') continue;
      this.revoke(t);
      n++;
    }
    return n;
  }

  onRevoked(listener: (t: TokenRecord) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** Records the client address. Stored by flushUsage(), off the request path; the
   *  audit trail has every address at once anyway. */
  noteUse(t: TokenRecord, ip: string): void {
    if (t.usedIps.length >= MAX_IPS_PER_TOKEN || t.usedIps.includes(ip)) return;
    t.usedIps.push(ip);
    this.usageDirty.add(t);
  }

  flushUsage(): void {
    for (const t of this.usageDirty) if (this.byId.has(t.id)) this.repo.setUsedIps(t.id, t.usedIps);
    this.usageDirty.clear();
  }

  forgetPartner(partnerId: string): void {
    for (const t of this.forPartner(partnerId)) this.forget(t);
  }

  /** Drops tokens long expired from memory and the database. */
  purge(): void {
    const before = this.now() - KEEP_EXPIRED_MS;
    for (const t of this.byId.values()) if (t.expiresAt < before) this.forget(t);
    this.repo.deleteExpired(before);
  }

  view(t: TokenRecord): TokenView {
    const at = this.now();
    const status = this.status(t, at);
    return {
      id: t.id,
      partnerId: t.partnerId,
      cameras: t.cameras,
      bindIp: t.bindIp,
      hashType: t.hashType,
      length: t.length,
      createdAt: new Date(t.createdAt).toISOString(),
      expiresAt: new Date(t.expiresAt).toISOString(),
      status,
      revokedAt: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
      secondsRemaining: status === 'active' ? Math.max(0, Math.floor((t.expiresAt - at) / 1000)) : 0,
      ips: [...t.usedIps],
    };
  }

  private remember(t: TokenRecord): void {
    this.byHash.set(t.hash, t);
    this.byId.set(t.id, t);
  }

  private forget(t: TokenRecord): void {
    this.byHash.delete(t.hash);
    this.byId.delete(t.id);
  }
}
