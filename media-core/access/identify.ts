import type { DenyCode } from '../contracts/audit';
import { DIGEST_REALM, verifyDigest } from '../protocols/rtsp/digest';
import { withinAccessHours } from './access-hours';
import { dummyPasswordHash, verifyPassword } from './password-hash';
import type { JwtVerifier } from './jwt-verifier';
import type { CompiledPartner, PartnerDirectory } from './partner-directory';
import { TokenHasher } from './token-hasher';
import type { TokenRecord, TokenStore } from './token-store';
import type { AccessCredentials, AccessDeny, AccessMethod } from './types';

/** Who is asking, proven by one credential. */
export interface Identity {
  ok: true;
  partner: CompiledPartner;
  method: AccessMethod;
  token?: TokenRecord;
  /** A token or JWT may narrow the partner's grants. */
  cameras?: ReadonlySet<string>;
  /** When the credential stops being valid (JWT exp), for running sessions. */
  expiresAt: number | null;
}

export interface IdentifyDeps {
  /** Unseals a partner's RTSP Digest HA1; absent: Digest is refused. */
  openDigestHa1?: ((partnerId: string, sealed: string) => string | null) | undefined;
  partners: PartnerDirectory;
  tokens: TokenStore;
  jwt: JwtVerifier;
  hasher: TokenHasher;
}

const deny = (status: 401 | 403, code: DenyCode, reason: string, partnerId?: string, tokenId?: string): AccessDeny => ({
  ok: false,
  status,
  code,
  reason,
  partnerId,
  tokenId,
});

/** Finds the partner behind the request's credential. The first credential present is
 *  the one checked: a bad token is refused even from an allow-listed address. */
export async function identify(deps: IdentifyDeps, c: AccessCredentials, ip: string, camera: string, at: number): Promise<Identity | AccessDeny> {
  if (c.otp !== undefined) return identifyOtp(deps, c.otp, ip, at);
  if (c.jwt !== undefined) {
    const r = await deps.jwt.verify(c.jwt);
    if (!r.ok) return deny(401, r.code, r.reason, r.partnerId);
    return { ok: true, partner: r.partner, method: 'jwt', cameras: r.cameras, expiresAt: r.expMs };
  }
  if (c.apiUser !== undefined) {
    const p = deps.partners.byApiUser(c.apiUser);
    const valid = await verifyPassword(c.apiPass ?? '', p?.apiPassHash ?? (await dummyPasswordHash()));
    if (!p || !valid) return deny(401, 'api_credentials_invalid', `api credentials for ${JSON.stringify(c.apiUser.slice(0, 64))} rejected`, p?.id);
    return { ok: true, partner: p, method: 'api-credentials', expiresAt: null };
  }
  if (c.digest !== undefined) {
    const p = deps.partners.byApiUser(c.digest.username);
    const ha1 = p?.digestHa1 && deps.openDigestHa1 ? deps.openDigestHa1(p.id, p.digestHa1) : null;
    const valid = ha1 !== null && c.digest.realm === DIGEST_REALM && verifyDigest(c.digest, ha1);
    if (!p || !valid) return deny(401, 'api_credentials_invalid', `RTSP digest for ${JSON.stringify(c.digest.username.slice(0, 64))} rejected`, p?.id);
    return { ok: true, partner: p, method: 'api-credentials', expiresAt: null };
  }
  if (c.srtKey !== undefined) {
    const hash = deps.hasher.hash(c.srtKey);
    const p = deps.partners.all().find((x) => x.srtKeyHash !== null && TokenHasher.same(x.srtKeyHash, hash));
    if (!p) return deny(401, 'srt_key_invalid', 'unknown SRT key');
    if (!p.auth.has('srt_key')) return deny(401, 'method_disabled', 'SRT key method is off for this partner', p.id);
    return { ok: true, partner: p, method: 'srt-key', expiresAt: null };
  }
  const p = deps.partners.byIp(ip, camera);
  if (!p) return deny(401, 'no_credentials', `no credential and ${ip} is on no allow-list`);
  return { ok: true, partner: p, method: 'ip', expiresAt: null };
}

function identifyOtp(deps: IdentifyDeps, otp: string, ip: string, at: number): Identity | AccessDeny {
  const t = deps.tokens.lookup(otp);
  if (!t) return deny(401, 'token_unknown', 'unknown token');
  const status = deps.tokens.status(t, at);
  if (status === 'revoked') return deny(401, 'token_revoked', 'token was revoked', t.partnerId, t.id);
  if (status === 'expired') return deny(401, 'token_expired', 'token expired', t.partnerId, t.id);
  const p = deps.partners.get(t.partnerId);
  if (!p) return deny(401, 'token_unknown', 'token of a removed partner', t.partnerId, t.id);
  if (!p.auth.has('otp')) return deny(401, 'method_disabled', 'OTP is off for this partner', p.id, t.id);
  if (t.bindIp && t.bindIp !== ip) return deny(403, 'token_ip_mismatch', `token bound to ${t.bindIp}, used from ${ip}`, p.id, t.id);
  return { ok: true, partner: p, method: 'otp', token: t, cameras: t.cameras ? new Set(t.cameras) : undefined, expiresAt: t.expiresAt };
}

/** Whether the partner may watch `camera` now; the denial otherwise. */
export function checkPartner(p: CompiledPartner, camera: string, at: number, narrowed?: ReadonlySet<string>): AccessDeny | null {
  if (p.status === 'suspended') return deny(403, 'partner_suspended', 'partner is suspended', p.id);
  if (p.status === 'terminated') return deny(403, 'partner_terminated', 'partnership terminated', p.id);
  if (p.validUntilMs !== null && at >= p.validUntilMs) return deny(403, 'partner_expired', 'partner access ended (valid until passed)', p.id);
  if (!p.cameras.has(camera) || (narrowed && !narrowed.has(camera))) return deny(403, 'camera_not_granted', `camera ${camera} not granted`, p.id);
  if (!withinAccessHours(p.accessHours, at)) return deny(403, 'outside_access_hours', 'outside the partner’s access hours', p.id);
  return null;
}
