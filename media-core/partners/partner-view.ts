import { createHash, randomBytes } from 'node:crypto';
import type { Partner } from '../contracts/partners';
import { PARTNER_PRESETS } from '../contracts/partners';
import type { PartnerCreateInput } from '../contracts/partner-requests';
import type { PartnerConfig, PartnerRow, StoredJwtKey } from '../db/repos/partners';

export function fingerprint(key: string): string {
  return createHash('sha256').update(key.trim()).digest('hex').slice(0, 16);
}

/** A partner as the console API shows it: no password hash, no key material. */
export function partnerView(row: PartnerRow): Partner {
  const { jwtKeys, ...c } = row.config;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    ...c,
    apiUser: row.apiUser,
    jwtKeys: jwtKeys.map((k) => ({ kid: k.kid, alg: k.alg, fingerprint: fingerprint(k.key) })),
    srtKeySet: row.srtKeyHash !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The partner's settings: its type's preset under whatever was given explicitly. */
export function configFromCreate(input: PartnerCreateInput, jwtKeys: StoredJwtKey[]): PartnerConfig {
  const preset = PARTNER_PRESETS.find((p) => p.type === input.type) ?? PARTNER_PRESETS.at(-1)!;
  const s = preset.settings;
  const tokenDefaultMinutes = input.tokenDefaultMinutes ?? s.tokenDefaultMinutes;
  return {
    contactEmail: input.contactEmail ?? null,
    cameras: input.cameras,
    auth: input.auth,
    ipAllowList: input.ipAllowList ?? s.ipAllowList ?? [],
    maxConnections: input.maxConnections ?? s.maxConnections,
    connectionsPerIp: input.connectionsPerIp ?? null,
    bandwidthMbps: input.bandwidthMbps === undefined ? s.bandwidthMbps : input.bandwidthMbps,
    accessHours: input.accessHours ?? { mode: 'always' },
    tokenDefaultMinutes,
    tokenMaxMinutes: Math.max(input.tokenMaxMinutes ?? s.tokenMaxMinutes, tokenDefaultMinutes),
    autoRevoke: input.autoRevoke ?? s.autoRevoke,
    validUntil: input.validUntil ?? null,
    reshare: input.reshare ?? false,
    allowedOrigins: input.allowedOrigins ?? [],
    notes: input.notes ?? '',
    jwtKeys,
  };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
function randomSuffix(n: number): string {
  return [...randomBytes(n)].map((b) => BASE32[b % 32]).join('');
}

export function slug(name: string, max = 32): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'partner';
}

export function newPartnerId(name: string): string {
  return `${slug(name)}-${randomSuffix(5)}`;
}

export function newApiUser(name: string): string {
  return `${slug(name, 24).replace(/-/g, '_')}_${randomSuffix(4)}`;
}

/** 24 characters of base64url: 144 bits, far past any guessing. */
export function newApiPass(): string {
  return randomBytes(18).toString('base64url');
}
