// Part of the fake console API the slice tests use (see ../testing.ts). Not imported by the app.
import type { JwtKeyInput, PartnerCreateRequest, PartnerUpdateRequest, TokenCreateRequest } from '../../../../media-core/contracts/partner-requests';
import type { JwtKeyView, Partner, PartnerCreated, PartnerCredentials, PartnerPreset, TokenCreated, TokenView } from '../../../../media-core/contracts/partners';
import type { PartnerUsage, UsageTotals } from '../../../../media-core/contracts/usage';
import { ConsoleApiError } from '../../services/consoleApiError';
import type { PartnersApi, UsageRangeQuery } from '../../services/partnersApi';
import { FakeWallApi } from './fakeWallApi';

const AT = '2024-10-01T12:00:00.000Z';

export function partner(id: string, overrides: Partial<Partner> = {}): Partner {
  return {
    id,
    name: `Partner ${id}`,
    type: 'news_media',
    contactEmail: null,
    status: 'active',
    cameras: ['demo-1'],
    auth: ['otp'],
    ipAllowList: [],
    maxConnections: 10,
    connectionsPerIp: null,
    bandwidthMbps: 10,
    accessHours: { mode: 'always' },
    tokenDefaultMinutes: 30,
    tokenMaxMinutes: 120,
    autoRevoke: false,
    validUntil: null,
    reshare: false,
    allowedOrigins: [],
    notes: '',
    apiUser: `${id}-api`,
    jwtKeys: [],
    srtKeySet: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function tokenView(id: string, partnerId: string, overrides: Partial<TokenView> = {}): TokenView {
  return {
    id,
    partnerId,
    cameras: null,
    bindIp: null,
    hashType: 'alphanumeric',
    length: 20,
    createdAt: AT,
    expiresAt: '2024-10-01T12:30:00.000Z',
    status: 'active',
    revokedAt: null,
    secondsRemaining: 1800,
    ips: [],
    ...overrides,
  };
}

/** Partners, their tokens and usage kept in memory. */
export abstract class FakePartnersApi extends FakeWallApi implements PartnersApi {
  partners: Partner[] = [partner('news'), partner('vms', { name: 'Agency VMS', type: 'partner_agency_vms', auth: ['ip'] })];
  presets: PartnerPreset[] = [];
  tokens: TokenView[] = [];
  usage: UsageTotals = { from: AT, to: AT, partners: [], truncated: false };
  readonly usageQueries: UsageRangeQuery[] = [];
  private made = 0;

  async listPartners(token: string): Promise<Partner[]> {
    this.authorize('listPartners', token);
    return this.partners;
  }

  async listPartnerPresets(token: string): Promise<PartnerPreset[]> {
    this.authorize('listPartnerPresets', token);
    return this.presets;
  }

  async createPartner(token: string, request: PartnerCreateRequest): Promise<PartnerCreated> {
    this.authorize('createPartner', token);
    const created = partner(request.name.toLowerCase().replace(/\W+/g, '-'), { name: request.name, cameras: request.cameras });
    this.partners = [...this.partners, created];
    return { partner: created, credentials: { apiuser: created.apiUser!, apipass: 'secret-once' } };
  }

  async updatePartner(token: string, id: string, patch: PartnerUpdateRequest): Promise<Partner> {
    this.authorize('updatePartner', token);
    const updated = { ...this.findPartner(id), ...(patch as Partial<Partner>) };
    this.partners = this.partners.map((p) => (p.id === id ? updated : p));
    return updated;
  }

  async deletePartner(token: string, id: string): Promise<void> {
    this.authorize('deletePartner', token);
    this.findPartner(id);
    this.partners = this.partners.filter((p) => p.id !== id);
  }

  async rotatePartnerCredentials(token: string, id: string): Promise<PartnerCredentials> {
    this.authorize('rotatePartnerCredentials', token);
    return { apiuser: this.findPartner(id).apiUser ?? id, apipass: 'rotated-secret' };
  }

  async rotatePartnerSrtKey(token: string, id: string): Promise<{ srtKey: string }> {
    this.authorize('rotatePartnerSrtKey', token);
    this.findPartner(id);
    return { srtKey: 'srt-secret' };
  }

  async addPartnerJwtKey(token: string, id: string, key: JwtKeyInput): Promise<JwtKeyView> {
    this.authorize('addPartnerJwtKey', token);
    this.findPartner(id);
    return { kid: key.kid ?? 'key-1', alg: key.alg, fingerprint: '0123456789abcdef' };
  }

  async removePartnerJwtKey(token: string, id: string, _kid: string): Promise<void> {
    this.authorize('removePartnerJwtKey', token);
    this.findPartner(id);
  }

  async listPartnerTokens(token: string, id: string): Promise<TokenView[]> {
    this.authorize('listPartnerTokens', token);
    return this.tokens.filter((t) => t.partnerId === id);
  }

  async createPartnerToken(token: string, id: string, request: TokenCreateRequest): Promise<TokenCreated> {
    this.authorize('createPartnerToken', token);
    this.findPartner(id);
    this.made += 1;
    const info = tokenView(`t${this.made}`, id, { cameras: request.cameras ?? null, createdAt: `2024-10-01T12:0${this.made}:00.000Z` });
    this.tokens = [...this.tokens, info];
    return { token: `otp-${this.made}`, info };
  }

  async revokePartnerToken(token: string, id: string, tokenId: string): Promise<TokenView> {
    this.authorize('revokePartnerToken', token);
    const found = this.tokens.find((t) => t.partnerId === id && t.id === tokenId);
    if (!found) throw new ConsoleApiError('NOT_FOUND', 'no such partner or token', 404);
    const revoked: TokenView = { ...found, status: 'revoked', revokedAt: AT, secondsRemaining: 0 };
    this.tokens = this.tokens.map((t) => (t.id === tokenId ? revoked : t));
    return revoked;
  }

  async reinstatePartner(token: string, id: string): Promise<void> {
    this.authorize('reinstatePartner', token);
    this.partners = this.partners.map((p) => (p.id === id ? { ...this.findPartner(id), status: 'active' } : p));
  }

  async partnerUsage(token: string, id: string, range: UsageRangeQuery): Promise<PartnerUsage> {
    this.authorize('partnerUsage', token);
    this.usageQueries.push(range);
    const points = [{ at: range.from, bytes: 1000, sessions: 1 }];
    return { partnerId: id, from: range.from, to: range.to, bucketSec: 60, points, totalBytes: 1000, sessions: 1, truncated: false };
  }

  async usageTotals(token: string, range: UsageRangeQuery): Promise<UsageTotals> {
    this.authorize('usageTotals', token);
    this.usageQueries.push(range);
    return this.usage;
  }

  private findPartner(id: string): Partner {
    const found = this.partners.find((p) => p.id === id);
    if (!found) throw new ConsoleApiError('NOT_FOUND', `no partner with id "${id}"`, 404);
    return found;
  }
}
