import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Reader, type CityResponse } from 'maxmind';
import { readFile } from 'node:fs/promises';
import { loadCsvGeo } from './csv-geo';
import type { GeoLocator } from './geo-locator';

/** Reads a MaxMind-format database (GeoLite2-City, DB-IP City Lite .mmdb) into memory. */
export async function loadMmdbGeo(path: string): Promise<GeoLocator> {
  const reader = new Reader<CityResponse>(await readFile(path));
  return {
    format: 'mmdb',
    path,
    entries: reader.metadata.nodeCount,
    locate(ip) {
      let r: CityResponse | null;
      try {
        r = reader.get(ip);
      } catch {
        return null;
      }
      const loc = r?.location;
      if (!loc || typeof loc.latitude !== 'number' || typeof loc.longitude !== 'number') return null;
      const label = [r?.city?.names?.en, r?.country?.iso_code].filter(Boolean).join(', ') || null;
      return { lat: loc.latitude, lon: loc.longitude, label };
    },
  };
}

/** The file to use: the configured one, else the newest .mmdb or .csv in `dir`. */
export function findGeoDatabase(configured: string | null, dir: string | null): string | null {
  if (configured) return configured;
  if (!dir || !existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => ['.mmdb', '.csv'].includes(extname(f).toLowerCase()))
    .map((f) => ({ f: join(dir, f), t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  return files[0]?.f ?? null;
}

/** Opens an .mmdb or .csv database by its extension. */
export function loadGeoDatabase(path: string): Promise<GeoLocator> {
  return extname(path).toLowerCase() === '.mmdb' ? loadMmdbGeo(path) : loadCsvGeo(path);
}
