import { callWithSession } from '../sessionCall';
import type { ActionCreator } from '../types';
import { initialUsageState, USAGE_RANGES } from './initialState';
import type { UsageRangeId } from './initialState';

export interface UsageAction {
  /** Reads a partner's usage over a range ending now (the range last chosen by default). */
  loadPartnerUsage(partnerId: string, range?: UsageRangeId): Promise<void>;
  internal_resetUsage(): void;
}

export const createUsageActions: ActionCreator<UsageAction> = (set, get, { api, now = () => new Date() }) => ({
  async loadPartnerUsage(partnerId, range = get().usageRange) {
    const switching = get().usageOf !== partnerId || get().usageRange !== range;
    set({ usageOf: partnerId, usageRange: range, usageError: null, ...(switching ? { partnerUsage: null, usageLoad: 'loading' } : {}) });
    const to = now();
    const query = { from: new Date(to.getTime() - USAGE_RANGES[range].ms).toISOString(), to: to.toISOString() };
    const result = await callWithSession(get, (token) => api.partnerUsage(token, partnerId, query));
    // A later request (another partner or range) wins.
    if (result.kind === 'ended' || get().usageOf !== partnerId || get().usageRange !== range) return;
    if (result.kind === 'failed') {
      set({ usageLoad: get().partnerUsage ? 'ready' : 'error', usageError: result.error.message });
      return;
    }
    set({ partnerUsage: result.value, usageLoad: 'ready', usageError: null });
  },

  internal_resetUsage() {
    set(initialUsageState);
  },
});
