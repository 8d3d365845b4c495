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
  await Promise.all(ids.map((id) => h.waitFor(id, 'live', (c) => c.status === 'live', 60_000)));
  return ids;
}
async function removeAll(ids: string[]) {
  for (const id of ids) await h.service.remove(id);
}

describe('ingest cost per camera (real RTSP camera)', () => {
  it('measures the CPU of one camera on each path', async () => {
    for (const k of KINDS) {
      const sim = await CameraSim.start({ mounts: [{ path: '/cam', codec: k.profile === 'baseline' ? 'h264-baseline' : 'h264-high', width: k.width, height: k.height, fps: k.fps, kbps: k.height >= 720 ? 2500 : 800 }] });
      const [id] = await addCameras(sim.url('/cam'), 1);
      const cam = h.service.get(id!)!;
      await sleep(3000);
      const cpu = await measure(10_000);
      console.log(`[bench] one ${k.name} camera over RTSP (${cam.ingest?.path}): ingest ffmpeg ${pct(cpu.ffmpeg)} of one core, core process ${pct(cpu.core)}; = ${pct((cpu.ffmpeg + cpu.core) / 2)} of this 2-core machine`);
      await removeAll([id!]);
      await sim.stop();
    }
  });
});

describe('cameras held in real time (file sources, so no simulator competes for the CPU)', () => {
  for (const k of KINDS) {
    it(`finds how many ${k.name} cameras keep up`, async () => {
      const file = join(h.mediaDir, `${k.profile}-${k.height}.ts`);
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${k.width}x${k.height}:rate=${k.fps}`,
        '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '30', '-c:v', 'libx264', '-profile:v', k.profile,
        '-preset', k.profile === 'high' ? 'faster' : 'ultrafast', '-g', String(k.fps * 2), '-keyint_min', String(k.fps * 2), '-sc_threshold', '0',
        '-b:v', k.height >= 720 ? '2500k' : '800k', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-ac', '1', file]);
      const keepsUp = async (n: number): Promise<boolean> => {
        const ids = await addCameras(`file:${file}`, n);
        await sleep(4000);
        const [fps, cpu] = await Promise.all([deliveredFps(ids, 8000), measure(8000)]);
        const worst = Math.min(...fps);
        const ok = worst >= k.fps * 0.95;
        console.log(`[bench]   ${n} × ${k.name}: slowest camera ${worst.toFixed(1)}/${k.fps} fps, ffmpeg ${pct(cpu.ffmpeg)} + core ${pct(cpu.core)} of one core → ${ok ? 'real time' : 'falls behind'}`);
        await removeAll(ids);
        return ok;
      };
      // Double until a count falls behind (or the cap), then bisect.
      const cap = k.profile === 'baseline' ? 64 : 16;
      let good = 0;
      let bad = 0;
      for (let n = 1; n <= cap; n *= 2) {
        if (await keepsUp(n)) good = n;
        else {
          bad = n;
          break;
        }
      }
      while (bad && bad - good > 1 && bad - good > Math.ceil(good / 8)) {
        const mid = Math.floor((good + bad) / 2);
        if (await keepsUp(mid)) good = mid;
        else bad = mid;
      }
      console.log(`[bench] ${k.name}: this 2-core machine holds ${bad ? good : `at least ${good}`} camera(s) in real time`);
    }, 600_000);
  }
});
