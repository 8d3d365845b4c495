// Draws the app and tray icons from geometry, so no binary artwork has to be fetched or
// hand-edited: `node resources/icons/generate-icons.mjs` rewrites icon.svg, icon.png
// (512 px, electron-builder derives .ico/.icns from it) and tray.png (32 px).
// The mark is a camera lens seen head-on: a ring, an iris and a glint.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const BACKGROUND = [0x0f, 0x17, 0x22];
const RING = [0x38, 0xbd, 0xf8];
const IRIS = [0xe8, 0xee, 0xf5];
const PUPIL = [0x0b, 0x0f, 0x14];

/** Shapes in a 0..1 unit square, painted in order. */
function shapes({ withBackground }) {
  const list = [];
  if (withBackground) list.push({ kind: 'roundRect', inset: 0.04, radius: 0.2, color: BACKGROUND });
  list.push(
    { kind: 'ring', cx: 0.5, cy: 0.5, outer: withBackground ? 0.34 : 0.47, inner: withBackground ? 0.27 : 0.37, color: RING },
    { kind: 'circle', cx: 0.5, cy: 0.5, r: withBackground ? 0.19 : 0.27, color: IRIS },
    { kind: 'circle', cx: 0.5, cy: 0.5, r: withBackground ? 0.1 : 0.14, color: PUPIL },
    { kind: 'circle', cx: withBackground ? 0.56 : 0.585, cy: withBackground ? 0.44 : 0.415, r: withBackground ? 0.035 : 0.05, color: IRIS },
  );
  return list;
}

function inside(shape, x, y) {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'ring': {
      const d2 = (x - shape.cx) ** 2 + (y - shape.cy) ** 2;
      return d2 <= shape.outer ** 2 && d2 >= shape.inner ** 2;
    }
    case 'roundRect': {
      const lo = shape.inset;
      const hi = 1 - shape.inset;
      if (x < lo || x > hi || y < lo || y > hi) return false;
      const r = shape.radius;
      const cx = Math.min(Math.max(x, lo + r), hi - r);
      const cy = Math.min(Math.max(y, lo + r), hi - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;
    }
  }
  return false;
}

/** RGBA pixels, 4x4 supersampled for smooth edges. */
function render(size, list) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxi + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color = null;
          for (const s of list) if (inside(s, x, y)) color = s.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const o = (py * size + pxi) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hex(color) {
  return `#${color.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function svg(list) {
  const u = (v) => +(v * 512).toFixed(2);
  const body = list
    .map((s) => {
      if (s.kind === 'roundRect') {
        const xy = u(s.inset);
        const wh = u(1 - 2 * s.inset);
        return `<rect x="${xy}" y="${xy}" width="${wh}" height="${wh}" rx="${u(s.radius)}" fill="${hex(s.color)}"/>`;
      }
      if (s.kind === 'ring') {
        const mid = (s.outer + s.inner) / 2;
        return `<circle cx="${u(s.cx)}" cy="${u(s.cy)}" r="${u(mid)}" fill="none" stroke="${hex(s.color)}" stroke-width="${u(s.outer - s.inner)}"/>`;
      }
      return `<circle cx="${u(s.cx)}" cy="${u(s.cy)}" r="${u(s.r)}" fill="${hex(s.color)}"/>`;
    })
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">\n  ${body}\n</svg>\n`;
}

const appIcon = shapes({ withBackground: true });
writeFileSync(join(here, 'icon.svg'), svg(appIcon));
writeFileSync(join(here, 'icon.png'), png(512, render(512, appIcon)));
writeFileSync(join(here, 'tray.png'), png(32, render(32, shapes({ withBackground: false }))));
console.log('wrote icon.svg, icon.png (512 px), tray.png (32 px)');
