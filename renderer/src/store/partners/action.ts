import type { PartnerCreateRequest, PartnerUpdateRequest } from '../../../../media-core/contracts/partner-requests';
import type { Partner, PartnerCreated } from '../../../../media-core/contracts/partners';
import type { PartnerUsageTotal } from '../../../../media-core/contracts/usage';
import { busyChange, callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult, ValueResult } from '../types';
import { initialPartnersState } from './initialState';

export interface PartnersAction {
  loadPartners(): Promise<void>;
  loadPartnerPresets(): Promise<void>;
  /** Each partner's usage since local midnight, for the list. */
  loadUsageToday(): Promise<void>;
  /** Answers the partner and its OTP API credentials, which are shown this once. */
  createPartner(request: PartnerCreateRequest): Promise<ValueResult<PartnerCreated>>;
  updatePartner(id: string, patch: PartnerUpdateRequest): Promise<ActionResult>;
  /** Suspend (reversible) or terminate (the partnership ends); running sessions end at once. */
  setPartnerStatus(id: string, status: 'suspended' | 'terminated'): Promise<ActionResult>;
  /** Back to active, and to the bottom of the abuse monitor's response ladder. */
  reinstatePartner(id: string): Promise<ActionResult>;
  deletePartner(id: string): Promise<ActionResult>;
  /** Puts a partner the core answered into the list (other slices' changes use it). */
  internal_upsertPartner(partner: Partner): void;
  internal_resetPartners(): void;
}

const byName = (partners: Partner[]) => [...partners].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));

function localMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export const createPartnersActions: ActionCreator<PartnersAction> = (set, get, { api, now = () => new Date() }) => {
  const upsert = (partner: Partner) => get().internal_upsertPartner(partner);

  return {
    async loadPartners() {
      if (get().partnersLoad !== 'ready') set({ partnersLoad: 'loading', partnersError: null });
      const result = await callWithSession(get, (token) => api.listPartners(token));
      if (result.kind === 'ended') return;
      if (result.kind === 'failed') {
        set({ partnersLoad: get().partnersLoad === 'ready' ? 'ready' : 'error', partnersError: result.error.message });
        return;
      }
      set({ partners: byName(result.value), partnersLoad: 'ready', partnersError: null });
    },

    async loadPartnerPresets() {
      if (get().partnerPresets.length > 0) return;
      const result = await callWithSession(get, (token) => api.listPartnerPresets(token));
      if (result.kind === 'ok') set({ partnerPresets: result.value });
    },

    async loadUsageToday() {
      const to = now();
      const range = { from: localMidnight(to).toISOString(), to: to.toISOString() };
      const result = await callWithSession(get, (token) => api.usageTotals(token, range));
      if (result.kind !== 'ok') return;
      const usageToday: Record<string, PartnerUsageTotal> = {};
      for (const total of result.value.partners) usageToday[total.partnerId] = total;
      set({ usageToday });
    },

    createPartner(request) {
      return busyChange(set, get, 'partnerBusy', '', (token) => api.createPartner(token, request), (created) => upsert(created.partner));
    },

    updatePartner(id, patch) {
      return busyChange(set, get, 'partnerBusy', id, (token) => api.updatePartner(token, id, patch), upsert);
    },

    setPartnerStatus(id, status) {
      return busyChange(set, get, 'partnerBusy', id, (token) => api.updatePartner(token, id, { status }), upsert);
    },

    async reinstatePartner(id) {
      const result = await busyChange(set, get, 'partnerBusy', id, (token) => api.reinstatePartner(token, id), () => undefined);
      // The answer is the abuse ladder's; the partner itself is read again.
      if (result.ok) await get().loadPartners();
      return result;
    },

    deletePartner(id) {
      return busyChange(
        set,
        get,
        'partnerBusy',
        id,
        (token) => api.deletePartner(token, id),
        () => set({ partners: get().partners.filter((p) => p.id !== id) }),
      );
    },

    internal_upsertPartner(partner) {
      set({ partners: byName([...get().partners.filter((p) => p.id !== partner.id), partner]) });
    },

    internal_resetPartners() {
      set(initialPartnersState);
    },
  };
};
