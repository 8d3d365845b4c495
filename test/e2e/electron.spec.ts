// The desktop app itself: the built Electron shell (out/main/index.js, via package.json
// "main") launches the media core as a utility process and shows its console. Needs the
// Electron binary and a display; where either is missing the tests are skipped with the
// reason, never failed. Build first: `npx electron-vite build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN_ENTRY = join(REPO_ROOT, 'out/main/index.js');
const CONSOLE_URL = /^http:\/\/127\.0\.0\.1:\d+\//;

/** Why Electron cannot run here, or null when it can. */
function electronUnavailable(): string | null {
  let binary: unknown;
  try {
    // node_modules/electron resolves to the binary's path, and throws when the binary
    // was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, no network at install).
    binary = createRequire(import.meta.url)('electron');
  } catch (err) {
    return `Electron binary not installed: ${firstLine((err as Error).message)}`;
  }
  if (typeof binary !== 'string') return 'Electron binary not installed: require("electron") did not return a path';
  if (!existsSync(binary)) return `Electron binary not installed: ${binary} does not exist`;
  const probe = spawnSync(binary, ['-e', 'process.stdout.write(process.versions.electron)'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.error || probe.status !== 0) {
    const why = probe.error?.message ?? (firstLine(probe.stderr) || `exit code ${probe.status}`);
    return `Electron binary not installed: ${binary} cannot execute (${why})`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron cannot open a window: no DISPLAY or WAYLAND_DISPLAY (run under xvfb-run)';
  }
  return null;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The PID of the media core utility process, from Electron's own process list. */
async function corePid(app: ElectronApplication): Promise<number | undefined> {
  return app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().find((m) => m.name === 'WINK media core')?.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const unavailable = electronUnavailable();

test.describe('desktop app (Electron)', () => {
  test.skip(unavailable !== null, unavailable ?? '');

  let userData: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npx electron-vite build\` first`);
    userData = mkdtempSync(join(tmpdir(), 'wink-e2e-electron-'));
    app = await electron.launch({
      // The repo root, so Electron reads package.json ("main", productName) as it would
      // in the packaged app; a fresh userData keeps this run apart from a real install.
      args: [REPO_ROOT, `--user-data-dir=${userData}`],
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        // Partner listeners on loopback and free ports only: tests never bind elsewhere.
        WINK_BIND: '127.0.0.1',
        WINK_HTTP_PORT: '0',
        WINK_RTSP_PORT: '0',
        WINK_RTMP_PORT: '0',
        WINK_SRT_PORT: '0',
      },
      timeout: 60_000,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close().catch(() => {});
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window that shows the console served by the core', async () => {
    await page.waitForURL(CONSOLE_URL, { timeout: 60_000 });
    await expect(
      page.getByRole('heading', { name: 'Sign in' }).or(page.getByTestId('camera-wall')).or(page.getByTestId('operator')).first(),
    ).toBeVisible();
    expect(app.windows()).toHaveLength(1);
  });

  test('the preload hands the console its URL and an operator token, and nothing else', async () => {
    const exposed = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        wink: Object.keys((w.wink as object | undefined) ?? {}).sort(),
        hasRequire: typeof w.require,
        hasProcess: typeof w.process,
      };
    });
    expect(exposed).toEqual({ wink: ['getConsoleInfo', 'notify', 'onCoreState'], hasRequire: 'undefined', hasProcess: 'undefined' });

    const info = await page.evaluate(async () => {
      const wink = (globalThis as unknown as { wink: { getConsoleInfo(): Promise<{ consoleUrl: string; operatorToken: string } | null> } }).wink;
      return wink.getConsoleInfo();
    });
    expect(info?.consoleUrl).toBe(new URL(page.url()).origin + '/');
    expect(info?.operatorToken).toBeTruthy();

    const state = await page.evaluate(
      () =>
        new Promise<string>((resolveState) => {
          const wink = (globalThis as unknown as { wink: { onCoreState(cb: (s: { status: string }) => void): () => void } }).wink;
          const off = wink.onCoreState((s) => {
            off();
            resolveState(s.status);
          });
        }),
    );
    expect(state).toBe('up');
  });

  test('closing the window keeps the app and the core running in the tray', async () => {
    const pid = await corePid(app);
    expect(pid).toBeDefined();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const visible = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
    expect(visible).toEqual([false]);
    expect(isRunning(pid!)).toBe(true);
    // Still serving: the console API answers (401 without a token).
    const response = await fetch(new URL('api/v1/auth/me', page.url()));
    expect(response.status).toBe(401);
  });

  test('quitting stops the media core before the app exits', async () => {
    const pid = await corePid(app);
    expect(pid).toBeDefined();
    await app.close();
    // app.close() resolves once the Electron process has exited; the core must be gone too.
    await expect.poll(() => isRunning(pid!), { timeout: 10_000 }).toBe(false);
  });
});
