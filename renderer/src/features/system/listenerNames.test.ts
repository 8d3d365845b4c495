import { describe, expect, it } from 'vitest';
import { formatUptime, listenerPurpose, sortListeners } from './listenerNames';

describe('system page helpers', () => {
  it('lists the console first, then the partner protocols, then anything unknown', () => {
    const sorted = sortListeners({ srt: 'a', zeta: 'b', http: 'c', console: 'd', rtsp: 'e' });
    expect(sorted.map(([name]) => name)).toEqual(['console', 'http', 'rtsp', 'srt', 'zeta']);
  });

  it('explains known listeners only', () => {
    expect(listenerPurpose('rtsp')).toBe('Partner RTSP');
    expect(listenerPurpose('mystery')).toBeNull();
  });

  it('formats uptime at a useful precision', () => {
    const start = '2024-10-01T00:00:00.000Z';
    expect(formatUptime(start, new Date('2024-10-01T00:00:59Z'))).toBe('less than a minute');
    expect(formatUptime(start, new Date('2024-10-01T00:04:59Z'))).toBe('4 min');
    expect(formatUptime(start, new Date('2024-10-01T03:12:00Z'))).toBe('3 h 12 min');
    expect(formatUptime(start, new Date('2024-10-03T03:12:00Z'))).toBe('2 d 3 h');
    expect(formatUptime('not a date', new Date())).toBeNull();
  });
});
