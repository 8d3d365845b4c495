import { describe, expect, it } from 'vitest';
import { IpAllowList, normalizeIp } from './ip';

describe('IP allow-list', () => {
  const list = new IpAllowList(['10.0.0.0/24', '127.0.0.2', '2001:db8::/32', 'not-an-ip']);

  it('matches IPv4 CIDRs and single addresses', () => {
    expect(list.has('10.0.0.77')).toBe(true);
    expect(list.has('10.0.1.1')).toBe(false);
    expect(list.has('127.0.0.2')).toBe(true);
    expect(list.has('127.0.0.3')).toBe(false);
  });

  it('matches IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(normalizeIp('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(list.has('::ffff:10.0.0.5')).toBe(true);
  });

  it('matches IPv6 prefixes and ignores entries that are not addresses', () => {
    expect(list.has('2001:db8:1::1')).toBe(true);
    expect(list.has('2001:db9::1')).toBe(false);
    expect(list.size).toBe(3);
  });
});
