import type { TokenView } from '../../../../media-core/contracts/partners';
import type { LoadState } from '../types';

/** The OTP tokens of the partner on screen, and changes to its credentials. Secrets
 *  (tokens, passwords, keys) are never kept here: the action answers them once. */
export interface PartnerAccessState {
  /** Whose tokens `partnerTokens` holds. */
  tokensOf: string | null;
  /** Newest first. */
  partnerTokens: TokenView[];
  partnerTokensLoad: LoadState;
  partnerTokensError: string | null;
  /** What a change is on its way for: 'credentials', 'srt', 'jwt', 'issue', 'revoke-all' or a token id. */
  partnerAccessBusy: string | null;
}

export const initialPartnerAccessState: PartnerAccessState = {
  tokensOf: null,
  partnerTokens: [],
  partnerTokensLoad: 'idle',
  partnerTokensError: null,
  partnerAccessBusy: null,
};
