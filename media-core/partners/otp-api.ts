import { z } from 'zod';
import { ApiError } from '../contracts/api-error';
import { TOKEN_HASH_TYPES, isIpOrCidr, CameraIdSchema } from '../contracts/partner-requests';
import type { TokenView } from '../contracts/partners';
import { delayAfterFailure, dummyPasswordHash, normalizeIp, verifyPassword, type AccessPlane, type CompiledPartner, type PartnerDirectory } from '../access/index';
import type { Logger } from '../log/logger';
import type { OtpTokens } from './otp-tokens';

/** What the partner listener sends back: the token alone as text/plain for `create`
 *  (as the spec shows), JSON for the other actions. */
export type OtpApiAnswer = { type: 'text'; body: string; expiresAt: string } | { type: 'json'; body: Record<string, unknown> };

export interface OtpApiClient {
  ip: string;
  userAgent?: string | undefined;
}

const ACTIONS = ['create', 'extend', 'tokeninfo', 'revoke'] as const;

// Form fields arrive as strings; JSON may carry numbers and arrays. Accept both.
const int = z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number');
const cameraList = z
  .union([z.string().max(10_000), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((c) => c.trim()).filter(Boolean))
  .pipe(z.array(CameraIdSchema).min(1).max(1000));
const token = z.string().min(1).max(128);

const Base = z.object({
  apiuser: z.string({ error: 'required' }).min(1, 'required').max(128),
  apipass: z.string({ error: 'required' }).min(1, 'required').max(256),
  action: z.string({ error: 'required' }).min(1, 'required').max(32),
});
const Create = z.object({
  duration: int.min(1, 'at least 1 minute').optional(),
  hash_type: z.enum(TOKEN_HASH_TYPES, { error: `one of ${TOKEN_HASH_TYPES.join(', ')}` }).optional(),
  hash_length: int.optional(),
  cameras: cameraList.optional(),
  bind_ip: z.string().refine((v) => v === 'auto' || (isIpOrCidr(v) && !v.includes('/')), 'an IP address, or auto for the caller’s').optional(),
});
const Extend = z.object({ token, duration: int.min(1, 'at least 1 minute').optional() });
const ByToken = z.object({ token });

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new ApiError('VALIDATION_FAILED', details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '), details);
}

/**
 * The partner OTP API of the spec: POST /otp/api/ and /api/v1/otp/ with apiuser, apipass
 * and action = create | extend | tokeninfo | revoke. Rate-limited per client before
 * anything else; wrong credentials cost a delay and say nothing about which part was
 * wrong; a token that is unknown or another partner's is "no such token" either way.
 */
export class OtpApi {
  constructor(
    private readonly access: AccessPlane,
    private readonly directory: PartnerDirectory,
    private readonly tokens: OtpTokens,
    private readonly log: Logger,
  ) {}

  async handle(fields: unknown, client: OtpApiClient): Promise<OtpApiAnswer> {
    const ip = normalizeIp(client.ip);
    const rate = this.access.takeAuthRate(ip, client.userAgent);
    if (!rate.allowed) throw new ApiError('RATE_LIMITED', 'too many requests; slow down', { retryAfterSec: rate.retryAfterSec });
    const base = parse(Base, fields);
    const partner = await this.authenticate(base.apiuser, base.apipass, ip, client.userAgent);
    const action = (ACTIONS as readonly string[]).includes(base.action) ? (base.action as (typeof ACTIONS)[number]) : null;
    if (!action) throw new ApiError('BAD_REQUEST', `unknown action ${JSON.stringify(base.action.slice(0, 32))}; use create, extend, tokeninfo or revoke`);

    const answer = this.run(action, partner, fields, ip);
    void this.access.record({ protocol: 'api', ip, userAgent: client.userAgent, partnerId: partner.id, partnerName: partner.name, tokenId: answer.tokenId, result: 'allow', code: 'ok', reason: `otp ${action}`, kind: action });
    return answer.answer;
  }

  private run(action: (typeof ACTIONS)[number], partner: CompiledPartner, fields: unknown, ip: string): { answer: OtpApiAnswer; tokenId: string } {
    if (action === 'create') {
      const f = parse(Create, fields);
      const made = this.tokens.create(partner, {
        minutes: f.duration,
        hashType: f.hash_type,
        hashLength: f.hash_length,
        cameras: f.cameras,
        bindIp: f.bind_ip === 'auto' ? ip : f.bind_ip,
      });
      this.log.info({ partner: partner.id, tokenId: made.info.id, expiresAt: made.info.expiresAt }, 'otp token created');
      return { answer: { type: 'text', body: made.token, expiresAt: made.info.expiresAt }, tokenId: made.info.id };
    }
    if (action === 'extend') {
      const f = parse(Extend, fields);
      const t = this.ownToken(partner, f.token);
      const v = this.tokens.extend(partner, t, f.duration);
      return { answer: { type: 'json', body: { token_id: v.id, expires_at: v.expiresAt, seconds_remaining: v.secondsRemaining } }, tokenId: v.id };
    }
    const f = parse(ByToken, fields);
    const t = this.ownToken(partner, f.token);
    if (action === 'revoke') {
      const v = this.tokens.revoke(t);
      this.log.info({ partner: partner.id, tokenId: v.id }, 'otp token revoked by partner');
      return { answer: { type: 'json', body: { token_id: v.id, status: v.status, revoked_at: v.revokedAt } }, tokenId: v.id };
    }
    return { answer: { type: 'json', body: tokenInfo(partner, this.tokens.view(t)) }, tokenId: t.id };
  }

  private ownToken(partner: CompiledPartner, value: string) {
    const t = this.tokens.own(partner, value);
    if (!t) throw new ApiError('NOT_FOUND', 'no such token for this partner');
    return t;
  }

  private async authenticate(apiuser: string, apipass: string, ip: string, userAgent: string | undefined): Promise<CompiledPartner> {
    const p = this.directory.byApiUser(apiuser);
    // Unknown users cost the same scrypt as wrong passwords: timing tells nothing.
    const valid = await verifyPassword(apipass, p?.apiPassHash ?? (await dummyPasswordHash()));
    if (p && valid) {
      if (p.status !== 'active') throw new ApiError('FORBIDDEN', `partner access is ${p.status}`);
      return p;
    }
    await Promise.all([
      this.access.record({ protocol: 'api', ip, userAgent, partnerId: p?.id ?? null, partnerName: p?.name ?? null, result: 'deny', code: 'api_credentials_invalid', reason: `otp api login as ${JSON.stringify(apiuser.slice(0, 64))} failed` }),
      delayAfterFailure(),
    ]);
    throw new ApiError('UNAUTHENTICATED', 'invalid API credentials');
  }
}

function tokenInfo(p: CompiledPartner, v: TokenView): Record<string, unknown> {
  return {
    token_id: v.id,
    partner: p.name,
    partner_id: p.id,
    status: v.status,
    cameras: v.cameras ?? [...p.cameras],
    bind_ip: v.bindIp,
    created_at: v.createdAt,
    expires_at: v.expiresAt,
    seconds_remaining: v.secondsRemaining,
    ips: v.ips,
  };
}
