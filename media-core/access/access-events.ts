import { isAbuseHeader } from '../contracts/abuse-headers';
import type { AccessEvent } from '../contracts/audit';
import type { Logger } from '../log/logger';

/** Headers that say a proxy or CDN stands between the partner and us: the abuse monitor
 *  reads them for redistribution patterns. Nothing else of the request is kept. */
export function proxyHeaders(headers: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, v] of Object.entries(headers)) {
    const h = name.toLowerCase();
    if (v === undefined || !isAbuseHeader(h)) continue;
    out[h] = (Array.isArray(v) ? v.join(', ') : v).slice(0, 256);
    // A request stuffed with vendor headers must not make every event large.
    if (Object.keys(out).length >= 24) break;
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
