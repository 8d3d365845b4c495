import { BlockList, isIP } from 'node:net';

/** '::ffff:10.0.0.1' → '10.0.0.1', so an IPv4 allow-list works on dual-stack sockets. */
export function normalizeIp(ip: string | undefined): string {
  if (!ip) return '';
  const lower = ip.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** A compiled IPv4/IPv6 allow-list of addresses and CIDRs. */
export class IpAllowList {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    let n = 0;
    for (const raw of entries) {
      const [addr = '', prefix] = raw.trim().split('/');
      const a = normalizeIp(addr);
      const family = isIP(a);
      if (family === 0) continue;
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(a, type);
      else this.list.addSubnet(a, Number(prefix), type);
      n++;
    }
    this.size = n;
  }

  has(ip: string): boolean {
    if (this.size === 0) return false;
    const a = normalizeIp(ip);
    const family = isIP(a);
    if (family === 0) return false;
    return this.list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  }
}
