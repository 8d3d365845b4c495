import type { JwtKeyInput, TokenCreateRequest } from '../../../../media-core/contracts/partner-requests';
import type { Partner, PartnerCredentials, TokenCreated, TokenView } from '../../../../media-core/contracts/partners';
import { busyChange, callForResult, callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult, ValueResult } from '../types';
import { initialPartnerAccessState } from './initialState';

export interface PartnerAccessAction {
  loadPartnerTokens(partnerId: string): Promise<void>;
  /** An OTP token (a test token from the console); the token itself is answered once. */
  issuePartnerToken(partnerId: string, request: TokenCreateRequest): Promise<ValueResult<TokenCreated>>;
  revokePartnerToken(partnerId: string, tokenId: string): Promise<ActionResult>;
  /** Revokes every active token; answers how many. Their sessions end at once. */
  revokeAllPartnerTokens(partnerId: string): Promise<ValueResult<number>>;
  /** New OTP API credentials; the old ones stop working. Answered once. */
  rotatePartnerCredentials(partnerId: string): Promise<ValueResult<PartnerCredentials>>;
  /** A new SRT passphrase; the old one stops working. Answered once. */
  rotatePartnerSrtKey(partnerId: string): Promise<ValueResult<string>>;
  addPartnerJwtKey(partnerId: string, key: JwtKeyInput): Promise<ActionResult>;
  removePartnerJwtKey(partnerId: string, kid: string): Promise<ActionResult>;
  internal_resetPartnerAccess(): void;
}

const newestFirst = (tokens: TokenView[]) => [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export const createPartnerAccessActions: ActionCreator<PartnerAccessAction> = (set, get, { api }) => {
  /** Replaces tokens in the list, when it is this partner's. */
  const putTokens = (partnerId: string, changed: TokenView[]) => {
    if (get().tokensOf !== partnerId) return;
    const ids = new Set(changed.map((t) => t.id));
    set({ partnerTokens: newestFirst([...get().partnerTokens.filter((t) => !ids.has(t.id)), ...changed]) });
  };
  const patchPartner = (partnerId: string, change: (p: Partner) => Partial<Partner>) => {
    const partner = get().partners.find((p) => p.id === partnerId);
    if (partner) get().internal_upsertPartner({ ...partner, ...change(partner) });
  };

  return {
    async loadPartnerTokens(partnerId) {
      if (get().tokensOf !== partnerId) set({ tokensOf: partnerId, partnerTokens: [], partnerTokensLoad: 'loading', partnerTokensError: null });
      const result = await callWithSession(get, (token) => api.listPartnerTokens(token, partnerId));
      if (result.kind === 'ended' || get().tokensOf !== partnerId) return;
      if (result.kind === 'failed') {
        set({ partnerTokensLoad: get().partnerTokensLoad === 'ready' ? 'ready' : 'error', partnerTokensError: result.error.message });
        return;
      }
      set({ partnerTokens: newestFirst(result.value), partnerTokensLoad: 'ready', partnerTokensError: null });
    },

    issuePartnerToken(partnerId, request) {
      return busyChange(set, get, 'partnerAccessBusy', 'issue', (token) => api.createPartnerToken(token, partnerId, request), (made) =>
        putTokens(partnerId, [made.info]),
      );
    },

    revokePartnerToken(partnerId, tokenId) {
      return busyChange(set, get, 'partnerAccessBusy', tokenId, (token) => api.revokePartnerToken(token, partnerId, tokenId), (view) =>
        putTokens(partnerId, [view]),
      );
    },

    async revokeAllPartnerTokens(partnerId) {
      if (get().partnerAccessBusy !== null) return { ok: false, message: 'Another change is still being saved.' };
      set({ partnerAccessBusy: 'revoke-all' });
      try {
        // The list is read afresh: tokens issued through the partner's own API count too.
        const listed = await callForResult(get, (token) => api.listPartnerTokens(token, partnerId));
        if (!listed.ok) return listed;
        const revoked: TokenView[] = [];
        for (const t of listed.value.filter((t) => t.status === 'active')) {
          const result = await callForResult(get, (token) => api.revokePartnerToken(token, partnerId, t.id));
          if (!result.ok) {
            putTokens(partnerId, revoked);
            return { ok: false, message: `${revoked.length} revoked, then: ${result.message}` };
          }
          revoked.push(result.value);
        }
        putTokens(partnerId, revoked);
        return { ok: true, value: revoked.length };
      } finally {
        set({ partnerAccessBusy: null });
      }
    },

    rotatePartnerCredentials(partnerId) {
      return busyChange(set, get, 'partnerAccessBusy', 'credentials', (token) => api.rotatePartnerCredentials(token, partnerId), (creds) =>
        patchPartner(partnerId, () => ({ apiUser: creds.apiuser })),
      );
    },

    async rotatePartnerSrtKey(partnerId) {
      const result = await busyChange(set, get, 'partnerAccessBusy', 'srt', (token) => api.rotatePartnerSrtKey(token, partnerId), () =>
        patchPartner(partnerId, () => ({ srtKeySet: true })),
      );
      return result.ok ? { ok: true, value: result.value.srtKey } : result;
    },

    addPartnerJwtKey(partnerId, key) {
      return busyChange(set, get, 'partnerAccessBusy', 'jwt', (token) => api.addPartnerJwtKey(token, partnerId, key), (view) =>
        patchPartner(partnerId, (p) => ({ jwtKeys: [...p.jwtKeys.filter((k) => k.kid !== view.kid), view] })),
      );
    },

    removePartnerJwtKey(partnerId, kid) {
      return busyChange(set, get, 'partnerAccessBusy', 'jwt', (token) => api.removePartnerJwtKey(token, partnerId, kid), () =>
        patchPartner(partnerId, (p) => ({ jwtKeys: p.jwtKeys.filter((k) => k.kid !== kid) })),
      );
    },

    internal_resetPartnerAccess() {
      set(initialPartnerAccessState);
    },
  };
};
