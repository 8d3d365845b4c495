import type { Alert } from '../../../../media-core/contracts/alerts';
import type { ConsoleEvent } from '../../../../media-core/contracts/api';
import { busyChange, callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult } from '../types';
import { initialAlertsState } from './initialState';
import type { AlertFilters } from './initialState';
import { NOTIFY_SEVERITIES, alertQuery, matchesFilters, upsertAlert } from './match';

export interface AlertsAction {
  /** The first page under the current filters. */
  loadAlerts(): Promise<void>;
  /** The next (older) page, appended. */
  loadMoreAlerts(): Promise<void>;
  setAlertFilters(change: Partial<AlertFilters>): Promise<void>;
  loadUnreadAlerts(): Promise<void>;
  acknowledgeAlert(id: number): Promise<ActionResult>;
  acknowledgeAllAlerts(): Promise<ActionResult>;
  /** One level up the response ladder for the alert's partner (admins). */
  escalateAlert(id: number): Promise<ActionResult>;
  deescalateAlert(id: number): Promise<ActionResult>;
  loadIpBlocks(): Promise<void>;
  liftIpBlock(ip: string): Promise<ActionResult>;
  /** alert.created / alert.updated from the live stream; other events are ignored. */
  applyAlertEvent(event: ConsoleEvent): void;
  internal_resetAlerts(): void;
}

export const createAlertsActions: ActionCreator<AlertsAction> = (set, get, { api }) => {
  const putAlert = (alert: Alert) => set({ alerts: upsertAlert(get().alerts, alert) });
  const changeAlert = (id: number, call: (token: string) => Promise<Alert>) =>
    busyChange(set, get, 'alertBusy', String(id), call, (alert) => {
      const before = get().alerts.find((a) => a.id === id);
      if (before && !before.acknowledged && alert.acknowledged) set({ unreadAlerts: Math.max(0, get().unreadAlerts - 1) });
      putAlert(alert);
    });

  const notifyIfSevere = (alert: Alert) => {
    if (!NOTIFY_SEVERITIES.includes(alert.severity)) return;
    const who = alert.partnerName ?? alert.ip ?? 'unknown client';
    void get().notifyDesktop(`${alert.severity === 'critical' ? 'Critical' : 'Severe'} alert: ${who}`, `${alert.summary}\n${alert.response.summary}`, {
      tag: `wink-alert-${alert.id}`,
    });
  };

  return {
    async loadAlerts() {
      const filters = get().alertFilters;
      if (get().alertsLoad !== 'ready') set({ alertsLoad: 'loading', alertsError: null });
      const result = await callWithSession(get, (token) => api.listAlerts(token, alertQuery(filters)));
      // Filters changed meanwhile: that newer load answers.
      if (result.kind === 'ended' || get().alertFilters !== filters) return;
      if (result.kind === 'failed') {
        set({ alertsLoad: get().alertsLoad === 'ready' ? 'ready' : 'error', alertsError: result.error.message });
        return;
      }
      const page = result.value;
      set({ alerts: page.items, alertsNext: page.next, unreadAlerts: page.unread, alertsLoad: 'ready', alertsError: null, freshAlertIds: [] });
    },

    async loadMoreAlerts() {
      const { alertFilters: filters, alertsNext: next } = get();
      if (next === null) return;
      const result = await callWithSession(get, (token) => api.listAlerts(token, alertQuery(filters, next)));
      if (result.kind === 'ended' || get().alertFilters !== filters || get().alertsNext !== next) return;
      if (result.kind === 'failed') {
        set({ alertsError: result.error.message });
        return;
      }
      let alerts = get().alerts;
      for (const alert of result.value.items) alerts = upsertAlert(alerts, alert);
      set({ alerts, alertsNext: result.value.next, unreadAlerts: result.value.unread, alertsError: null });
    },

    async setAlertFilters(change) {
      set({ alertFilters: { ...get().alertFilters, ...change }, alertsLoad: 'loading', alerts: [], alertsNext: null });
      await get().loadAlerts();
    },

    async loadUnreadAlerts() {
      const result = await callWithSession(get, (token) => api.unreadAlertCount(token));
      if (result.kind === 'ok') set({ unreadAlerts: result.value });
    },

    acknowledgeAlert(id) {
      return changeAlert(id, (token) => api.acknowledgeAlert(token, id));
    },

    async acknowledgeAllAlerts() {
      const newest = get().alerts[0]?.id;
      return busyChange(
        set,
        get,
        'alertBusy',
        'all',
        (token) => api.acknowledgeAllAlerts(token, newest),
        ({ unread }) => {
          set({ unreadAlerts: unread });
          // Reload rather than guess who acknowledged when.
          void get().loadAlerts();
        },
      );
    },

    escalateAlert(id) {
      return changeAlert(id, (token) => api.escalateAlert(token, id));
    },

    deescalateAlert(id) {
      return changeAlert(id, (token) => api.deescalateAlert(token, id));
    },

    async loadIpBlocks() {
      if (get().ipBlocksLoad !== 'ready') set({ ipBlocksLoad: 'loading' });
      const result = await callWithSession(get, (token) => api.listIpBlocks(token));
      if (result.kind === 'ended') return;
      if (result.kind === 'failed') {
        set({ ipBlocksLoad: get().ipBlocksLoad === 'ready' ? 'ready' : 'error' });
        return;
      }
      set({ ipBlocks: result.value, ipBlocksLoad: 'ready' });
    },

    liftIpBlock(ip) {
      return busyChange(set, get, 'alertBusy', ip, (token) => api.liftIpBlock(token, ip), () =>
        set({ ipBlocks: get().ipBlocks.filter((b) => b.ip !== ip) }),
      );
    },

    applyAlertEvent(event) {
      if (event.type !== 'alert.created' && event.type !== 'alert.updated') return;
      const { alert } = event;
      set({ unreadAlerts: event.unread });
      if (event.type === 'alert.created') notifyIfSevere(alert);
      // A response that blocked an address changes the list of blocks.
      if (get().ipBlocksLoad === 'ready' && alert.response.actions.some((a) => a.kind === 'ip_block')) void get().loadIpBlocks();
      const state = get();
      if (state.alertsLoad !== 'ready') return;
      const shown = state.alerts.some((a) => a.id === alert.id);
      const oldest = state.alerts.at(-1)?.id ?? 0;
      // An update of an alert on a page not loaded yet waits for that page.
      const belongs = shown || event.type === 'alert.created' || state.alertsNext === null || alert.id > oldest;
      if (!belongs || !(shown || matchesFilters(alert, state.alertFilters))) return;
      set({
        alerts: upsertAlert(state.alerts, alert),
        ...(event.type === 'alert.created' ? { freshAlertIds: [...state.freshAlertIds, alert.id] } : {}),
      });
    },

    internal_resetAlerts() {
      set(initialAlertsState);
    },
  };
};
