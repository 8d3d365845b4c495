import { BlockList, isIP } from 'node:net';

export interface GeoPoint {
  lat: number;
  lon: number;
  /** "City, CC" when the database says; for people reading the alert. */
  label: string | null;
}

/** An offline IP-geolocation database. No look-up ever leaves the appliance. */
export interface GeoLocator {
  readonly format: 'mmdb' | 'csv';
  readonly path: string;
  readonly entries: number | null;
  locate(ip: string): GeoPoint | null;
  close?(): void;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const NOT_ON_THE_MAP = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
] as const) {
  NOT_ON_THE_MAP.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  NOT_ON_THE_MAP.addSubnet(net, bits, 'ipv6');
}

/** Private, loopback, link-local and carrier-NAT addresses: no geographic meaning. */
export function isPrivateAddress(ip: string): boolean {
  const lower = ip.toLowerCase();
  const v4 = lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
  const family = isIP(v4);
  if (family === 0) return true;
  return NOT_ON_THE_MAP.check(v4, family === 4 ? 'ipv4' : 'ipv6');
}
