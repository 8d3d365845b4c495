// Benchmark support: N raw RTSP/TCP clients in a separate Node process (so the server's
// CPU is measured alone). Each plays the video track over interleaved TCP, reassembles
// H.264 NAL units (single, STAP-A, FU-A) and notes when each picture NAL arrived, keyed by
// a hash of its bytes, on CLOCK_MONOTONIC (process.hrtime), which all processes share.
import { spawn } from 'node:child_process';

const CLIENT_SCRIPT = String.raw`
import { connect } from 'node:net';
import { createHash } from 'node:crypto';
const [url, count, seconds, mode] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const now = () => Number(process.hrtime.bigint() / 1000n);
const { hostname, port } = new URL(url.replace(/^rtsp:/, 'http:'));

function client() {
  return new Promise((resolve) => {
    const res = { playAt: 0, samples: [], packets: 0, bytes: 0, error: null };
    const s = connect({ host: hostname, port: Number(port), noDelay: true });
    let buf = Buffer.alloc(0), cseq = 0, pending = null, fu = null;
    const send = (method, uri, headers = {}) => new Promise((r) => {
      pending = r;
      let t = method + ' ' + uri + ' RTSP/1.0\r\nCSeq: ' + (++cseq) + '\r\nUser-Agent: wink-bench\r\n';
      for (const [k, v] of Object.entries(headers)) t += k + ': ' + v + '\r\n';
      s.write(t + '\r\n');
    });
    const picture = (n) => {
      const t = n[0] & 31;
      if (t >= 1 && t <= 5) res.samples.push([createHash('sha1').update(n).digest('hex').slice(0, 16), now()]);
    };
    const rtp = (p) => {
      res.packets++;
      res.bytes += p.length;
      let off = 12 + 4 * (p[0] & 15);
      if (p[0] & 0x10) off += 4 + 4 * p.readUInt16BE(off + 2);
      const pl = p.subarray(off), t = pl[0] & 31;
      if (t >= 1 && t <= 23) picture(pl);
      else if (t === 24) for (let o = 1; o + 2 <= pl.length; o += 2 + pl.readUInt16BE(o)) picture(pl.subarray(o + 2, o + 2 + pl.readUInt16BE(o)));
      else if (t === 28) {
        if (pl[1] & 0x80) fu = [Buffer.from([(pl[0] & 0xe0) | (pl[1] & 31)])];
        if (fu) fu.push(Buffer.from(pl.subarray(2)));
        if (fu && pl[1] & 0x40) { picture(Buffer.concat(fu)); fu = null; }
      }
    };
    s.on('data', (c) => {
      buf = buf.length ? Buffer.concat([buf, c]) : c;
      for (;;) {
        if (buf.length >= 4 && buf[0] === 0x24) {
          const len = buf.readUInt16BE(2);
          if (buf.length < 4 + len) return;
          if (buf[1] === 0) rtp(buf.subarray(4, 4 + len));
          buf = buf.subarray(4 + len);
          continue;
        }
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0 || buf[0] === 0x24) return;
        const head = buf.toString('latin1', 0, end);
        const len = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        const body = buf.toString('latin1', end + 4, end + 4 + len);
        buf = buf.subarray(end + 4 + len);
        const p = pending; pending = null;
        p?.({ status: Number(head.slice(9, 12)), head, body });
      }
    });
    s.on('error', (e) => { res.error = String(e); resolve(res); });
    (async () => {
      const d = await send('DESCRIBE', url, { Accept: 'application/sdp' });
      if (d.status !== 200) throw new Error('DESCRIBE ' + d.status);
      let base = /content-base:\s*(\S+)/i.exec(d.head)?.[1] ?? url;
      if (!base.endsWith('/')) base += '/';
      const control = /m=video[\s\S]*?a=control:(\S+)/.exec(d.body)[1];
      const st = await send('SETUP', control.startsWith('rtsp:') ? control : base + control, { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1' });
      if (st.status !== 200) throw new Error('SETUP ' + st.status);
      const session = /session:\s*([^;\r\n]+)/i.exec(st.head)[1].trim();
      const pl = await send('PLAY', base, { Session: session, Range: 'npt=0.000-' });
      if (pl.status !== 200) throw new Error('PLAY ' + pl.status);
      res.playAt = now();
      if (mode === 'count') {
        // Throughput runs: take the bytes as fast as possible and look at nothing.
        s.removeAllListeners('data');
        s.on('data', (c) => { res.bytes += c.length; });
      }
      setTimeout(() => { s.destroy(); resolve(res); }, seconds * 1000);
    })().catch((e) => { res.error = String(e); s.destroy(); resolve(res); });
  });
}
const results = await Promise.all(Array.from({ length: count }, client));
process.stdout.write(JSON.stringify(results));
`;

export interface ClientResult {
  /** µs on CLOCK_MONOTONIC when PLAY was answered. */
  playAt: number;
  /** [hash of a picture NAL, µs when it was complete at the client]. */
  samples: [string, number][];
  packets: number;
  bytes: number;
  error: string | null;
}

/** Runs `count` clients against `url` for `seconds`; resolves with each one's record.
 *  mode 'count': after PLAY only bytes are counted (for throughput runs). */
export function runClients(url: string, count: number, seconds: number, mode: 'latency' | 'count' = 'latency'): Promise<ClientResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT_SCRIPT, url, String(count), String(seconds), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench clients exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as ClientResult[]);
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}
