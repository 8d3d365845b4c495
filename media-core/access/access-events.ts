import type { AccessEvent } from '../contracts/audit';
import type { Logger } from '../log/logger';

/** Headers that say a proxy or CDN stands between the partner and us: the abuse monitor
 *  reads them for redistribution patterns. Nothing else of the request is kept. */
const PROXY_HEADERS = [
  'via',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-real-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'cf-ray',
  'cdn-loop',
  'akamai-origin-hop',
  'x-akamai-edgescape',
  'fastly-client-ip',
  'x-amz-cf-id',
  'x-cache',
];

export function proxyHeaders(headers: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const h of PROXY_HEADERS) {
    const v = headers[h];
    if (v !== undefined) out[h] = (Array.isArray(v) ? v.join(', ') : v).slice(0, 256);
  }
  return out;
}

/** Fan-out of access events to in-process subscribers (the abuse monitor, metrics). A
 *  subscriber that throws is logged and skipped. */
export class AccessEvents {
  private readonly listeners = new Set<(e: AccessEvent) => void>();

  constructor(private readonly log: Logger) {}

  subscribe(listener: (e: AccessEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(e: AccessEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.log.warn({ err }, 'access event listener failed');
      }
    }
  }
}
