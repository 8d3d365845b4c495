import type { CoreStatusMessage } from '../contracts/core-messages';

export type ApplianceHealth = 'ok' | 'degraded' | 'alerts';

export interface ApplianceSummary {
  health: ApplianceHealth;
  /** One line for the tray menu and tooltip. */
  text: string;
}

/** What the night shift needs to see without opening the window: are all cameras live,
 *  and is anything waiting in Alerts. Alerts outrank cameras down. */
export function summarizeAppliance(s: CoreStatusMessage): ApplianceSummary {
  const down = s.cameras.total - s.cameras.live;
  const cameras =
    s.cameras.total === 0 ? 'no cameras' : down === 0 ? `all ${s.cameras.total} cameras live` : `${down} of ${s.cameras.total} cameras down`;
  const alerts = s.unreadAlerts === 0 ? '' : ` · ${s.unreadAlerts} unread alert${s.unreadAlerts === 1 ? '' : 's'}`;
  const health: ApplianceHealth = s.unreadAlerts > 0 ? 'alerts' : down > 0 ? 'degraded' : 'ok';
  return { health, text: `${cameras[0]!.toUpperCase()}${cameras.slice(1)}${alerts}` };
}
