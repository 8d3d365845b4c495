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
