// Classifies the proxy and CDN headers of a request.
import { CDN_HEADERS, REVERSE_PROXY_HEADERS } from '../contracts/abuse-headers';

export { ABUSE_HEADER_NAMES } from '../contracts/abuse-headers';

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
