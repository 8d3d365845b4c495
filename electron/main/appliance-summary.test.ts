import { describe, expect, it } from 'vitest';
import { summarizeAppliance } from './appliance-summary';

const status = (total: number, live: number, unreadAlerts = 0) => ({ type: 'status' as const, cameras: { total, live }, unreadAlerts });

describe('the tray summary of the appliance', () => {
  it('says all cameras are live when they are', () => {
    expect(summarizeAppliance(status(4, 4))).toEqual({ health: 'ok', text: 'All 4 cameras live' });
  });

  it('counts cameras that are down', () => {
    expect(summarizeAppliance(status(4, 3))).toEqual({ health: 'degraded', text: '1 of 4 cameras down' });
  });

  it('puts unread alerts first in health and names them', () => {
    expect(summarizeAppliance(status(4, 3, 2))).toEqual({ health: 'alerts', text: '1 of 4 cameras down · 2 unread alerts' });
    expect(summarizeAppliance(status(0, 0, 1)).text).toBe('No cameras · 1 unread alert');
  });
});
