import { describe, expect, it } from 'vitest';
import { classifyHeaders } from './headers';

describe('proxy and CDN headers', () => {
  it('names the CDN from its edge headers', () => {
    expect(classifyHeaders({ 'cf-connecting-ip': '1.2.3.4', 'cf-ray': 'x' }).cdn).toEqual(['Cloudflare']);
    expect(classifyHeaders({ 'true-client-ip': '1.2.3.4', 'akamai-origin-hop': '2' }).cdn).toEqual(['Akamai']);
    expect(classifyHeaders({ 'fastly-client-ip': '1.2.3.4', 'fastly-ff': 'cache-x' }).cdn).toEqual(['Fastly']);
    expect(classifyHeaders({ 'x-amz-cf-id': 'abc', 'cloudfront-viewer-country': 'US' }).cdn).toEqual(['CloudFront']);
    expect(classifyHeaders({ via: '1.1 abc.cloudfront.net (CloudFront)' }).cdn).toEqual(['CloudFront']);
    expect(classifyHeaders({ 'cdn-loop': 'cloudflare' }).cdn).toEqual(['Cloudflare']);
    expect(classifyHeaders({ 'cdn-loop': 'acme-edge' }).cdn).toEqual(['unknown CDN']);
  });

  it('tells a plain reverse proxy from a CDN, and a direct client from both', () => {
    const v = classifyHeaders({ via: '1.1 squid', 'x-forwarded-for': '10.0.0.1', forwarded: 'for=10.0.0.1' });
    expect(v.cdn).toEqual([]);
    expect(v.proxy.sort()).toEqual(['forwarded', 'via', 'x-forwarded-for']);
    expect(classifyHeaders({})).toEqual({ cdn: [], proxy: [], seen: [] });
  });
});
