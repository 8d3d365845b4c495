import { describe, expect, it } from 'vitest';
import { alert } from '../fakes/fakeMonitorApi';
import { DEFAULT_ALERT_FILTERS } from './initialState';
import { alertQuery, matchesFilters, upsertAlert } from './match';

describe('alert filters', () => {
  it('leave out what is not asked for', () => {
    expect(alertQuery(DEFAULT_ALERT_FILTERS)).toEqual({ limit: 50 });
    expect(alertQuery({ ...DEFAULT_ALERT_FILTERS, detector: 'cdn_headers', ip: ' 10.0.0.1 ' }, '40')).toEqual({
      detector: ['cdn_headers'],
      ip: '10.0.0.1',
      limit: 50,
      before: '40',
    });
  });

  it('match a live alert as the server would', () => {
    const a = alert(1, { severity: 'high', detector: 'reverse_proxy', partnerId: 'news', ip: '10.0.0.9' });
    expect(matchesFilters(a, DEFAULT_ALERT_FILTERS)).toBe(true);
    expect(matchesFilters(a, { ...DEFAULT_ALERT_FILTERS, severity: ['critical'] })).toBe(false);
    expect(matchesFilters(a, { ...DEFAULT_ALERT_FILTERS, partner: 'vms' })).toBe(false);
    expect(matchesFilters({ ...a, acknowledged: true }, { ...DEFAULT_ALERT_FILTERS, status: 'unread' })).toBe(false);
  });

  it('keep the list newest first when an alert is added or replaced', () => {
    const list = [alert(5), alert(3)];
    expect(upsertAlert(list, alert(4)).map((a) => a.id)).toEqual([5, 4, 3]);
    expect(upsertAlert(list, alert(1)).map((a) => a.id)).toEqual([5, 3, 1]);
    expect(upsertAlert(list, alert(3, { occurrences: 9 }))[1]?.occurrences).toBe(9);
  });
});
