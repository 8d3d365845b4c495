import type { EventBus } from '../events/event-bus';
import type { ApplianceSummary } from './start-core';

/** Follows the console events that change the appliance summary (camera status, alerts)
 *  and calls `listener` only when the summary really changed: the stats event every 5 s
 *  must not wake the desktop shell. */
export function watchApplianceSummary(
  bus: EventBus,
  cameras: () => { total: number; live: number },
  unreadAtStart: number,
  listener: (s: ApplianceSummary) => void,
): () => void {
  let unreadAlerts = unreadAtStart;
  let last = '';
  const emit = () => {
    const s: ApplianceSummary = { cameras: cameras(), unreadAlerts };
    const key = JSON.stringify(s);
    if (key === last) return;
    last = key;
    listener(s);
  };
  emit();
  return bus.subscribe((e) => {
    if (e.type === 'alert.created' || e.type === 'alert.updated') unreadAlerts = e.unread;
    else if (e.type !== 'camera.status' && e.type !== 'camera.removed') return;
    emit();
  });
}
