import { Notification } from 'electron';
import type { NotifyRequest } from '../contracts/ipc-channels';

/** Desktop notification; clicking it brings the console forward. Silently does nothing
 *  where the desktop has no notification service (a bare kiosk X session). */
export function showNotification(request: NotifyRequest, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: request.title, body: request.body });
  notification.on('click', onClick);
  notification.show();
}
