import type { JwtKeyInput, PartnerCreateRequest, PartnerUpdateRequest, TokenCreateRequest } from '../../../media-core/contracts/partner-requests';
import type { JwtKeyView, Partner, PartnerCreated, PartnerCredentials, PartnerPreset, TokenCreated, TokenView } from '../../../media-core/contracts/partners';
import type { PartnerUsage, UsageTotals } from '../../../media-core/contracts/usage';
import type { ApiRequest } from './consoleApi';

export interface UsageRangeQuery {
  from: string;
  to: string;
  /** Seconds per point; the core picks one when absent. */
  bucket?: number;
}

/** Partners, their credentials, keys and OTP tokens, and their usage. Everyone reads;
 *  changes need an admin (the core enforces it). */
export interface PartnersApi {
  listPartners(token: string): Promise<Partner[]>;
  listPartnerPresets(token: string): Promise<PartnerPreset[]>;
  createPartner(token: string, request: PartnerCreateRequest): Promise<PartnerCreated>;
  updatePartner(token: string, id: string, patch: PartnerUpdateRequest): Promise<Partner>;
  deletePartner(token: string, id: string): Promise<void>;
  /** New OTP API credentials; the password is in this answer only. */
  rotatePartnerCredentials(token: string, id: string): Promise<PartnerCredentials>;
  /** A new SRT passphrase; in this answer only. */
  rotatePartnerSrtKey(token: string, id: string): Promise<{ srtKey: string }>;
  addPartnerJwtKey(token: string, id: string, key: JwtKeyInput): Promise<JwtKeyView>;
  removePartnerJwtKey(token: string, id: string, kid: string): Promise<void>;
  listPartnerTokens(token: string, id: string): Promise<TokenView[]>;
  /** An OTP token; the token itself is in this answer only. */
  createPartnerToken(token: string, id: string, request: TokenCreateRequest): Promise<TokenCreated>;
  revokePartnerToken(token: string, id: string, tokenId: string): Promise<TokenView>;
  /** Back to active and to the bottom of the abuse monitor's response ladder. */
  reinstatePartner(token: string, id: string): Promise<void>;
  partnerUsage(token: string, id: string, range: UsageRangeQuery): Promise<PartnerUsage>;
  usageTotals(token: string, range: UsageRangeQuery): Promise<UsageTotals>;
}

const partnerPath = (id: string) => `/partners/${encodeURIComponent(id)}`;

export function rangeQuery({ from, to, bucket }: UsageRangeQuery): string {
  const params = new URLSearchParams({ from, to });
  if (bucket !== undefined) params.set('bucket', String(bucket));
  return params.toString();
}

export function createPartnersApi(request: ApiRequest): PartnersApi {
  return {
    listPartners: (token) => request<Partner[]>('/partners', { token }),
    listPartnerPresets: (token) => request<PartnerPreset[]>('/partners/presets', { token }),
    createPartner: (token, body) => request<PartnerCreated>('/partners', { method: 'POST', token, body }),
    updatePartner: (token, id, body) => request<Partner>(partnerPath(id), { method: 'PATCH', token, body }),
    deletePartner: (token, id) => request<void>(partnerPath(id), { method: 'DELETE', token }),
    rotatePartnerCredentials: (token, id) => request<PartnerCredentials>(`${partnerPath(id)}/credentials`, { method: 'POST', token, body: {} }),
    rotatePartnerSrtKey: (token, id) => request<{ srtKey: string }>(`${partnerPath(id)}/srt-key`, { method: 'POST', token }),
    addPartnerJwtKey: (token, id, body) => request<JwtKeyView>(`${partnerPath(id)}/jwt-keys`, { method: 'POST', token, body }),
    removePartnerJwtKey: (token, id, kid) => request<void>(`${partnerPath(id)}/jwt-keys/${encodeURIComponent(kid)}`, { method: 'DELETE', token }),
    listPartnerTokens: (token, id) => request<TokenView[]>(`${partnerPath(id)}/tokens`, { token }),
    createPartnerToken: (token, id, body) => request<TokenCreated>(`${partnerPath(id)}/tokens`, { method: 'POST', token, body }),
    revokePartnerToken: (token, id, tokenId) => request<TokenView>(`${partnerPath(id)}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE', token }),
    reinstatePartner: async (token, id) => {
      await request<unknown>(`/abuse/partners/${encodeURIComponent(id)}/reinstate`, { method: 'POST', token, body: {} });
    },
    partnerUsage: (token, id, range) => request<PartnerUsage>(`${partnerPath(id)}/usage?${rangeQuery(range)}`, { token }),
    usageTotals: (token, range) => request<UsageTotals>(`/usage/partners?${rangeQuery(range)}`, { token }),
  };
}
