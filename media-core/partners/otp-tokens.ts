import { ApiError } from '../contracts/api-error';
import { TOKEN_DEFAULT_LENGTH, TOKEN_LENGTHS, type TokenCreateRequest } from '../contracts/partner-requests';
import type { TokenCreated, TokenView } from '../contracts/partners';
import type { CompiledPartner, PartnerDirectory, TokenRecord, TokenStore } from '../access/index';

const DEFAULT_HASH_TYPE = 'numeric';

/** The rules of OTP tokens, shared by the partner OTP API and the console: durations
 *  within the partner's bounds, lengths within the safe bounds, cameras within grants. */
export class OtpTokens {
  constructor(
    private readonly directory: PartnerDirectory,
    private readonly tokens: TokenStore,
    private readonly now: () => number = Date.now,
  ) {}

  create(partner: CompiledPartner, req: TokenCreateRequest): TokenCreated {
    this.assertCanIssue(partner);
    const minutes = this.minutesFor(partner, req.minutes ?? partner.tokenDefaultMinutes);
    const hashType = req.hashType ?? DEFAULT_HASH_TYPE;
    const length = req.hashLength ?? TOKEN_DEFAULT_LENGTH;
    const { min, max } = TOKEN_LENGTHS[hashType];
    if (!Number.isInteger(length) || length < min || length > max) {
      throw new ApiError('VALIDATION_FAILED', `hash_length: ${hashType} tokens are ${min} to ${max} characters long`, [{ path: 'hash_length', message: `${min}-${max}` }]);
    }
    let cameras: string[] | null = null;
    if (req.cameras) {
      const ungranted = req.cameras.filter((c) => !partner.cameras.has(c));
      if (ungranted.length) throw new ApiError('VALIDATION_FAILED', `cameras: not granted to this partner: ${ungranted.join(', ')}`, [{ path: 'cameras', message: 'not granted' }]);
      cameras = [...new Set(req.cameras)];
    }
    const { token, record } = this.tokens.create({ partnerId: partner.id, minutes, hashType, length, cameras, bindIp: req.bindIp ?? null });
    return { token, info: this.tokens.view(record) };
  }

  /** Adds `minutes` (default: the partner's default) to an active token of the partner. */
  extend(partner: CompiledPartner, t: TokenRecord, minutes: number | undefined): TokenView {
    this.assertCanIssue(partner);
    const status = this.tokens.status(t);
    if (status !== 'active') throw new ApiError('CONFLICT', `the token is ${status} and cannot be extended; create a new one`);
    const wanted = this.minutesFor(partner, minutes ?? partner.tokenDefaultMinutes);
    const maxLife = partner.validUntilMs === null ? partner.tokenMaxMinutes : Math.min(partner.tokenMaxMinutes, Math.floor((partner.validUntilMs - this.now()) / 60_000));
    this.tokens.extend(t, wanted, maxLife);
    return this.tokens.view(t);
  }

  revoke(t: TokenRecord): TokenView {
    this.tokens.revoke(t);
    return this.tokens.view(t);
  }

  /** The partner's own token, by its value; undefined for unknown tokens and for tokens
   *  of other partners alike. */
  own(partner: CompiledPartner, token: string): TokenRecord | undefined {
    const t = this.tokens.lookup(token);
    return t && t.partnerId === partner.id ? t : undefined;
  }

  ownById(partnerId: string, tokenId: string): TokenRecord | undefined {
    const t = this.tokens.get(tokenId);
    return t && t.partnerId === partnerId ? t : undefined;
  }

  list(partnerId: string): TokenView[] {
    return this.tokens.forPartner(partnerId).map((t) => this.tokens.view(t));
  }

  view(t: TokenRecord): TokenView {
    return this.tokens.view(t);
  }

  partner(id: string): CompiledPartner | undefined {
    return this.directory.get(id);
  }

  private assertCanIssue(p: CompiledPartner): void {
    if (p.status !== 'active') throw new ApiError('FORBIDDEN', `partner access is ${p.status}`);
    if (!p.auth.has('otp')) throw new ApiError('FORBIDDEN', 'OTP is not enabled for this partner');
    if (p.validUntilMs !== null && p.validUntilMs <= this.now()) throw new ApiError('FORBIDDEN', 'partner access has ended');
  }

  private minutesFor(p: CompiledPartner, minutes: number): number {
    if (!Number.isInteger(minutes) || minutes < 1) throw new ApiError('VALIDATION_FAILED', 'duration: whole minutes, at least 1', [{ path: 'duration', message: '>= 1' }]);
    if (minutes > p.tokenMaxMinutes) {
      throw new ApiError('VALIDATION_FAILED', `duration: at most ${p.tokenMaxMinutes} minutes for this partner`, [{ path: 'duration', message: `<= ${p.tokenMaxMinutes}` }]);
    }
    // A temporary event's tokens end with the event.
    if (p.validUntilMs !== null) return Math.max(1, Math.min(minutes, Math.ceil((p.validUntilMs - this.now()) / 60_000)));
    return minutes;
  }
}
