import { describe, expect, it } from 'vitest';
import type { AccessHours } from '../contracts/partners';
import { minuteOfWeek, withinAccessHours } from './access-hours';

const officeHours: AccessHours = { mode: 'weekly', timeZone: 'America/New_York', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' }] };
const nightShift: AccessHours = { mode: 'weekly', timeZone: 'Europe/Berlin', windows: [{ days: ['fri'], start: '22:00', end: '06:00' }] };

describe('access hours', () => {
  it('reads the wall clock of the named time zone', () => {
    // Monday 2024-03-04 12:00 UTC is 07:00 in New York (EST) and 13:00 in Berlin (CET).
    const t = Date.parse('2024-03-04T12:00:00Z');
    expect(minuteOfWeek(t, 'America/New_York')).toBe(7 * 60);
    expect(minuteOfWeek(t, 'Europe/Berlin')).toBe(13 * 60);
  });

  it('allows inside a weekly window and refuses outside it', () => {
    expect(withinAccessHours(officeHours, Date.parse('2024-03-04T13:00:00Z'))).toBe(true); // Mon 08:00 EST
    expect(withinAccessHours(officeHours, Date.parse('2024-03-04T12:59:00Z'))).toBe(false); // Mon 07:59
    expect(withinAccessHours(officeHours, Date.parse('2024-03-04T22:59:00Z'))).toBe(true); // Mon 17:59
    expect(withinAccessHours(officeHours, Date.parse('2024-03-04T23:00:00Z'))).toBe(false); // Mon 18:00, end is exclusive
    expect(withinAccessHours(officeHours, Date.parse('2024-03-09T17:00:00Z'))).toBe(false); // Saturday noon
  });

  it('follows daylight saving time with the local clock', () => {
    // After the US switch on 2024-03-10, 08:00 New York is 12:00 UTC.
    expect(withinAccessHours(officeHours, Date.parse('2024-03-11T12:00:00Z'))).toBe(true);
    expect(withinAccessHours(officeHours, Date.parse('2024-03-11T11:59:00Z'))).toBe(false);
  });

  it('runs a window that ends before it starts past midnight, into the next day', () => {
    expect(withinAccessHours(nightShift, Date.parse('2024-03-08T21:30:00Z'))).toBe(true); // Fri 22:30 CET
    expect(withinAccessHours(nightShift, Date.parse('2024-03-09T04:59:00Z'))).toBe(true); // Sat 05:59
    expect(withinAccessHours(nightShift, Date.parse('2024-03-09T05:00:00Z'))).toBe(false); // Sat 06:00
    expect(withinAccessHours(nightShift, Date.parse('2024-03-08T20:59:00Z'))).toBe(false); // Fri 21:59
  });

  it('wraps from Sunday night into Monday morning', () => {
    const sundayNight: AccessHours = { mode: 'weekly', timeZone: 'UTC', windows: [{ days: ['sun'], start: '23:00', end: '01:00' }] };
    expect(withinAccessHours(sundayNight, Date.parse('2024-03-11T00:30:00Z'))).toBe(true); // Mon 00:30
    expect(withinAccessHours(sundayNight, Date.parse('2024-03-11T01:00:00Z'))).toBe(false);
  });

  it('allows always when the partner has 24/7 access', () => {
    expect(withinAccessHours({ mode: 'always' }, 0)).toBe(true);
  });
});
