import type { AccessHours, Weekday } from '../contracts/partners';

const DAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const WEEKDAY_INDEX: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const WEEK = 7 * 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes since Monday 00:00 of the wall clock in `timeZone` at `atMs`. */
export function minuteOfWeek(atMs: number, timeZone: string): number {
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const p of formatter(timeZone).formatToParts(atMs)) {
    if (p.type === 'weekday') day = DAY_INDEX[p.value] ?? 0;
    else if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return day * 24 * 60 + hour * 60 + minute;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the partner may watch at `atMs`. Windows are in the partner's named IANA time
 *  zone, so daylight-saving changes move them with the local clock, as people expect. */
export function withinAccessHours(hours: AccessHours, atMs: number): boolean {
  if (hours.mode === 'always') return true;
  const now = minuteOfWeek(atMs, hours.timeZone);
  for (const w of hours.windows) {
    const start = toMinutes(w.start);
    const end = toMinutes(w.end);
    // An end at or before the start runs past midnight into the next day.
    const length = end > start ? end - start : end + 24 * 60 - start;
    for (const d of w.days) {
      const from = WEEKDAY_INDEX[d] * 24 * 60 + start;
      const offset = (now - from + WEEK) % WEEK;
      if (offset < length) return true;
    }
  }
  return false;
}
