// Test support: writes a tiny MaxMind DB (the .mmdb format of GeoLite2-City and DB-IP
// City Lite) for IPv4 /32 entries, so the reader path is tested on a real file without
// shipping or downloading a database. Format: maxmind.github.io/MaxMind-DB/.

type Value = string | number | { double: number } | { uint: number; bytes: 2 | 4 | 8 } | Value[] | { [k: string]: Value };

function control(type: number, size: number): Buffer {
  if (size >= 29) throw new Error('test writer: sizes up to 28 only');
  return type <= 7 ? Buffer.from([(type << 5) | size]) : Buffer.from([size, type - 7]);
}

function encode(v: Value): Buffer {
  if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    return Buffer.concat([control(2, b.length), b]);
  }
  if (typeof v === 'number') return encode({ uint: v, bytes: 4 });
  if (Array.isArray(v)) return Buffer.concat([control(11, v.length), ...v.map(encode)]);
  if ('double' in v && typeof v.double === 'number') {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v.double);
    return Buffer.concat([control(3, 8), b]);
  }
  if ('uint' in v && typeof v.uint === 'number' && typeof v.bytes === 'number') {
    const b = Buffer.alloc(v.bytes);
    b.writeUIntBE(v.uint, v.bytes - Math.min(v.bytes, 6), Math.min(v.bytes, 6));
    return Buffer.concat([control(v.bytes === 2 ? 5 : v.bytes === 4 ? 6 : 9, v.bytes), b]);
  }
  const entries = Object.entries(v as Record<string, Value>);
  return Buffer.concat([control(7, entries.length), ...entries.flatMap(([k, x]) => [encode(k), encode(x)])]);
}

interface Node {
  children: [Node | number | null, Node | number | null];
  index?: number;
}

/** A City-shaped record per IPv4 address. */
export function writeCityMmdb(entries: { ip: string; lat: number; lon: number; city: string; country: string }[]): Buffer {
  const records: Buffer[] = [];
  const offsets: number[] = [];
  let dataSize = 0;
  for (const e of entries) {
    const rec = encode({ city: { names: { en: e.city } }, country: { iso_code: e.country }, location: { latitude: { double: e.lat }, longitude: { double: e.lon }, accuracy_radius: { uint: 20, bytes: 2 } } });
    offsets.push(dataSize);
    records.push(rec);
    dataSize += rec.length;
  }
  const root: Node = { children: [null, null] };
  entries.forEach((e, i) => {
    const bits = e.ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    let node = root;
    for (let b = 31; b >= 0; b--) {
      const bit = Math.floor(bits / 2 ** b) % 2;
      if (b === 0) node.children[bit] = -1 - i;
      else {
        const next = node.children[bit];
        if (next && typeof next === 'object') node = next;
        else {
          const child: Node = { children: [null, null] };
          node.children[bit] = child;
          node = child;
        }
      }
    }
  });
  const nodes: Node[] = [];
  const walk = (n: Node) => {
    n.index = nodes.length;
    nodes.push(n);
    for (const c of n.children) if (c && typeof c === 'object') walk(c);
  };
  walk(root);
  const count = nodes.length;
  const tree = Buffer.alloc(count * 6);
  nodes.forEach((n, i) => {
    n.children.forEach((c, side) => {
      const value = c === null ? count : typeof c === 'object' ? c.index! : count + 16 + offsets[-1 - c]!;
      tree.writeUIntBE(value, i * 6 + side * 3, 3);
    });
  });
  const metadata = encode({
    node_count: { uint: count, bytes: 4 },
    record_size: { uint: 24, bytes: 2 },
    ip_version: { uint: 4, bytes: 2 },
    database_type: 'WINK-Test-City',
    languages: ['en'],
    binary_format_major_version: { uint: 2, bytes: 2 },
    binary_format_minor_version: { uint: 0, bytes: 2 },
    build_epoch: { uint: Math.floor(Date.now() / 1000), bytes: 8 },
    description: { en: 'test database' },
  });
  return Buffer.concat([tree, Buffer.alloc(16), ...records, Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com'), metadata]);
}
