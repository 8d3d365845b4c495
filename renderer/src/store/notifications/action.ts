import type { NotifyOutcome } from '../../services/notifications';
import type { ActionCreator } from '../types';

export interface NotificationsAction {
  /** Reads what the notifier can do now (the operator may have changed it meanwhile). */
  refreshNotifications(): void;
  /** Asks for permission; call from a click. */
  requestNotificationPermission(): Promise<void>;
  /** Shows a desktop notification; severe alerts use this. */
  notifyDesktop(title: string, body: string, options?: { tag?: string }): Promise<NotifyOutcome>;
}

export const createNotificationsActions: ActionCreator<NotificationsAction> = (set, get, { notifier }) => ({
  refreshNotifications() {
    const next = { notificationPermission: notifier.permission(), notifierKind: notifier.kind };
    if (next.notificationPermission !== get().notificationPermission || next.notifierKind !== get().notifierKind) set(next);
  },

  async requestNotificationPermission() {
    const permission = await notifier.requestPermission();
    set({ notificationPermission: permission, notifierKind: notifier.kind });
  },

  async notifyDesktop(title, body, options) {
    const outcome = await notifier.notify(title, body, options);
    get().refreshNotifications();
    return outcome;
  },
});
