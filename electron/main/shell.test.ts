// The desktop shell end to end, minus Electron itself: index.ts runs against a stand-in
// `electron` module and supervises a real child process that speaks the core contract
// (a stand-in core with a real HTTP listener on 127.0.0.1). The real Electron run is
// test/e2e/electron.spec.ts, which needs the Electron binary.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC, type CoreStateMessage } from '../contracts/ipc-channels';
import { createFakeElectron, type FakeBrowserWindow } from './testing/fake-electron';
import { until } from './testing/until';

const dir = mkdtempSync(join(tmpdir(), 'wink-shell-'));
const userData = join(dir, 'user data');
const coreFile = join(dir, 'stand-in-core.mjs');

// Serves a page on a loopback port, reports ready, and on 'shutdown' closes and exits 0,
// as media-core/main.ts does. Writes a JSON log line and a plain stderr line.
writeFileSync(
  coreFile,
  `import { createServer } from 'node:http';
const args = process.argv.slice(2);
const server = createServer((req, res) => res.end('<!doctype html><title>console</title>'));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(JSON.stringify({ level: 'info', app: 'wink-core', msg: 'ready', args }) + '\\n');
  process.stderr.write('plain stderr line\\n');
  process.parentPort.postMessage({
    type: 'ready',
    listen: { console: '127.0.0.1:' + port },
    consoleUrl: 'http://127.0.0.1:' + port + '/',
    operatorToken: 'operator-token-1',
  });
});
process.parentPort.on('message', (e) => {
  if (e.data?.type === 'shutdown') server.close(() => process.exit(0));
});
`,
);

const fake = createFakeElectron(dir);
vi.mock('electron', () => fake.module);
vi.mock('./resource-paths', () => ({
  coreEntry: coreFile,
  preloadPath: join(dir, 'preload.mjs'),
  resourcesDir: () => join(dir, 'resources'),
}));

describe('desktop shell (stand-in Electron, real child process)', () => {
  let window: FakeBrowserWindow;
  let consoleUrl: string;

  afterAll(() => {
    for (const f of fake.forked) f.process.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forks the core with its data dir under userData and a free console port', async () => {
    process.argv.push(`--user-data-dir=${userData}`);
    await import('./index');
    const forked = await until('the core to be forked', () => fake.forked[0]);
    expect(forked.modulePath).toBe(coreFile);
    expect(forked.args).toEqual(['--data-dir', join(userData, 'data'), '--console-port', '0']);
    expect(forked.options).toEqual({ serviceName: 'WINK media core', stdio: 'pipe' });
  });

  it('opens one dark window with an isolated preload, showing a status page first', async () => {
    window = await until('the window', () => fake.BrowserWindow.all[0]);
    expect(fake.BrowserWindow.all).toHaveLength(1);
    expect(window.loaded[0]).toMatch(/^data:text\/html/);
    expect(window.options).toMatchObject({
      backgroundColor: '#0b0f14',
      show: false,
      webPreferences: { preload: join(dir, 'preload.mjs'), contextIsolation: true, nodeIntegration: false, sandbox: false },
    });
  });

  it('loads the console URL the core reports once it is ready', async () => {
    consoleUrl = await until('the console to load', () => window.loaded.find((u) => u.startsWith('http://127.0.0.1:')));
    expect(consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(consoleUrl);
    expect(await page.text()).toContain('<title>console</title>');
    expect(window.visible).toBe(true);
  });

  it('gives the console URL and operator token to the console page only, not to other origins or iframes', async () => {
    expect(await fake.ipcMain.invoke(IPC.getConsoleInfo, window.webContents.mainFrame)).toEqual({
      consoleUrl,
      operatorToken: 'operator-token-1',
    });
    const main = window.webContents.mainFrame;
    expect(await fake.ipcMain.invoke(IPC.getConsoleInfo, { ...main, url: 'https://evil.example/' })).toBeNull();
    expect(await fake.ipcMain.invoke(IPC.getConsoleInfo, { ...main, parent: main, routingId: 2 })).toBeNull();
    expect(await fake.ipcMain.invoke(IPC.getConsoleInfo, null)).toBeNull();
  });

  it('pushes core state changes to the page, with increasing sequence numbers', async () => {
    const pushed = window.webContents.sent.filter((s) => s.channel === IPC.coreStateChanged).map((s) => s.payload as CoreStateMessage);
    expect(pushed.map((m) => m.state.status)).toEqual(['starting', 'up']);
    expect(pushed.map((m) => m.seq)).toEqual([1, 2]);
    expect(await fake.ipcMain.invoke(IPC.getCoreState, null)).toEqual({ seq: 2, state: { status: 'up' } });
  });

  it('keeps running in the tray when the window is closed', () => {
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
    expect(fake.app.hasQuit).toBe(false);
    expect(fake.forked[0]!.process.pid).toBeDefined();
  });

  it('on quit (even clicked twice), asks the core to shut down once, waits for it to exit, then quits', async () => {
    const core = fake.forked[0]!.process;
    const exitCode = new Promise<number>((resolve) => core.once('exit', resolve));
    fake.app.quit();
    fake.app.quit();
    expect(fake.app.hasQuit).toBe(false);
    expect(await exitCode).toBe(0);
    await fake.app.quitted;
    expect(window.destroyed).toBe(true);
    expect(fake.forked).toHaveLength(1);
  });
});
