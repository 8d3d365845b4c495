import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPids } from '../fixtures/cpu';
import { CameraSim } from '../fixtures/camera-sim/camera-sim';
import { serviceHarness, type ServiceHarness } from '../fixtures/camera-sim/service-harness';

// Supervision against a real RTSP camera that refuses us, vanishes, freezes, and whose
// ffmpeg gets killed: the camera's status says what happened, and it recovers by itself.
let h: ServiceHarness;
const sims: CameraSim[] = [];

beforeAll(async () => {
  h = await serviceHarness();
});
afterAll(async () => {
  await h?.close();
  await Promise.all(sims.map((s) => s.stop()));
});

async function sim(opts: ConstructorParameters<typeof CameraSim>[0]): Promise<CameraSim> {
  const s = await CameraSim.start(opts);
  sims.push(s);
  return s;
}

const mount = { path: '/cam', codec: 'h264-baseline', width: 320, height: 240, fps: 15 } as const;

/** The ingest ffmpeg children of this process that read from `url`. */
function ffmpegsFor(url: string): number[] {
  return childPids(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(url);
    } catch {
      return false;
    }
  });
}

describe('camera supervision with a real RTSP camera', () => {
  it('ends in error with the right sentence when the camera rejects the password, and never shows it', async () => {
    const cam = await sim({ mounts: [mount], auth: 'admin:right-one' });
    await h.add({ id: 'wrong-pass', name: 'Wrong password', source: cam.url('/cam'), username: 'admin', password: 'wrong-one' });
    const seen = await h.waitFor('wrong-pass', 'error', (c) => c.status === 'error');
    expect(seen.statusReason).toBe('camera rejected the username or password');
    expect(seen.source).toBe(`rtsp://***@127.0.0.1:${cam.port}/cam`);
    expect(seen.hasCredentials).toBe(true);
    expect(JSON.stringify(h.events)).not.toContain('wrong-one');

    // Fixing the password brings it live.
    await h.service.update('wrong-pass', { password: 'right-one' });
    await h.waitFor('wrong-pass', 'live after the fix', (c) => c.status === 'live');
    await h.service.remove('wrong-pass');
  });

  it('goes offline when the camera disappears and comes back by itself when it returns', async () => {
    const cam = await sim({ mounts: [mount] });
    await h.add({ id: 'vanishing', name: 'Vanishing', source: cam.url('/cam') });
    await h.waitFor('vanishing', 'live', (c) => c.status === 'live');
    await cam.stop();
    const down = await h.waitFor('vanishing', 'offline', (c) => c.status === 'offline');
    expect(down.statusReason).toMatch(/camera ended the stream|camera closed the connection|connection refused/);
    await h.waitFor('vanishing', 'connection refused while it is gone', (c) => c.statusReason === 'connection refused');
    await cam.start();
    const back = await h.waitFor('vanishing', 'live again', (c) => c.status === 'live');
    expect(back.stats.restarts).toBeGreaterThanOrEqual(1);
    expect(cam.clients).toBe(1);
    await h.service.remove('vanishing');
  });

  it('reports a frozen camera as stalled, then offline, and recovers when it sends again', async () => {
    const cam = await sim({ mounts: [mount] });
    await h.add({ id: 'frozen', name: 'Frozen', source: cam.url('/cam') });
    await h.waitFor('frozen', 'live', (c) => c.status === 'live');
    cam.pause();
    const stalled = await h.waitFor('frozen', 'stalled', (c) => c.status === 'stalled');
    expect(stalled.statusReason).toBe('no video from the camera for 2 s');
    await h.waitFor('frozen', 'offline', (c) => c.status === 'offline');
    cam.resume();
    await h.waitFor('frozen', 'live again', (c) => c.status === 'live', 40_000);
    await h.service.remove('frozen');
  }, 60_000);

  it('restarts an ingest ffmpeg that was killed', async () => {
    const cam = await sim({ mounts: [mount] });
    await h.add({ id: 'killed', name: 'Killed', source: cam.url('/cam') });
    await h.waitFor('killed', 'live', (c) => c.status === 'live');
    const [pid] = ffmpegsFor(cam.url('/cam'));
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await h.waitFor('killed', 'offline', (c) => c.status === 'offline' && c.statusReason === 'ffmpeg was stopped by SIGKILL');
    const back = await h.waitFor('killed', 'live again', (c) => c.status === 'live');
    expect(back.stats.restarts).toBe(1);
    expect(ffmpegsFor(cam.url('/cam'))).not.toContain(pid);
    expect(ffmpegsFor(cam.url('/cam'))).toHaveLength(1);
    await h.service.remove('killed');
    expect(ffmpegsFor(cam.url('/cam'))).toHaveLength(0);
  });

  it('says so when the camera host refuses connections from the start', async () => {
    const cam = await sim({ mounts: [mount] });
    const url = cam.url('/cam');
    await cam.stop();
    await h.add({ id: 'refused', name: 'Refused', source: url });
    const c = await h.waitFor('refused', 'offline', (x) => x.status === 'offline');
    expect(c.statusReason).toBe('connection refused');
    expect(c.ingest).toEqual({ path: null, reason: null });
    await h.service.remove('refused');
  });
});
