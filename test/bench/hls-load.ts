// Bench support: N concurrent HLS clients, each from its own loopback address (as many
// partners would be) over one keep-alive connection, each looping "reload the playlist,
// fetch a segment it lists" for a fixed time.
import { Agent, get } from 'node:http';

export interface LoadResult {
  clients: number;
  seconds: number;
  playlists: number;
  segments: number;
  errors: number;
  statuses: Record<number, number>;
  bytes: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

function fetchOnce(url: string, agent: Agent): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Client i's source address: 127.0.x.y, never 127.0.0.1 itself. */
export const clientAddress = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

export async function hlsLoad(playlistUrl: string, clients: number, durationMs: number): Promise<LoadResult> {
  const base = playlistUrl.slice(0, playlistUrl.lastIndexOf('/') + 1);
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let playlists = 0;
  let segments = 0;
  let errors = 0;
  let bytes = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const timed = async (url: string, agent: Agent) => {
    const s = performance.now();
    const r = await fetchOnce(url, agent);
    latencies.push(performance.now() - s);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    bytes += r.body.length;
    return r;
  };
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: clientAddress(i) });
      try {
        for (let k = 0; performance.now() < deadline && k < 1_000_000; k++) {
          try {
            const pl = await timed(playlistUrl, agent);
            if (pl.status !== 200) {
              errors++;
              continue;
            }
            playlists++;
            const uris = pl.body.toString().split('\n').filter((l) => l && !l.startsWith('#'));
            const seg = await timed(base + uris[(i + k) % uris.length], agent);
            if (seg.status === 200) segments++;
            else errors++;
          } catch {
            errors++;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients,
    seconds,
    playlists,
    segments,
    errors,
    statuses,
    bytes,
    reqPerSec: (playlists + segments) / seconds,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

export function describeLoad(name: string, r: LoadResult): string {
  return (
    `${name}: ${r.clients} clients, ${r.reqPerSec.toFixed(0)} req/s (${(r.playlists / r.seconds).toFixed(0)} playlists/s + ${(r.segments / r.seconds).toFixed(0)} segments/s), ` +
    `${((r.bytes * 8) / r.seconds / 1e6).toFixed(0)} Mbit/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors} ${JSON.stringify(r.statuses)}`
  );
}
