// The shell with the real media core (out/main/core.js from `npx electron-vite build`)
// under a stand-in Electron: proves both ends of electron/contracts/core-messages.ts
// agree. Skipped, saying why, when the core has not been built.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../contracts/ipc-channels';
import type { ConsoleInfo } from '../contracts/preload-api';
import { createFakeElectron } from './testing/fake-electron';
import { until } from './testing/until';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const builtCore = join(repoRoot, 'out', 'main', 'core.js');
const dir = mkdtempSync(join(tmpdir(), 'wink-shell-real-'));
const userData = join(dir, 'userData');

const fake = createFakeElectron(dir);
vi.mock('electron', () => fake.module);
vi.mock('./resource-paths', () => ({
  coreEntry: builtCore,
  preloadPath: join(dir, 'preload.mjs'),
  resourcesDir: () => join(dir, 'resources'),
}));

describe.skipIf(!existsSync(builtCore))(`desktop shell with the real media core (needs ${builtCore}; run npx electron-vite build)`, () => {
  afterAll(() => {
    for (const f of fake.forked) f.process.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the console of the real core, whose operator token the console API accepts', async () => {
    // The utility process inherits the environment: loopback, free ports, no demo ffmpeg.
    Object.assign(process.env, {
      WINK_BIND: '127.0.0.1',
      WINK_HTTP_PORT: '0',
      WINK_RTSP_PORT: '0',
      WINK_RTMP_PORT: '0',
      WINK_SRT_PORT: '0',
      WINK_DEMO: '0',
    });
    delete process.env.WINK_ADMIN_PASSWORD;
    process.argv.push(`--user-data-dir=${userData}`);
    await import('./index');

    const window = await until('the window', () => fake.BrowserWindow.all[0]);
    const consoleUrl = await until('the console to load', () => window.loaded.find((u) => u.startsWith('http://127.0.0.1:')), 2400);
    const info = (await fake.ipcMain.invoke(IPC.getConsoleInfo, window.webContents.mainFrame)) as ConsoleInfo;
    expect(info.consoleUrl).toBe(consoleUrl);

    const me = await fetch(new URL('api/v1/auth/me', consoleUrl), { headers: { authorization: `Bearer ${info.operatorToken}` } });
    expect(me.status).toBe(200);
    const anonymous = await fetch(new URL('api/v1/auth/me', consoleUrl));
    expect(anonymous.status).toBe(401);
  });

  it('shows the appliance at a glance in the tray, as the core reports it', async () => {
    // No demo cameras here: the core reports none, and no alerts.
    const tray = await until('the tray', () => fake.trays[0]);
    await until('the appliance summary in the tray', () => /No cameras/.test(tray.toolTip), 5000);
  });

  it('quits only after the core has shut down cleanly (exit code 0)', async () => {
    const core = fake.forked[0]!.process;
    const exitCode = new Promise<number>((r) => core.once('exit', r));
    fake.app.quit();
    expect(await exitCode).toBe(0);
    await fake.app.quitted;
    expect(fake.forked).toHaveLength(1);
  });

  it('keeps the first-run admin password the core prints for a terminal out of the log file', () => {
    const log = readFileSync(join(userData, 'logs', 'wink.log'), 'utf8');
    expect(log).toContain('"app":"wink-core"');
    expect(log).toMatch(/password: \[redacted\]/);
  });
});
