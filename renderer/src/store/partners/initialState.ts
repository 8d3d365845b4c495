import type { Partner, PartnerPreset } from '../../../../media-core/contracts/partners';
import type { PartnerUsageTotal } from '../../../../media-core/contracts/usage';
import type { LoadState } from '../types';

export interface PartnersState {
  /** By name. */
  partners: Partner[];
  partnersLoad: LoadState;
  partnersError: string | null;
  /** The spec's recommended settings per partner type, as the core serves them. */
  partnerPresets: PartnerPreset[];
  /** The partner a change is on its way for ('' while creating one). */
  partnerBusy: string | null;
  /** Bytes delivered and sessions since local midnight, by partner id. */
  usageToday: Record<string, PartnerUsageTotal>;
}

export const initialPartnersState: PartnersState = {
  partners: [],
  partnersLoad: 'idle',
  partnersError: null,
  partnerPresets: [],
  partnerBusy: null,
  usageToday: {},
};
