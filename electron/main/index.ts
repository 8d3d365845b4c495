// The desktop shell: one window, a tray icon, and the media core as a supervised utility
// process. Everything the appliance does happens in the core; this file only wires.
import { app } from 'electron';
import { join } from 'node:path';
import { IPC, type CoreStateMessage } from '../contracts/ipc-channels';
import { coreArgs } from './core-args';
import { createCoreHost } from './core-host';
import { toCoreStateEvent } from './core-state-event';
import type { CoreSupervisor, SupervisorState } from './core-supervisor';
import { registerIpc } from './ipc';
import { MainWindow } from './main-window';
import { showNotification } from './notifications';
import { coreEntry, preloadPath, resourcesDir } from './resource-paths';
import { DEFAULT_RESTART_POLICY } from './restart-policy';
import { createShellLog } from './shell-log';
import { parseShellFlags } from './shell-flags';
import { statusPageUrl } from './status-page';
import { AppTray } from './tray';

const PRODUCT_NAME = 'WINK Media Router';
const flags = parseShellFlags(process.argv, process.env);

// Must happen before anything reads userData, the single-instance lock included.
if (flags.userDataDir) app.setPath('userData', flags.userDataDir);

if (!app.requestSingleInstanceLock()) {
  // Another copy is running; it reveals its window on 'second-instance'.
  app.quit();
} else {
  run();
}

function run(): void {
  app.setAppLogsPath(join(app.getPath('userData'), 'logs'));
  const log = createShellLog({ file: join(app.getPath('logs'), 'wink.log') });
  log.info('starting', { version: app.getVersion(), electron: process.versions.electron, kiosk: flags.kiosk });
  process.on('uncaughtException', (err) => log.error('uncaught exception in the shell', { err: err.stack ?? String(err) }));
  process.on('unhandledRejection', (err) => log.error('unhandled rejection in the shell', { err: String(err) }));
  if (process.platform === 'win32') app.setAppUserModelId('gov.wink.mediarouter');

  let window: MainWindow | null = null;
  let core: CoreSupervisor | null = null;
  let coreStopped = false;

  app.on('second-instance', () => window?.reveal());
  app.on('activate', () => window?.reveal());
  // The window only hides on close; if it is ever gone, the appliance keeps serving
  // from the tray instead of quitting (Electron's default).
  app.on('window-all-closed', () => {});

  // Quit from the tray, the OS, a service manager or a test: stop the core first, with
  // the supervisor's bounded wait, then let the quit proceed.
  let stopping: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    window?.allowClose();
    if (coreStopped || !core) return;
    event.preventDefault();
    // A second Quit while the core is stopping waits for the same stop.
    stopping ??= core
      .stop()
      .catch((err: unknown) => log.error('stopping the media core failed', { err: String(err) }))
      .finally(() => {
        coreStopped = true;
        log.info('media core stopped; quitting');
        app.quit();
      });
  });
  app.on('will-quit', () => log.close());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  void app.whenReady().then(() => {
    const iconsDir = join(resourcesDir(), 'icons');
    const win = new MainWindow({
      title: PRODUCT_NAME,
      preloadPath,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      kiosk: flags.kiosk,
      showWhenReady: !flags.hidden,
      iconPath: join(iconsDir, 'icon.png'),
      devRendererUrl: app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null),
      log,
    });
    window = win;
    const supervisor = createCoreHost({ coreEntry, args: coreArgs(app.getPath('userData')), log });
    core = supervisor;

    let seq = 0;
    let stateMessage: CoreStateMessage = { seq, state: toCoreStateEvent(supervisor.state) };
    const tray = new AppTray(
      join(iconsDir, 'tray.png'),
      PRODUCT_NAME,
      { openConsole: () => win.reveal(), restartCore: () => supervisor.start(), quit: () => app.quit() },
      log,
    );
    registerIpc({
      window: win,
      consoleInfo: () => {
        const s = supervisor.state;
        return s.status === 'up' ? { consoleUrl: s.ready.consoleUrl, operatorToken: s.ready.operatorToken } : null;
      },
      coreState: () => stateMessage,
      notify: (request) => showNotification(request, () => win.reveal()),
    });

    const statusContext = { productName: PRODUCT_NAME, logFile: log.file, maxRestarts: DEFAULT_RESTART_POLICY.maxRestarts };
    const onState = (state: SupervisorState): void => {
      stateMessage = { seq: ++seq, state: toCoreStateEvent(state) };
      win.send(IPC.coreStateChanged, stateMessage);
      tray.update(stateMessage.state.status);
      showForState(win, state, statusContext);
    };
    supervisor.onStateChange(onState);
    supervisor.onApplianceStatus((status) => tray.setAppliance(status));
    app.on('will-quit', () => tray.destroy());

    supervisor.start();
  });
}

/** Console when the core is up; a status page when there is no console to show. While the
 *  core restarts, an already loaded console stays (it shows its own reconnecting state
 *  via onCoreState) rather than flashing to a status page for a few seconds. */
function showForState(win: MainWindow, state: SupervisorState, ctx: Parameters<typeof statusPageUrl>[1]): void {
  switch (state.status) {
    case 'up':
      win.showConsole(state.ready);
      return;
    case 'failed':
      win.showStatus(statusPageUrl(state, ctx));
      return;
    case 'starting':
    case 'restarting':
      if (!win.showingConsole) win.showStatus(statusPageUrl(state, ctx));
      return;
    default:
      return;
  }
}
