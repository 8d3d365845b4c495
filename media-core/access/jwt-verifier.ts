import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors, importJWK, importSPKI, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import type { StoredJwtKey } from '../db/repos/partners';
import type { CompiledPartner, PartnerDirectory } from './partner-directory';

export type JwtResult =
  | { ok: true; partner: CompiledPartner; cameras: ReadonlySet<string>; expMs: number }
  | { ok: false; code: 'jwt_invalid' | 'jwt_expired'; reason: string; partnerId?: string };

interface Verified {
  partnerId: string;
  cameras: ReadonlySet<string>;
  expMs: number;
}

const CACHE_MAX = 10_000;
const CLOCK_TOLERANCE_SEC = 5;

/**
 * Verifies partner JWTs (HS256, RS256, EdDSA) with the keys configured per partner.
 * The partner is found by the header's `kid`, else by `iss` = partner id. `exp` and a
 * `cameras` claim (array of camera ids) are required. A verified token is remembered
 * (by its SHA-256) until it expires, so a player's segment requests do not each pay
 * for a signature check; any partner change empties the cache.
 */
export class JwtVerifier {
  private readonly keys = new Map<string, Promise<CryptoKey | KeyObject>>();
  private readonly cache = new Map<string, Verified>();

  constructor(
    private readonly partners: PartnerDirectory,
    private readonly now: () => number = Date.now,
  ) {
    partners.onChange(() => {
      this.keys.clear();
      this.cache.clear();
    });
  }

  async verify(jwt: string): Promise<JwtResult> {
    if (jwt.length > 8192) return { ok: false, code: 'jwt_invalid', reason: 'jwt too long' };
    const id = createHash('sha256').update(jwt).digest('base64url');
    const hit = this.cache.get(id);
    if (hit) {
      const partner = this.partners.get(hit.partnerId);
      if (!partner) return { ok: false, code: 'jwt_invalid', reason: 'partner gone' };
      if (hit.expMs <= this.now()) return { ok: false, code: 'jwt_expired', reason: 'jwt expired', partnerId: partner.id };
      return { ok: true, partner, cameras: hit.cameras, expMs: hit.expMs };
    }
    const r = await this.verifyUncached(jwt);
    if (r.ok) {
      if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, { partnerId: r.partner.id, cameras: r.cameras, expMs: r.expMs });
    }
    return r;
  }

  private async verifyUncached(jwt: string): Promise<JwtResult> {
    let header;
    let claims;
    try {
      header = decodeProtectedHeader(jwt);
      claims = decodeJwt(jwt);
    } catch {
      return { ok: false, code: 'jwt_invalid', reason: 'not a JWT' };
    }
    const found = this.findKey(header.kid, claims.iss, header.alg);
    if (!found) return { ok: false, code: 'jwt_invalid', reason: `no key for kid=${header.kid ?? '-'} iss=${claims.iss ?? '-'} alg=${header.alg ?? '-'}` };
    const { partner, key } = found;
    let payload: JWTPayload;
    try {
      const k = await this.importKey(partner.id, key);
      ({ payload } = await jwtVerify(jwt, k, {
        algorithms: [key.alg],
        requiredClaims: ['exp'],
        currentDate: new Date(this.now()),
        clockTolerance: CLOCK_TOLERANCE_SEC,
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, code: 'jwt_expired', reason: 'jwt expired', partnerId: partner.id };
      return { ok: false, code: 'jwt_invalid', reason: `jwt rejected: ${(err as Error).message}`, partnerId: partner.id };
    }
    const cams = payload.cameras;
    const list = typeof cams === 'string' ? cams.split(',') : Array.isArray(cams) ? cams : null;
    if (!list || !list.every((c) => typeof c === 'string')) {
      return { ok: false, code: 'jwt_invalid', reason: 'jwt has no cameras claim', partnerId: partner.id };
    }
    return { ok: true, partner, cameras: new Set(list as string[]), expMs: (payload.exp ?? 0) * 1000 };
  }

  private findKey(kid: string | undefined, iss: string | undefined, alg: string | undefined): { partner: CompiledPartner; key: StoredJwtKey } | undefined {
    const candidates = kid ? this.partners.all() : iss ? [this.partners.get(iss)].filter((p) => p !== undefined) : [];
    for (const partner of candidates) {
      if (!partner.auth.has('jwt')) continue;
      const key = partner.jwtKeys.find((k) => (kid ? k.kid === kid : true) && k.alg === alg);
      if (key) return { partner, key };
    }
    return undefined;
  }

  private importKey(partnerId: string, key: StoredJwtKey): Promise<CryptoKey | KeyObject> {
    const id = `${partnerId}\0${key.kid}`;
    let k = this.keys.get(id);
    if (!k) {
      k = importJwtKey(key);
      this.keys.set(id, k);
    }
    return k;
  }
}

/** The key ready for verification; imported once per partner key, not per token. */
export async function importJwtKey(key: StoredJwtKey): Promise<CryptoKey | KeyObject> {
  if (key.alg === 'HS256') return createSecretKey(Buffer.from(key.key, 'utf8'));
  const text = key.key.trim();
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text) as Parameters<typeof importJWK>[0], key.alg)) as CryptoKey;
  return importSPKI(text, key.alg);
}
