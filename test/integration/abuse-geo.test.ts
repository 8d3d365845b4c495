// The offline geolocation the impossible-travel detector reads: CSV layouts operators can
// drop in, the MaxMind .mmdb format (a file written by the test), private addresses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCityMmdb } from './abuse-mmdb-writer';
import { csvFields, ipKey, loadCsvGeo } from '../../media-core/abuse/geo/csv-geo';
import { distanceKm, isPrivateAddress } from '../../media-core/abuse/geo/geo-locator';
import { findGeoDatabase, loadGeoDatabase } from '../../media-core/abuse/geo/load-geo';

const dir = mkdtempSync(join(tmpdir(), 'wink-geo-'));

describe('offline geolocation', () => {
  it('measures great-circle distances', () => {
    const nyc = { lat: 40.7128, lon: -74.006, label: null };
    const la = { lat: 34.0522, lon: -118.2437, label: null };
    expect(Math.round(distanceKm(nyc, la))).toBeGreaterThan(3930);
    expect(Math.round(distanceKm(nyc, la))).toBeLessThan(3950);
    expect(distanceKm(nyc, nyc)).toBe(0);
  });

  it('knows which addresses have no place on a map', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.0.9', '100.64.1.1', '::1', 'fe80::1', 'fd00::5', '::ffff:10.0.0.1', 'junk'])
      expect(isPrivateAddress(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '203.0.113.9', '2001:db8::1', '::ffff:8.8.4.4']) expect(isPrivateAddress(ip)).toBe(false);
  });

  it('reads DB-IP Lite, range and network CSV layouts, IPv4 and IPv6, quotes included', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(
      file,
      [
        '# a comment',
        'ip_start,ip_end,continent,country,stateprov,city,latitude,longitude',
        '1.0.0.0,1.0.0.255,OC,AU,Queensland,"South Brisbane, QLD",-27.4767,153.017',
        '8.8.8.0,8.8.8.255,37.751,-97.822,Somewhere',
        '203.0.113.0/24,48.8566,2.3522,"Paris, FR"',
        '2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,EU,DE,Berlin,Berlin,52.52,13.405',
        'garbage line',
      ].join('\n'),
    );
    const db = await loadCsvGeo(file);
    expect(db.entries).toBe(4);
    expect(db.locate('1.0.0.77')).toEqual({ lat: expect.closeTo(-27.4767, 3), lon: expect.closeTo(153.017, 3), label: 'South Brisbane, QLD, AU' });
    expect(db.locate('8.8.8.8')?.label).toBe('Somewhere');
    expect(db.locate('203.0.113.200')?.label).toBe('Paris, FR');
    expect(db.locate('2001:db8:1::42')?.label).toBe('Berlin, DE');
    expect(db.locate('9.9.9.9')).toBeNull();
    expect(db.locate('not an ip')).toBeNull();
    expect(csvFields('a,"b ""c"", d",e')).toEqual(['a', 'b "c", d', 'e']);
    expect(ipKey('::ffff:1.2.3.4')).toEqual({ v6: false, key: 0x01020304 });
  });

  it('reads a MaxMind-format (.mmdb) database, and picks the newest file dropped in the folder', async () => {
    const file = join(dir, 'city.mmdb');
    writeFileSync(file, writeCityMmdb([{ ip: '198.51.100.7', lat: 51.5074, lon: -0.1278, city: 'London', country: 'GB' }, { ip: '198.51.100.8', lat: 35.6762, lon: 139.6503, city: 'Tokyo', country: 'JP' }]));
    const db = await loadGeoDatabase(file);
    expect(db.format).toBe('mmdb');
    expect(db.locate('198.51.100.7')).toEqual({ lat: 51.5074, lon: -0.1278, label: 'London, GB' });
    expect(db.locate('198.51.100.8')?.label).toBe('Tokyo, JP');
    expect(db.locate('198.51.100.9')).toBeNull();
    expect(findGeoDatabase(null, dir)).toBe(file);
    expect(findGeoDatabase('/elsewhere/x.mmdb', dir)).toBe('/elsewhere/x.mmdb');
    expect(findGeoDatabase(null, join(dir, 'missing'))).toBeNull();
  });
});
