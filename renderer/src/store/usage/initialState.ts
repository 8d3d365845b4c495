import type { PartnerUsage } from '../../../../media-core/contracts/usage';
import type { LoadState } from '../types';

export type UsageRangeId = '1h' | '24h' | '7d' | '30d';

export const USAGE_RANGES: Record<UsageRangeId, { label: string; ms: number }> = {
  '1h': { label: 'Last hour', ms: 3_600_000 },
  '24h': { label: 'Last 24 hours', ms: 86_400_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
};

/** The usage series of the partner on screen. */
export interface UsageState {
  usageOf: string | null;
  usageRange: UsageRangeId;
  partnerUsage: PartnerUsage | null;
  usageLoad: LoadState;
  usageError: string | null;
}

export const initialUsageState: UsageState = {
  usageOf: null,
  usageRange: '24h',
  partnerUsage: null,
  usageLoad: 'idle',
  usageError: null,
};
