import type { AccessEvent } from '../../contracts/audit';
import { distanceKm, isPrivateAddress, type GeoLocator, type GeoPoint } from '../geo/geo-locator';
import type { Detector, DetectorContext, Finding } from '../types';
import { BoundedMap } from '../windows';

interface LastUse {
  at: number;
  ip: string;
  point: GeoPoint;
  event: AccessEvent;
}

/** A short gap still allows for clocks and for a client switching networks. */
const MIN_GAP_HOURS = 1 / 60;

/**
 * Geographic impossibility: two uses of one token (or one partner, when so configured)
 * from places so far apart that nobody could have travelled between them in the time
 * between the two requests. Locations come from an offline database only.
 */
export class GeoImpossibleDetector implements Detector {
  readonly name = 'geo-impossible';
  private readonly last = new BoundedMap<string, LastUse>(20_000);
  private readonly located = new BoundedMap<string, GeoPoint | null>(50_000);

  constructor(private readonly geo: () => GeoLocator | null) {}

  onAccess(e: AccessEvent, ctx: DetectorContext): Finding[] {
    const s = ctx.settings.geoImpossible;
    const db = this.geo();
    if (!s.enabled || !db || e.result !== 'allow' || !e.partnerId) return [];
    if (s.skipPrivate && isPrivateAddress(e.ip)) return [];
    const point = this.locate(db, e.ip);
    if (!point) return [];
    const keys = [e.tokenId ? `token:${e.tokenId}` : null, s.scope === 'partner' ? `partner:${e.partnerId}` : null].filter((k): k is string => k !== null);
    const out: Finding[] = [];
    for (const key of keys) {
      const prev = this.last.get(key);
      this.last.set(key, { at: e.at, ip: e.ip, point, event: e });
      if (!prev || prev.ip === e.ip || e.at - prev.at > s.windowMinutes * 60_000) continue;
      const km = distanceKm(prev.point, point);
      const hours = Math.max((e.at - prev.at) / 3_600_000, MIN_GAP_HOURS);
      const speed = km / hours;
      if (km < s.minDistanceKm || speed <= s.maxSpeedKmh) continue;
      const where = (p: GeoPoint, ip: string) => `${ip}${p.label ? ` (${p.label})` : ''}`;
      const minutes = Math.round(((e.at - prev.at) / 60_000) * 10) / 10;
      out.push({
        detector: 'geo_impossible',
        at: e.at,
        subject: key,
        partnerId: e.partnerId,
        partnerName: e.partnerName,
        camera: e.camera,
        ip: e.ip,
        tokenId: e.tokenId,
        method: e.method,
        summary: `${key.startsWith('token:') ? `Token ${e.tokenId}` : `Partner ${e.partnerName ?? e.partnerId}`} used from ${where(prev.point, prev.ip)} and ${where(point, e.ip)}, ${Math.round(km)} km apart, ${minutes} min apart (${Math.round(speed)} km/h; limit ${s.maxSpeedKmh})`,
        metrics: { distanceKm: Math.round(km), minutesApart: minutes, speedKmh: Math.round(speed), fromIp: prev.ip, from: prev.point.label ?? '', to: point.label ?? '' },
        evidence: [prev.event, e],
      });
    }
    return out;
  }

  tick(now: number, ctx: DetectorContext): Finding[] {
    const windowMs = ctx.settings.geoImpossible.windowMinutes * 60_000;
    for (const [k, u] of this.last) if (now - u.at > windowMs) this.last.delete(k);
    return [];
  }

  /** A new database was loaded: cached places may have moved. */
  forgetLocations(): void {
    this.located.clear();
  }

  private locate(db: GeoLocator, ip: string): GeoPoint | null {
    if (this.located.has(ip)) return this.located.get(ip) ?? null;
    const p = db.locate(ip);
    this.located.set(ip, p);
    return p;
  }
}
