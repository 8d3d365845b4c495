import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/event-bus';
import { silentLogger } from '../log/logger';
import { watchApplianceSummary } from './appliance-summary';
import type { ApplianceSummary } from './start-core';

describe('the appliance summary for the desktop tray', () => {
  it('reports at once, then only real changes of cameras or unread alerts', () => {
    const bus = new EventBus(silentLogger());
    let live = 4;
    const seen: ApplianceSummary[] = [];
    watchApplianceSummary(bus, () => ({ total: 4, live }), 0, (s) => seen.push(s));
    bus.publish({ type: 'camera.stats', stats: {} });
    live = 3;
    bus.publish({ type: 'camera.removed', id: 'x' });
    bus.publish({ type: 'camera.removed', id: 'y' });
    bus.publish({ type: 'alert.created', alert: {} as never, unread: 2 });
    expect(seen).toEqual([
      { cameras: { total: 4, live: 4 }, unreadAlerts: 0 },
      { cameras: { total: 4, live: 3 }, unreadAlerts: 0 },
      { cameras: { total: 4, live: 3 }, unreadAlerts: 2 },
    ]);
  });
});
