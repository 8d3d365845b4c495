// Request bodies of the partner parts of the console API, as zod schemas: the server
// validates with them and the console may reuse them for its forms. No Node APIs here.
import { z } from 'zod';
import { AUTH_METHODS, JWT_ALGORITHMS, PARTNER_STATUSES, PARTNER_TYPES, WEEKDAYS } from './partners';

export const CAMERA_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Token length bounds per alphabet. The minimums keep every token above ~50 bits of
 *  entropy: a guessing attacker gets ~1e-5 chance per 1e10 guesses even with 1e4 live
 *  tokens, while the failure delay, rate limits and abuse monitor keep real guess rates
 *  many orders of magnitude below that. 12 digits (40 bits) would not be enough. */
export const TOKEN_LENGTHS = {
  numeric: { min: 16, max: 64 },
  alphanumeric: { min: 9, max: 64 },
  hex: { min: 13, max: 64 },
} as const;
export const TOKEN_DEFAULT_LENGTH = 20;
export const TOKEN_HASH_TYPES = ['numeric', 'alphanumeric', 'hex'] as const;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(s: string): boolean {
  if (!s.includes(':') || /[^0-9a-fA-F:.]/.test(s)) return false;
  try {
    // The WHATWG URL parser validates IPv6 literals the same way in Node and browsers.
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

/** An IPv4/IPv6 address, optionally with a /prefix. */
export function isIpOrCidr(value: string): boolean {
  const [addr = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  const v4 = IPV4.test(addr);
  const v6 = !v4 && isIpv6(addr);
  if (!v4 && !v6) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-fA-F:.]+\](:\d{1,5})?$/;

export const CameraIdSchema = z.string().regex(CAMERA_ID_PATTERN, 'must be a camera id (a-z, 0-9, _ and -)');

export const AccessHoursSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('always') }).strict(),
  z
    .object({
      mode: z.literal('weekly'),
      timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
      windows: z
        .array(
          z
            .object({
              days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
              start: z.string().regex(HHMM, 'must be HH:MM'),
              end: z.string().regex(HHMM, 'must be HH:MM (24:00 allowed)'),
            })
            .strict(),
        )
        .min(1)
        .max(50),
    })
    .strict(),
]);

export const JwtKeyInputSchema = z
  .object({
    kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, underscore and dash').optional(),
    alg: z.enum(JWT_ALGORITHMS),
    /** HS256: the shared secret (at least 32 characters). RS256/EdDSA: the public key as
     *  PEM (SPKI) or a JWK in JSON. */
    key: z.string().min(32, 'must be at least 32 characters').max(16_384),
  })
  .strict();
export type JwtKeyInput = z.infer<typeof JwtKeyInputSchema>;

const authList = z
  .union([z.enum(AUTH_METHODS), z.array(z.enum(AUTH_METHODS))])
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .refine((v) => v.length > 0, 'at least one method');

const partnerFields = {
  name: z.string().trim().min(1).max(100),
  type: z.enum(PARTNER_TYPES),
  contactEmail: z.email().max(254).nullable(),
  cameras: z.array(CameraIdSchema).max(1000).transform((v) => [...new Set(v)]),
  auth: authList,
  ipAllowList: z.array(z.string().trim().refine(isIpOrCidr, 'must be an IPv4/IPv6 address or CIDR')).max(1000),
  maxConnections: z.number().int().min(1).max(10_000),
  connectionsPerIp: z.number().int().min(1).max(1000).nullable(),
  bandwidthMbps: z.number().positive().max(100_000).nullable(),
  accessHours: AccessHoursSchema,
  tokenDefaultMinutes: z.number().int().min(1).max(7 * 24 * 60),
  tokenMaxMinutes: z.number().int().min(1).max(7 * 24 * 60),
  autoRevoke: z.boolean(),
  validUntil: z.iso.datetime({ offset: true }).nullable(),
  reshare: z.boolean(),
  allowedOrigins: z.array(z.string().refine((o) => o === '*' || ORIGIN.test(o), 'must be an origin such as https://example.org, or *')).max(100),
  notes: z.string().max(4000),
};

/** POST /api/v1/partners. Unset fields come from the preset of `type` (default 'other'). */
export const PartnerCreateSchema = z
  .object({
    ...partnerFields,
    type: partnerFields.type.default('other'),
    jwtKeys: z.array(JwtKeyInputSchema).max(20).optional(),
  })
  .partial({
    contactEmail: true,
    ipAllowList: true,
    maxConnections: true,
    connectionsPerIp: true,
    bandwidthMbps: true,
    accessHours: true,
    tokenDefaultMinutes: true,
    tokenMaxMinutes: true,
    autoRevoke: true,
    validUntil: true,
    reshare: true,
    allowedOrigins: true,
    notes: true,
  })
  .strict();
export type PartnerCreateRequest = z.input<typeof PartnerCreateSchema>;
export type PartnerCreateInput = z.output<typeof PartnerCreateSchema>;

/** PATCH /api/v1/partners/:id: any subset of the fields, plus the status. */
export const PartnerUpdateSchema = z
  .object({ ...partnerFields, status: z.enum(PARTNER_STATUSES) })
  .partial()
  .strict();
export type PartnerUpdateRequest = z.input<typeof PartnerUpdateSchema>;
export type PartnerUpdateInput = z.output<typeof PartnerUpdateSchema>;

/** POST /api/v1/partners/:id/credentials. Empty body: both generated. */
export const CredentialsRequestSchema = z
  .object({
    apiuser: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, '3-64 letters, digits, dot, underscore or dash').optional(),
    apipass: z.string().min(12, 'at least 12 characters').max(256).optional(),
  })
  .strict();
export type CredentialsRequest = z.infer<typeof CredentialsRequestSchema>;

/** POST /api/v1/partners/:id/tokens (the console's way to make an OTP token). */
export const TokenCreateSchema = z
  .object({
    minutes: z.number().int().min(1).optional(),
    hashType: z.enum(TOKEN_HASH_TYPES).optional(),
    hashLength: z.number().int().optional(),
    cameras: z.array(CameraIdSchema).min(1).max(1000).optional(),
    bindIp: z.string().refine((v) => isIpOrCidr(v) && !v.includes('/'), 'must be an IP address').optional(),
  })
  .strict();
export type TokenCreateRequest = z.infer<typeof TokenCreateSchema>;

export const AccessLimitsSchema = z
  .object({
    authPerSec: z.number().positive().max(10_000),
    authBurst: z.number().int().min(1).max(10_000),
    segmentsPerSec: z.number().positive().max(100_000),
    segmentBurst: z.number().int().min(1).max(100_000),
    connectionsPerIp: z.number().int().min(1).max(100_000),
    sessionIdleSec: z.number().int().min(5).max(3600),
  })
  .partial()
  .strict();
