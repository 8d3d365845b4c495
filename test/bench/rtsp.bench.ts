// RTSP benchmark: the latency the appliance adds between a picture entering the stream
// hub and the last of its RTP packets reaching a client (median and p99, on the packets,
// at 1 and at 50 TCP clients), the packets per second one core relays, and the same
// figures for Debian's gst-rtsp-server fed the same live stream, as ratios.
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { describe, it } from 'vitest';
import { silentLogger } from '../../media-core/log/logger';
import { h264NalType, splitNalUnits } from '../../media-core/protocols/h264';
import { RtspServer, type RtspAccess, type RtspAccessUnit, type RtspSource, type RtspSourceReader } from '../../media-core/servers/rtsp';
import type { CameraStream } from '../../media-core/stream';
import { cpuSeconds } from '../fixtures/cpu';
import { startLiveCamera } from '../integration/rtsp-harness-camera';
import { runClients, type ClientResult } from './rtsp-bench-clients';
import { available, startGstRtsp } from './rtsp-bench-gst';

const ONE_SECONDS = 10;
const SATURATION_CLIENTS = 10;
const WARM_UP_US = 3_000_000;
const MANY = 50;
const MANY_SECONDS = 15;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const key = (nal: Buffer) => createHash('sha1').update(nal).digest('hex').slice(0, 16);

const allowAll: RtspAccess = {
  authorize: async () => ({ ok: true, partnerId: 'bench', partnerName: 'bench', method: 'ip' }),
  openSession: () => ({ ok: true, session: { id: 'bench', addBytes() {}, close() {}, onTerminate() {} } }),
};

/** When each picture was handed to the hub's readers, keyed by its last slice NAL. */
function probeHub(stream: CameraStream): Map<string, number> {
  const at = new Map<string, number>();
  stream.subscribe(
    {
      onAccessUnit(au) {
        if (au.kind !== 'video') return;
        const slices = splitNalUnits(au.data).filter((n) => h264NalType(n) >= 1 && h264NalType(n) <= 5);
        if (slices.length > 0) at.set(key(slices.at(-1)!), nowUs());
      },
    },
    { fromKeyframe: false },
  );
  return at;
}

interface Figures {
  median: number;
  p99: number;
  samples: number;
  missed: number;
  packetsPerSec: number;
}

