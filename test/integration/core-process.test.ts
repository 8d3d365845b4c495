import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../media-core/contracts/api';
import { CORE_ENTRY, loginAs, runCoreExpectingFailure, spawnCore, tempDataDir, waitFor, type CoreProcess } from '../fixtures/core-process';

// The headless appliance as an installer runs it: the built core, a real data dir, real
// ffmpeg children, real sockets on 127.0.0.1.
beforeAll(() => {
  if (!existsSync(CORE_ENTRY)) throw new Error(`${CORE_ENTRY} is missing: run "npm run build" first (npm test does)`);
});

const childPids = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe('the headless core with demo cameras', () => {
  let core: CoreProcess;
  let token: string;
  const api = async <T>(path: string): Promise<T> => {
    const r = await fetch(new URL(path, core.consoleUrl), { headers: { authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return (await r.json()) as T;
  };

  beforeAll(async () => {
    core = await spawnCore();
    token = await loginAs(core.consoleUrl);
  });
  afterAll(async () => {
    await core?.stop();
  });

  it('prints exactly one ready line naming every listener with its real port, console on loopback', () => {
    const ready = core.stdoutLines.filter((l) => l.includes('"msg":"ready"'));
    expect(ready).toHaveLength(1);
    expect(Object.keys(core.listen)).toEqual(expect.arrayContaining(['http', 'console']));
    for (const addr of Object.values(core.listen)) expect(addr).toMatch(/:(?!0$)\d+$/);
    expect(core.listen.console).toMatch(/^127\.0\.0\.1:\d+$/);
    // Logs are structured: every stdout line is a JSON object.
    for (const line of core.stdoutLines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it('serves four demo cameras that all go live', async () => {
    const cams = await waitFor('all demo cameras live', async () => {
      const list = await api<Camera[]>('/api/v1/cameras');
      return list.length === 4 && list.every((c) => c.status === 'live') ? list : undefined;
    }, 30_000);
    expect(cams.map((c) => c.id).sort()).toEqual(['demo-1', 'demo-2', 'demo-3', 'demo-4']);
    const one = await api<Camera>('/api/v1/cameras/demo-3');
    expect(one).toMatchObject({ id: 'demo-3', status: 'live', stats: { videoCodec: 'h264', width: 640, height: 360, hasAudio: true } });
  });

  it('serves operators HLS whose segments are H.264 baseline + AAC mono starting on a keyframe', async () => {
    const playlistUrl = new URL(`/hls/demo-2/playlist.m3u8?token=${token}`, core.consoleUrl);
    const playlist = await waitFor('a playlist with 3 segments', async () => {
      const r = await fetch(playlistUrl);
      const text = r.ok ? await r.text() : '';
      return (text.match(/seg-\d+\.ts/g) ?? []).length >= 3 ? text : undefined;
    }, 30_000);
    expect(playlist).toMatch(/^#EXTM3U/);
    expect(playlist).toMatch(/#EXT-X-TARGETDURATION:2\n/);
    const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
    for (const d of durations) expect(d).toBeCloseTo(2, 0);
    const uri = playlist.split('\n').find((l) => l.startsWith('seg-'))!;
    expect(uri).toContain(`token=${token}`);

    const res = await fetch(new URL(uri, playlistUrl));
    expect(res.headers.get('content-type')).toBe('video/mp2t');
    const file = join(tempDataDir('wink-seg-'), 'seg.ts');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const probe = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,profile,channels', '-of', 'json', file], { encoding: 'utf8' }),
    ) as { streams: { codec_name: string; profile: string; channels?: number }[] };
    expect(probe.streams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ codec_name: 'h264', profile: 'Constrained Baseline' }),
        expect.objectContaining({ codec_name: 'aac', profile: 'LC', channels: 1 }),
      ]),
    );
    const firstFrame = execFileSync(
      'ffprobe',
      ['-v', 'error', '-select_streams', 'v:0', '-read_intervals', '%+#1', '-show_entries', 'frame=key_frame,pict_type', '-of', 'csv=p=0', file],
      { encoding: 'utf8' },
    ).trim().split('\n')[0];
    expect(firstFrame).toMatch(/^1,I/);
  });

  it('refuses operator video without a session', async () => {
    expect((await fetch(new URL('/hls/demo-1/playlist.m3u8', core.consoleUrl))).status).toBe(401);
    expect((await fetch(new URL('/hls/demo-1/playlist.m3u8?token=forged', core.consoleUrl))).status).toBe(401);
  });

  it('answers /health on the partner listener without secrets', async () => {
    const port = core.listen.http!.split(':').pop();
    const h = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
    expect(h).toMatchObject({ status: 'ok', cameras: { total: 4 } });
    expect(JSON.stringify(h)).not.toMatch(/token|password|dataDir/i);
  });

  it('stops cleanly on SIGTERM within 5 s, ending every ffmpeg child', async () => {
    const ffmpegs = childPids(core.child.pid!);
    expect(ffmpegs.length).toBeGreaterThanOrEqual(4);
    const r = await core.stop();
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(5000);
    for (const pid of ffmpegs) expect(alive(pid), `ffmpeg ${pid} still running`).toBe(false);
  });
});

describe('the data dir across restarts', () => {
  it('keeps operators and honours deleting a demo camera; --no-demo starts none', async () => {
    const dataDir = tempDataDir();
    const first = await spawnCore({ dataDir, env: { WINK_ADMIN_PASSWORD: 'first-pass' } });
    const t1 = await loginAs(first.consoleUrl, 'admin', 'first-pass');
    const del = await fetch(new URL('/api/v1/cameras/demo-4', first.consoleUrl), { method: 'DELETE', headers: { authorization: `Bearer ${t1}` } });
    expect(del.status).toBe(204);
    await first.stop();

    // A different WINK_ADMIN_PASSWORD later does not overwrite the stored one.
    const second = await spawnCore({ dataDir, env: { WINK_ADMIN_PASSWORD: 'other' } });
    const t2 = await loginAs(second.consoleUrl, 'admin', 'first-pass');
    const ids = ((await (await fetch(new URL('/api/v1/cameras', second.consoleUrl), { headers: { authorization: `Bearer ${t2}` } })).json()) as Camera[]).map((c) => c.id);
    expect(ids.sort()).toEqual(['demo-1', 'demo-2', 'demo-3']);
    await second.stop();

    const fresh = await spawnCore({ args: ['--no-demo'] });
    const t3 = await loginAs(fresh.consoleUrl);
    expect(await (await fetch(new URL('/api/v1/cameras', fresh.consoleUrl), { headers: { authorization: `Bearer ${t3}` } })).json()).toEqual([]);
    await fresh.stop();
  });

  it('generates an admin password when none is given and prints it once on stderr', async () => {
    const dataDir = tempDataDir();
    const core = await spawnCore({ dataDir, args: ['--no-demo'], env: { WINK_ADMIN_PASSWORD: '' } });
    // stderr is its own pipe: the line may arrive after the ready line on stdout.
    const password = await waitFor('the generated password on stderr', async () => /password: (\S+)/.exec(core.stderr())?.[1], 5000);
    expect(core.stdoutLines.join('\n')).not.toContain(password!);
    await loginAs(core.consoleUrl, 'admin', password!);
    await core.stop();
    const again = await spawnCore({ dataDir, args: ['--no-demo'], env: { WINK_ADMIN_PASSWORD: '' } });
    expect(again.stderr()).not.toMatch(/password:/);
    await again.stop();
  });
});

describe('refusing to start', () => {
  it('exits 2 naming a bad flag value', async () => {
    const r = await runCoreExpectingFailure({ args: ['--http-port', '99999'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/httpPort \(--http-port\): must be between 0 and 65535/);
  });

  it('exits 1 with a clear message for a database from a newer version, leaving it untouched', async () => {
    const dataDir = tempDataDir();
    const db = new Database(join(dataDir, 'wink.db'));
    db.pragma('user_version = 4242');
    db.close();
    const r = await runCoreExpectingFailure({ dataDir, args: [] });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/schema version 4242, newer than this version/);
  });

  it('exits 1 when a port is taken, saying which', async () => {
    const core = await spawnCore({ args: ['--no-demo'] });
    const busy = core.listen.console!.split(':').pop()!;
    const r = await runCoreExpectingFailure({ args: ['--no-demo', '--console-port', busy] });
    await core.stop();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/EADDRINUSE|address already in use/i);
  });
});

