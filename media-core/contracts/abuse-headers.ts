// Request headers that betray what stands between a partner's viewers and the router. The
// access plane passes these on in AccessEvent.headers; the abuse monitor classifies them.

/** Headers a reverse proxy (nginx, HAProxy, Squid, Apache, Traefik...) adds. */
export const REVERSE_PROXY_HEADERS = [
  'via',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-server',
  'x-real-ip',
  'x-proxyuser-ip',
  'x-bluecoat-via',
] as const;

/** CDN edge headers by vendor: exact names, or a prefix ending in '*'. */
export const CDN_HEADERS: Record<string, readonly string[]> = {
  Cloudflare: ['cf-connecting-ip', 'cf-ray', 'cf-ipcountry', 'cf-visitor', 'cf-worker'],
  Akamai: ['akamai-origin-hop', 'true-client-ip', 'x-akamai-*', 'akamai-x-*'],
  Fastly: ['fastly-client-ip', 'fastly-ff', 'fastly-ssl', 'x-fastly-*'],
  CloudFront: ['x-amz-cf-id', 'x-amz-cf-pop', 'cloudfront-viewer-*', 'cloudfront-is-*'],
  'Azure Front Door': ['x-azure-ref', 'x-azure-fdid', 'x-fd-healthprobe'],
  'Google Cloud CDN': ['x-goog-*'],
};

/** Every header name (or prefix) the monitor reads, for whoever filters requests. */
export const ABUSE_HEADER_NAMES: readonly string[] = [...REVERSE_PROXY_HEADERS, 'cdn-loop', ...Object.values(CDN_HEADERS).flat()];

/** True when a (lower-case) header name is one the abuse monitor reads. */
export function isAbuseHeader(name: string): boolean {
  return ABUSE_HEADER_NAMES.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}