/** Latency per (client, live picture): last slice complete at the client − hub time. */
function figures(hub: Map<string, number>, clients: ClientResult[], seconds: number): Figures {
  const ms: number[] = [];
  let missed = 0;
  for (const c of clients) {
    if (c.error) throw new Error(`bench client failed: ${c.error}`);
    const seen = new Map(c.samples);
    const end = c.playAt + (seconds - 1) * 1e6;
    for (const [k, t0] of hub) {
      // Live pictures only, after the replayed GOPs of every client have drained.
      if (t0 < c.playAt + WARM_UP_US || t0 > end) continue;
      const t1 = seen.get(k);
      if (t1 === undefined) missed++;
      else ms.push((t1 - t0) / 1000);
    }
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
  const packets = clients.reduce((a, c) => a + c.packets, 0);
  return { median: at(0.5), p99: at(0.99), samples: ms.length, missed, packetsPerSec: packets / seconds };
}

const f2 = (n: number) => n.toFixed(2);
const line = (who: string, n: number, f: Figures) =>
  `[bench] ${who}, ${n} client${n > 1 ? 's' : ''}: added latency median ${f2(f.median)} ms, p99 ${f2(f.p99)} ms (${f.samples} pictures, ${f.missed} missed); ${f.packetsPerSec.toFixed(0)} RTP packets/s delivered`;

async function freeTcpPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** CPU cores used by `measure` while `run` runs. */
async function cores<T>(measure: () => number, run: () => Promise<T>): Promise<{ result: T; cores: number }> {
  const c0 = measure();
  const t0 = performance.now();
  const result = await run();
  return { result, cores: (measure() - c0) / ((performance.now() - t0) / 1000) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tick = () => new Promise((r) => setImmediate(r));

/** Packets one core relays: four recorded seconds of the camera pushed round and round
 *  as fast as SATURATION_CLIENTS clients take them (never faster: no queue builds up). */
async function saturation(stream: CameraStream, idleCores: number): Promise<string> {
  const recorded: RtspAccessUnit[] = [];
  const stop = stream.subscribe({ onAccessUnit: (au) => recorded.push(au) }, { fromKeyframe: true });
  await sleep(4000);
  stop();
  const readers = new Set<RtspSourceReader>();
  const source: RtspSource = { subscribe: (r) => (readers.add(r), () => readers.delete(r)), codecConfig: () => stream.codecConfig() };
  const sat = new RtspServer({ access: allowAll, source: () => source, log: silentLogger(), maxQueuedBytes: 16 * 1024 * 1024 });
  const clients = runClients(`rtsp://${await sat.listen('127.0.0.1', 0)}/cam1`, SATURATION_CLIENTS, 12, 'count');
  for (let i = 0; i < 200 && sat.stats().playing < SATURATION_CLIENTS; i++) await sleep(50);
  const span = recorded.at(-1)!.pts - recorded[0]!.pts + 3600;
  const p0 = sat.stats().rtpPackets;
  const b0 = sat.stats().rtpBytes;
  const c0 = selfCpu();
  const t0 = performance.now();
  let pushed = 0;
  for (let loop = 0; performance.now() - t0 < 6000; loop++) {
    for (const au of recorded) {
      const fresh = { ...au, pts: au.pts + loop * span, dts: au.dts + loop * span }; // packetized anew, like live
      for (const r of readers) r.onAccessUnit(fresh);
      // Sockets take what the kernel accepts at once; wait only when a queue builds up.
      if (sat.stats().queuedBytes > 4 * 1024 * 1024) while (sat.stats().queuedBytes > 1024 * 1024) await tick();
      else if (++pushed % 64 === 0) await tick();
      if (performance.now() - t0 >= 6000) break;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const coresUsed = (selfCpu() - c0) / secs - idleCores;
  const pps = (sat.stats().rtpPackets - p0) / secs;
  const mbps = ((sat.stats().rtpBytes - b0) * 8) / secs / 1e6;
  const dropped = SATURATION_CLIENTS - sat.stats().playing;
  await clients;
  await sat.close();
  return (
    `[bench] WINK RTSP relay at saturation: ${pps.toFixed(0)} RTP packets/s (${mbps.toFixed(0)} Mbit/s) to ${SATURATION_CLIENTS} TCP clients using ` +
    `${(coresUsed * 100).toFixed(0)}% of one core (live ingest excluded; the clients' process was the limit), ${dropped} dropped → ${(pps / coresUsed).toFixed(0)} packets/s per core, linearly`
  );
}

const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

describe('RTSP server benchmark', () => {
  it('measures added latency at 1 and 50 clients and packets relayed per core, against gst-rtsp-server', async () => {
    const cam = await startLiveCamera('cam1', { size: '1280x720', fps: 25, gop: 50, videoArgs: ['-b:v', '2M', '-maxrate', '2M', '-bufsize', '1M'] });
    const hub = probeHub(cam.stream);
    const server = new RtspServer({ access: allowAll, source: (id) => (id === 'cam1' ? cam.stream : undefined), log: silentLogger() });
    const url = `rtsp://${await server.listen('127.0.0.1', 0)}/cam1`;
    console.log('[bench] source: live ffmpeg 1280x720 25 fps H.264 baseline ~2 Mbit/s, 2 s GOP, AAC 48 kHz → real CameraStream; clients: raw RTSP/TCP video in a separate process');
    try {
      const idle = await cores(selfCpu, () => new Promise((r) => setTimeout(r, 5000)));
      const one = figures(hub, await runClients(url, 1, ONE_SECONDS), ONE_SECONDS);
      console.log(line('WINK RTSP', 1, one));
      const p0 = server.stats().rtpPackets;
      const many = await cores(selfCpu, () => runClients(url, MANY, MANY_SECONDS));
      const manyF = figures(hub, many.result, MANY_SECONDS);
      const relayCores = Math.max(1e-6, many.cores - idle.cores);
      const sentPerSec = (server.stats().rtpPackets - p0) / MANY_SECONDS;
      console.log(line('WINK RTSP', MANY, manyF));
      console.log(
        `[bench] WINK RTSP relay: ${sentPerSec.toFixed(0)} packets/s sent to ${MANY} clients using ${(many.cores * 100).toFixed(1)}% of one core ` +
          `(${(idle.cores * 100).toFixed(1)}% of it is ingest demux with no client) → ${(sentPerSec / relayCores).toFixed(0)} packets/s per core relayed, ` +
          `${(manyF.packetsPerSec / many.cores).toFixed(0)} per core-second of the whole process`,
      );

      console.log(await saturation(cam.stream, idle.cores));

      if (!(await available())) {
        console.log('[bench] gst-rtsp-server: not available (python3-gi / gir1.2-gst-rtsp-server-1.0 missing), no comparison');
        return;
      }
      const gst = await startGstRtsp(await freeTcpPort(), await freeUdpPort());
      cam.taps.push(gst.feed);
      try {
        await runClients(gst.url, 1, 3); // prepares the shared media once
        const gOne = figures(hub, await runClients(gst.url, 1, ONE_SECONDS), ONE_SECONDS);
        console.log(line('gst-rtsp-server', 1, gOne));
        const gMany = await cores(() => cpuSeconds(gst.process.pid!), () => runClients(gst.url, MANY, MANY_SECONDS));
        const gManyF = figures(hub, gMany.result, MANY_SECONDS);
        console.log(line('gst-rtsp-server', MANY, gManyF));
        console.log(
          `[bench] gst-rtsp-server relay: ${gManyF.packetsPerSec.toFixed(0)} packets/s delivered to ${MANY} clients using ${(gMany.cores * 100).toFixed(1)}% of one core ` +
            `(its ingest demux included) → ${(gManyF.packetsPerSec / gMany.cores).toFixed(0)} per core-second of the whole process`,
        );
        const r = (a: number, b: number) => (a / b).toFixed(2);
        console.log(
          `[bench] WINK ÷ gst-rtsp-server: latency median ${r(one.median, gOne.median)}× at 1 client, ${r(manyF.median, gManyF.median)}× at ${MANY}; ` +
            `p99 ${r(one.p99, gOne.p99)}× / ${r(manyF.p99, gManyF.p99)}× (lower is better); packets per core-second at ${MANY} clients, whole process ` +
            `${r(manyF.packetsPerSec / many.cores, gManyF.packetsPerSec / gMany.cores)}×, WINK relay only vs gst whole process ${r(sentPerSec / relayCores, gManyF.packetsPerSec / gMany.cores)}× (higher is better)`,
        );
      } finally {
        await gst.stop();
      }
    } finally {
      await server.close();
      await cam.stop();
    }
  });
});
