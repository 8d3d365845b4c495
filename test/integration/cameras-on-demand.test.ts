import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraSim } from '../fixtures/camera-sim/camera-sim';
import { serviceHarness, type ServiceHarness } from '../fixtures/camera-sim/service-harness';

// On-demand cameras and the one-upstream-connection rule, counted on the camera's side.
let h: ServiceHarness;
let sim: CameraSim;

beforeAll(async () => {
  sim = await CameraSim.start({ mounts: [{ path: '/cam', codec: 'h264-baseline', width: 320, height: 240, fps: 15 }] });
  h = await serviceHarness();
});
afterAll(async () => {
  await h?.close();
  await sim?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const IDLE = 'on demand: starts when someone watches';

describe('an on-demand camera', () => {
  it('does not touch the camera until someone watches', async () => {
    const cam = await h.add({ id: 'lazy', name: 'Lazy', source: sim.url('/cam'), mode: 'on-demand', idleStopSec: 1 });
    expect(cam).toMatchObject({ status: 'starting', statusReason: IDLE, mode: 'on-demand', viewers: 0 });
    await sleep(1500);
    expect(sim.connectsTotal).toBe(0);
  });

  it('starts on the first viewer and holds one upstream connection for three viewers', async () => {
    const stream = h.hub.get('lazy')!;
    const bytes = [0, 0, 0];
    const viewers = bytes.map((_, i) => stream.subscribe({ onTs: (p: Buffer) => void (bytes[i]! += p.length) }));
    await h.waitFor('lazy', 'live', (c) => c.status === 'live');
    sim.resetCounts();
    await sleep(3000);
    expect(bytes.every((b) => b > 10_000)).toBe(true);
    expect(h.service.get('lazy')?.viewers).toBe(3);
    expect([sim.clients, sim.maxClients, sim.connectsTotal]).toEqual([1, 1, 0]);
    for (const stop of viewers) stop();
  });

  it('stops pulling the camera once the idle time after the last viewer is over', async () => {
    const cam = await h.waitFor('lazy', 'idle again', (c) => c.status === 'starting' && c.statusReason === IDLE);
    expect(cam.viewers).toBe(0);
    await sim.waitFor('the camera to see no client', (s) => s.clients === 0);
  });

  it('starts again for the next viewer without probing the camera again', async () => {
    sim.resetCounts();
    const stop = h.hub.get('lazy')!.subscribe({});
    await h.waitFor('lazy', 'live', (c) => c.status === 'live');
    expect(sim.connectsTotal).toBe(1);
    stop();
    await sim.waitFor('the camera to see no client', (s) => s.clients === 0);
  });
});

describe('an always-on camera', () => {
  it('runs without viewers, on one upstream connection however many read it', async () => {
    await h.add({ id: 'steady', name: 'Steady', source: sim.url('/cam') });
    await h.waitFor('steady', 'live', (c) => c.status === 'live');
    sim.resetCounts();
    const stream = h.hub.get('steady')!;
    const readers = Array.from({ length: 5 }, () => stream.subscribe({ onTs: () => {} }));
    await sleep(2000);
    expect([sim.clients, sim.maxClients, sim.connectsTotal]).toEqual([1, 1, 0]);
    for (const stop of readers) stop();
    await h.service.update('steady', { enabled: false });
    await h.waitFor('steady', 'disabled', (c) => c.status === 'disabled' && c.statusReason === 'turned off by an operator');
    await sim.waitFor('the camera to see no client', (s) => s.clients === 0);
  });
});
