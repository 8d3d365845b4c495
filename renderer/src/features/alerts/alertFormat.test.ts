import { describe, expect, it } from 'vitest';
import { alert } from '../../store/fakes/fakeMonitorApi';
import { blockedIps, detectorCategory, detectorLabel, levelText, metricPairs } from './alertFormat';

describe('alert presentation', () => {
  it('names detectors and their category, and keeps unknown ones readable', () => {
    expect(detectorLabel('auth_failures')).toBe('Repeated authentication failures');
    expect(detectorCategory('token_many_ips')).toBe('Credential sharing');
    expect(detectorLabel('future_detector')).toBe('future_detector');
  });

  it('says the response level in words', () => {
    expect(levelText(2)).toBe('Level 2 · throttle');
    expect(levelText(0)).toBe('Level 0 · alert only');
  });

  it('finds the addresses a response blocked', () => {
    const a = alert(1, { response: { level: 1, summary: '', actions: [{ kind: 'warn' }, { kind: 'ip_block', ip: '10.0.0.9', until: null, step: 1 }] } });
    expect(blockedIps(a)).toEqual(['10.0.0.9']);
  });

  it('turns metric keys into words', () => {
    expect(metricPairs({ perMinute: 12.345, distinct_ips: 4 })).toEqual([
      ['distinct ips', '4'],
      ['per minute', '12.35'],
    ]);
  });
});
