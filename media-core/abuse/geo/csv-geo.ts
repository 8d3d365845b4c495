import { createReadStream } from 'node:fs';
import { isIP } from 'node:net';
import { createInterface } from 'node:readline';
import type { GeoLocator, GeoPoint } from './geo-locator';

/** IPv4 as a number; IPv6 as its top 48 bits (allocations are /48 or larger, and a
 *  double holds 48 bits exactly). */
export function ipKey(ip: string): { v6: boolean; key: number } | null {
  const lower = ip.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const family = isIP(lower);
  if (family === 4) {
    const p = lower.split('.').map(Number);
    return { v6: false, key: ((p[0]! * 256 + p[1]!) * 256 + p[2]!) * 256 + p[3]! };
  }
  if (family !== 6) return null;
  const groups = expandV6(lower);
  return { v6: true, key: (groups[0]! * 65536 + groups[1]!) * 65536 + groups[2]! };
}

function expandV6(ip: string): number[] {
  let s = ip.split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const p = v4[1]!.split('.').map(Number);
    s = s.slice(0, -v4[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g || '0', 16));
}

/** Splits one CSV line, honouring double quotes. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

interface Row {
  start: number;
  end: number;
  lat: number;
  lon: number;
  label: number;
}

/** One row of any of the accepted layouts, or null (header, comment, junk). */
function parseRow(f: string[], labelIndex: (s: string | null) => number): { v6: boolean; row: Row } | null {
  const a = f[0] ?? '';
  const [addr = '', bits] = a.split('/');
  const first = ipKey(addr);
  if (!first) return null;
  let end: number;
  let rest: string[];
  const second = f[1] ? ipKey(f[1]) : null;
  if (second && bits === undefined) {
    // start,end,...: DB-IP "IP to City Lite" (8 columns) or start,end,lat,lon[,label]
    end = second.key;
    rest = f.slice(2);
  } else {
    const total = first.v6 ? 48 : 32;
    const prefix = bits === undefined ? total : Math.min(Number(bits), total);
    const span = 2 ** (total - prefix);
    const start = Math.floor(first.key / span) * span;
    first.key = start;
    end = start + span - 1;
    rest = f.slice(1);
  }
  let lat: number;
  let lon: number;
  let label: string | null;
  if (rest.length >= 6) {
    // continent,country,region,city,lat,lon
    lat = Number(rest[4]);
    lon = Number(rest[5]);
    label = [rest[3], rest[1]].filter(Boolean).join(', ') || null;
  } else {
    lat = Number(rest[0]);
    lon = Number(rest[1]);
    label = rest[2] || null;
  }
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { v6: first.v6, row: { start: first.key, end, lat, lon, label: labelIndex(label) } };
}

class RangeTable {
  starts: Float64Array;
  ends: Float64Array;
  lats: Float32Array;
  lons: Float32Array;
  labels: Int32Array;

  constructor(rows: Row[]) {
    rows.sort((x, y) => x.start - y.start);
    const n = rows.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.lats = new Float32Array(n);
    this.lons = new Float32Array(n);
    this.labels = new Int32Array(n);
    rows.forEach((r, i) => {
      this.starts[i] = r.start;
      this.ends[i] = r.end;
      this.lats[i] = r.lat;
      this.lons[i] = r.lon;
      this.labels[i] = r.label;
    });
  }

  find(key: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= key) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && key <= this.ends[best]! ? best : -1;
  }
}

/**
 * A CSV geolocation database, read into memory once. Accepted layouts, one range per
 * line, no header needed (lines that do not parse are skipped):
 *   DB-IP "IP to City Lite": start,end,continent,country,region,city,lat,lon
 *   start,end,lat,lon[,label]
 *   network,lat,lon[,label]        (a CIDR or a single address)
 */
export async function loadCsvGeo(path: string, maxLines = 20_000_000): Promise<GeoLocator> {
  const labels: string[] = [];
  const labelIds = new Map<string, number>();
  const labelIndex = (s: string | null) => {
    if (!s) return -1;
    let id = labelIds.get(s);
    if (id === undefined) {
      id = labels.length;
      labels.push(s);
      labelIds.set(s, id);
    }
    return id;
  };
  const v4: Row[] = [];
  const v6: Row[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (++n > maxLines) break;
    if (!line || line.startsWith('#')) continue;
    const r = parseRow(csvFields(line), labelIndex);
    if (r) (r.v6 ? v6 : v4).push(r.row);
  }
  const t4 = new RangeTable(v4);
  const t6 = new RangeTable(v6);
  const point = (t: RangeTable, i: number): GeoPoint => ({ lat: t.lats[i]!, lon: t.lons[i]!, label: t.labels[i]! >= 0 ? labels[t.labels[i]!]! : null });
  return {
    format: 'csv',
    path,
    entries: v4.length + v6.length,
    locate(ip) {
      const k = ipKey(ip);
      if (!k) return null;
      const t = k.v6 ? t6 : t4;
      const i = t.find(k.key);
      return i < 0 ? null : point(t, i);
    },
  };
}
