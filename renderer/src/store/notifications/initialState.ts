import type { NotificationPermissionState } from '../../services/notifications';

export interface NotificationsState {
  /** Whether desktop notifications can be shown; read from the notifier on demand. */
  notificationPermission: NotificationPermissionState;
  notifierKind: 'desktop' | 'browser' | 'none';
}

export const initialNotificationsState: NotificationsState = {
  notificationPermission: 'unsupported',
  notifierKind: 'none',
};
