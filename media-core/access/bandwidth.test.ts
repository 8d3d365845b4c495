import { describe, expect, it } from 'vitest';
import { proxyHeaders } from './access-events';
import { BandwidthLimiter } from './bandwidth';

describe('bandwidth limiter', () => {
  it('paces a key at its rate: a second send waits for the first one\'s slot', () => {
    let t = 0;
    const bw = new BandwidthLimiter(() => t, 0);
    expect(bw.reserve('p', 1000, 1000)).toBe(0);
    expect(bw.reserve('p', 1000, 1000)).toBe(1000);
  });

  it('halves the rate under a 0.5 multiplier and restores it at 1', () => {
    let t = 0;
    const bw = new BandwidthLimiter(() => t, 0);
    bw.setMultiplier('p', 0.5);
    bw.reserve('p', 1000, 1000);
    expect(bw.reserve('p', 1000, 1000)).toBe(2000);
    bw.setMultiplier('p', 1);
    expect(bw.multiplier('p')).toBe(1);
  });

  it('admits live media within the rate, refuses what would exceed it without booking it', () => {
    let t = 0;
    const bw = new BandwidthLimiter(() => t, 0);
    expect(bw.admit('p', 1000, 1000, 500)).toBe(true);
    expect(bw.admit('p', 1000, 1000, 500)).toBe(false);
    t = 600;
    expect(bw.admit('p', 1000, 1000, 500)).toBe(true);
    expect(bw.admit('p', 1000, 1000, 500)).toBe(false);
    t = 1500;
    expect(bw.admit('p', 1000, 1000, 500)).toBe(true);
  });

  it('admits half as much under a 0.5 multiplier, over time', () => {
    let t = 0;
    const bw = new BandwidthLimiter(() => t, 0);
    const sent = (factor: number) => {
      bw.setMultiplier('p', factor);
      let bytes = 0;
      for (let i = 0; i < 100; i++, t += 100) if (bw.admit('p', 1000, 10_000, 200)) bytes += 1000;
      return bytes;
    };
    const full = sent(1);
    const half = sent(0.5);
    expect(full).toBeGreaterThanOrEqual(95_000);
    expect(half).toBeGreaterThan(40_000);
    expect(half).toBeLessThan(60_000);
  });

  it('lets everything through for a key with neither a cap nor a ceiling, throttled or not', () => {
    let t = 0;
    const bw = new BandwidthLimiter(() => t, 0);
    bw.setMultiplier('p', 0.5);
    for (let i = 0; i < 100; i++) expect(bw.admit('p', 1_000_000, null)).toBe(true);
    bw.setCeiling('p', 1000);
    expect(bw.admit('p', 1000, null, 0)).toBe(true);
    expect(bw.admit('p', 1000, null, 0)).toBe(false);
  });

  it('keeps a ceiling for keys without a configured cap, and clears it', () => {
    const bw = new BandwidthLimiter();
    expect(bw.ceiling('p')).toBeNull();
    bw.setCeiling('p', 250_000);
    expect(bw.ceiling('p')).toBe(250_000);
    bw.setCeiling('p', null);
    expect(bw.ceiling('p')).toBeNull();
  });
});

describe('headers passed on to the abuse monitor', () => {
  it('keeps every proxy and CDN header the monitor reads, and nothing else', () => {
    const out = proxyHeaders({
      'fastly-ff': 'cache-ams1',
      'CloudFront-Viewer-Country': 'NL',
      'x-forwarded-proto': 'https',
      via: '1.1 squid',
      cookie: 'secret=1',
      authorization: 'Bearer x',
      'user-agent': 'hls.js',
    });
    expect(out).toEqual({ 'fastly-ff': 'cache-ams1', 'cloudfront-viewer-country': 'NL', 'x-forwarded-proto': 'https', via: '1.1 squid' });
  });

  it('bounds how many it keeps from a request stuffed with vendor headers', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-goog-h${i}`, 'v']));
    expect(Object.keys(proxyHeaders(many)).length).toBeLessThanOrEqual(24);
  });
});
