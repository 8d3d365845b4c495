import { describe, it } from 'vitest';
import { childPids, measureCpu } from '../fixtures/cpu';
import { loginAs, spawnCore, waitFor } from '../fixtures/core-process';

const pct = (n: number) => `${n.toFixed(1)}%`;

describe('core start-up and demo cameras', () => {
  it('measures start-to-ready time (no demo cameras, 5 runs)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const core = await spawnCore({ args: ['--no-demo'] });
      times.push(performance.now() - t0);
      await core.stop();
    }
    times.sort((a, b) => a - b);
    console.log(`[bench] core start to ready line: median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)}) over 5 runs, new data dir each`);
  });

  it('measures the CPU of four demo cameras over 20 s', async () => {
    const t0 = performance.now();
    const core = await spawnCore();
    const ready = performance.now() - t0;
    const token = await loginAs(core.consoleUrl);
    const live = await waitFor('demo cameras live', async () => {
      const r = await fetch(new URL('/api/v1/cameras', core.consoleUrl), { headers: { authorization: `Bearer ${token}` } });
      const cams = (await r.json()) as { status: string }[];
      return cams.length === 4 && cams.every((c) => c.status === 'live') ? performance.now() - t0 : undefined;
    }, 30_000, 100);
    const ffmpegs = childPids(core.child.pid!);
    const [coreCpu, ...ff] = await measureCpu([core.child.pid!, ...ffmpegs], 20_000);
    await core.stop();
    const ffTotal = ff.reduce((a, b) => a + b, 0);
    console.log(`[bench] with 4 demo cameras: ready line after ${ready.toFixed(0)} ms, all 4 live after ${live.toFixed(0)} ms`);
    console.log(`[bench] demo ffmpeg CPU: ${ff.map(pct).join(', ')} of one core each; total ${pct(ffTotal)} of one core = ${pct(ffTotal / 2)} of this 2-core machine`);
    console.log(`[bench] core process CPU (TS demux, HLS cutting, 4 cameras): ${pct(coreCpu!)} of one core`);
  });
});
