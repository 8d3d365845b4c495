import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CameraSim } from '../fixtures/camera-sim/camera-sim';
import { serviceHarness, type ServiceHarness } from '../fixtures/camera-sim/service-harness';
import { childPids, cpuSeconds } from '../fixtures/cpu';

// What one camera costs on each ingest path, and how many this machine holds in real time.
// Production encoder settings (x264 veryfast, automatic threads). Figures are printed, never asserted.
const run = promisify(execFile);
const pct = (n: number) => `${n.toFixed(1)}%`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Kind {
  name: string;
  width: number;
  height: number;
  fps: number;
  /** The camera sends Baseline (passed through) or High (transcoded). */
  profile: 'baseline' | 'high';
}
const KINDS: Kind[] = [
  { name: 'pass-through 720p25', width: 1280, height: 720, fps: 25, profile: 'baseline' },
  { name: 'transcode 720p25', width: 1280, height: 720, fps: 25, profile: 'high' },
  { name: 'pass-through 360p25', width: 640, height: 360, fps: 25, profile: 'baseline' },
  { name: 'transcode 360p25', width: 640, height: 360, fps: 25, profile: 'high' },
];

let h: ServiceHarness;
let nextId = 0;

beforeAll(async () => {
  h = await serviceHarness({ encoder: {}, probeWindowSeconds: 3 });
  console.log(`[bench] ingest: load average before ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the counts)`);
});
afterAll(async () => {
  console.log(`[bench] ingest: load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await h?.close();
});

/** CPU (share of one core) of the ingest ffmpeg children and of this process (the core's part: demux, hub) over `ms`. */
async function measure(ms: number): Promise<{ ffmpeg: number; core: number }> {
  const pids = childPids(process.pid).filter(isFfmpeg);
  const before = pids.map((p) => safeCpu(p));
  const coreBefore = process.cpuUsage();
  await sleep(ms);
  const after = pids.map((p) => safeCpu(p));
  const core = process.cpuUsage(coreBefore);
  const ffmpeg = after.reduce((sum, a, i) => sum + Math.max(0, a - before[i]!), 0);
  return { ffmpeg: (ffmpeg / (ms / 1000)) * 100, core: ((core.user + core.system) / 1000 / ms) * 100 };
}
function isFfmpeg(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'ffmpeg';
  } catch {
    return false;
  }
}
function safeCpu(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
}

/** Video frames each camera delivered per second of wall clock over `ms`. */
async function deliveredFps(ids: string[], ms: number): Promise<number[]> {
  const counts = ids.map(() => 0);
  const stops = ids.map((id, i) => h.hub.get(id)!.subscribe({ onAccessUnit: (au) => void (au.kind === 'video' && counts[i]!++) }, { fromKeyframe: false, passive: true }));
  await sleep(ms);
  for (const stop of stops) stop();
  return counts.map((n) => n / (ms / 1000));
}

async function addCameras(source: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `bench-${nextId++}`);
  for (const id of ids) await h.add({ id, name: id, source });
  return ids;
}
async function allLive(ids: string[]): Promise<boolean> {
  try {
    await Promise.all(ids.map((id) => h.waitFor(id, 'live', (c) => c.status === 'live', 90_000)));
    return true;
  } catch {
    return false;
  }
}
async function removeAll(ids: string[]) {
  for (const id of ids) await h.service.remove(id);
}

/** One camera's CPU over 10 s, scaled to a camera that delivers its full frame rate (a
 *  loaded machine or a slow simulator may deliver fewer frames than nominal). */
async function costOfOne(source: string, k: Kind): Promise<{ ffmpeg: number; core: number; fps: number; path: string }> {
  const ids = await addCameras(source, 1);
  try {
    if (!(await allLive(ids))) throw new Error(`${k.name}: camera did not go live`);
    await sleep(3000);
    const [[fps], cpu] = await Promise.all([deliveredFps(ids, 10_000), measure(10_000)]);
    const scale = fps! > 0 ? k.fps / fps! : 1;
    return { ffmpeg: cpu.ffmpeg * scale, core: cpu.core * scale, fps: fps!, path: h.service.get(ids[0]!)?.ingest?.path ?? '?' };
  } finally {
    await removeAll(ids);
  }
}

async function makeFile(k: Kind): Promise<string> {
  const file = join(h.mediaDir, `${k.profile}-${k.height}.ts`);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${k.width}x${k.height}:rate=${k.fps}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '30', '-c:v', 'libx264', '-profile:v', k.profile,
    '-preset', k.profile === 'high' ? 'faster' : 'ultrafast', '-g', String(k.fps * 2), '-keyint_min', String(k.fps * 2), '-sc_threshold', '0',
    '-b:v', k.height >= 720 ? '2500k' : '800k', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-ac', '1', file]);
  return file;
}

const cost = new Map<string, number>();

describe('ingest cost per camera', () => {
  it('measures one camera on each path, pulled from a real RTSP camera', async () => {
    for (const k of KINDS) {
      const sim = await CameraSim.start({ mounts: [{ path: '/cam', codec: k.profile === 'baseline' ? 'h264-baseline' : 'h264-high', width: k.width, height: k.height, fps: k.fps, kbps: k.height >= 720 ? 2500 : 800 }] });
      try {
        const c = await costOfOne(sim.url('/cam'), k);
        console.log(`[bench] one ${k.name} camera over RTSP (${c.path}, simulator delivered ${c.fps.toFixed(1)} fps): ingest ffmpeg ${pct(c.ffmpeg)} of one core + core process ${pct(c.core)} = ${pct((c.ffmpeg + c.core) / 2)} of this 2-core machine`);
      } finally {
        await sim.stop();
      }
    }
  }, 600_000);

  it('measures one camera on each path, pulled from a file (no simulator competing for the CPU)', async () => {
    for (const k of KINDS) {
      const c = await costOfOne(`file:${await makeFile(k)}`, k);
      cost.set(k.name, c.ffmpeg + c.core);
      console.log(`[bench] one ${k.name} camera from a file (${c.path}): ingest ffmpeg ${pct(c.ffmpeg)} + core ${pct(c.core)} of one core = ${pct((c.ffmpeg + c.core) / 2)} of this 2-core machine → about ${Math.floor((200 * 0.85) / (c.ffmpeg + c.core))} such cameras fit in 85% of both cores`);
    }
  }, 600_000);
});

describe('cameras held in real time (file sources)', () => {
  for (const k of KINDS) {
    it(`finds how many ${k.name} cameras keep up`, async () => {
      const file = await makeFile(k);
      const keepsUp = async (n: number): Promise<boolean> => {
        const ids = await addCameras(`file:${file}`, n);
        try {
          if (!(await allLive(ids))) {
            console.log(`[bench]   ${n} × ${k.name}: not all cameras went live within 90 s → falls behind`);
            return false;
          }
          await sleep(4000);
          const [fps, cpu] = await Promise.all([deliveredFps(ids, 8000), measure(8000)]);
          const worst = Math.min(...fps);
          const ok = worst >= k.fps * 0.95;
          console.log(`[bench]   ${n} × ${k.name}: slowest camera ${worst.toFixed(1)}/${k.fps} fps, ffmpeg ${pct(cpu.ffmpeg)} + core ${pct(cpu.core)} of one core → ${ok ? 'real time' : 'falls behind'}`);
          return ok;
        } finally {
          await removeAll(ids);
        }
      };
      // Start near the estimate from the cost per camera, then walk up or down.
      const cap = k.profile === 'baseline' ? 48 : 16;
      const estimate = Math.max(1, Math.min(cap, Math.floor((200 * 0.85) / (cost.get(k.name) ?? 100))));
      let n = estimate;
      let good = 0;
      let bad = 0;
      if (await keepsUp(n)) {
        good = n;
        while (n < cap && !bad) {
          n = Math.min(cap, n + Math.max(1, Math.ceil(n / 4)));
          if (await keepsUp(n)) good = n;
          else bad = n;
        }
      } else {
        bad = n;
        while (n > 1 && !good) {
          n -= Math.max(1, Math.ceil(n / 4));
          if (await keepsUp(n)) good = n;
          else bad = n;
        }
      }
      console.log(`[bench] ${k.name}: this 2-core machine held ${bad ? good : `at least ${good}`} camera(s) in real time (estimate from the cost per camera: ${estimate})`);
    }, 900_000);
  }
});
