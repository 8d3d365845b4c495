// Request headers that betray what stands between a partner's viewers and us.

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

const matches = (name: string, pattern: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

export interface HeaderVerdict {
  cdn: string[];
  proxy: string[];
  /** The header names that gave it away. */
  seen: string[];
}

/** Classifies a request's (lower-cased) headers. A `Via` or `CDN-Loop` naming a CDN
 *  counts for that CDN. */
export function classifyHeaders(headers: Record<string, string>): HeaderVerdict {
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  const cdn = new Set<string>();
  const seen = new Set<string>();
  for (const [vendor, patterns] of Object.entries(CDN_HEADERS)) {
    for (const n of names) {
      if (patterns.some((p) => matches(n, p))) {
        cdn.add(vendor);
        seen.add(n);
      }
    }
  }
  const named = `${headers['via'] ?? ''} ${headers['cdn-loop'] ?? ''}`.toLowerCase();
  for (const [vendor, word] of [
    ['Cloudflare', 'cloudflare'],
    ['CloudFront', 'cloudfront'],
    ['Akamai', 'akamai'],
    ['Fastly', 'fastly'],
    ['Fastly', 'varnish'],
  ] as const) {
    if (named.includes(word)) {
      cdn.add(vendor);
      seen.add(headers['via']?.toLowerCase().includes(word) ? 'via' : 'cdn-loop');
    }
  }
  if (cdn.size === 0 && headers['cdn-loop']) {
    cdn.add('unknown CDN');
    seen.add('cdn-loop');
  }
  const proxy = names.filter((n) => (REVERSE_PROXY_HEADERS as readonly string[]).includes(n));
  for (const p of proxy) seen.add(p);
  return { cdn: [...cdn], proxy, seen: [...seen] };
}
