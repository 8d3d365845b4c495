import { BrowserWindow, screen, shell, type WebFrameMain } from 'electron';
import type { ConsoleInfo } from '../contracts/preload-api';
import type { ShellLog } from './shell-log';
import { fitToDisplays, MIN_HEIGHT, MIN_WIDTH, readWindowState, writeWindowState } from './window-state';

export interface MainWindowOptions {
  title: string;
  preloadPath: string;
  /** JSON file in userData where size and position are remembered. */
  stateFile: string;
  kiosk: boolean;
  /** False when started hidden in the tray. */
  showWhenReady: boolean;
  iconPath: string | null;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL): the console with hot reload
   *  instead of the copy the core serves. */
  devRendererUrl: string | null;
  log: ShellLog;
}

const BACKGROUND = '#0b0f14';
/** Chromium's net error for a navigation replaced by a newer one: expected, not a fault. */
const ERR_ABORTED = -3;

/** The one console window. Closing it hides it (the appliance keeps serving from the
 *  tray) until the app is really quitting. */
export class MainWindow {
  readonly #win: BrowserWindow;
  readonly #options: MainWindowOptions;
  #allowClose = false;
  /** The ready message whose console is loaded, null while a status page is shown. */
  #loadedFor: ConsoleInfo | null = null;
  /** Origin of the page allowed the operator token and notifications. */
  #trustedOrigin: string | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: MainWindowOptions) {
    this.#options = options;
    const saved = fitToDisplays(
      readWindowState(options.stateFile),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    this.#win = new BrowserWindow({
      title: options.title,
      ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
      width: saved.width,
      height: saved.height,
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      show: false,
      kiosk: options.kiosk,
      backgroundColor: BACKGROUND,
      autoHideMenuBar: true,
      ...(options.iconPath ? { icon: options.iconPath } : {}),
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        nodeIntegration: false,
        // Required for an ESM (.mjs) preload; the page still gets no Node access because
        // contextIsolation is on and nodeIntegration is off.
        sandbox: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    this.#win.once('ready-to-show', () => {
      if (!options.showWhenReady) return;
      if (saved.maximized && !options.kiosk) this.#win.maximize();
      this.#win.show();
    });
    this.#guardNavigation();
    this.#rememberBounds();
    this.#win.on('close', (event) => {
      this.#saveBounds();
      if (this.#allowClose) return;
      event.preventDefault();
      // A wall display in kiosk mode stays up (quit from the tray); a desktop window goes
      // to the tray while the appliance keeps serving.
      if (!options.kiosk) this.#win.hide();
    });
    this.#win.webContents.on('render-process-gone', (_event, details) => {
      options.log.error('console renderer process gone; reloading', { reason: details.reason, exitCode: details.exitCode });
      if (details.reason !== 'clean-exit' && !this.#win.isDestroyed()) this.#win.webContents.reload();
    });
  }

  /** A page about the core's state (starting, restarting, failed). */
  showStatus(dataUrl: string): void {
    this.#loadedFor = null;
    this.#trustedOrigin = null;
    this.#load(dataUrl);
  }

  /** Loads the console served by the core. Reloads for every new run of the core: a
   *  restarted core has a new port and a new operator token. */
  showConsole(info: ConsoleInfo): void {
    if (this.#loadedFor === info) return;
    this.#loadedFor = info;
    const target = this.#options.devRendererUrl ?? info.consoleUrl;
    this.#trustedOrigin = new URL(target).origin;
    this.#load(target);
  }

  get showingConsole(): boolean {
    return this.#loadedFor !== null;
  }

  reveal(): void {
    if (this.#win.isDestroyed()) return;
    if (this.#win.isMinimized()) this.#win.restore();
    this.#win.show();
    this.#win.focus();
  }

  /** From now on closing the window closes it (the app is quitting). */
  allowClose(): void {
    this.#allowClose = true;
  }

  /** Only the console's own top-level page may receive the token or raise notifications:
   *  not a status page, not an iframe, not a page it was navigated away to. */
  isTrustedSender(frame: WebFrameMain | null): boolean {
    if (!frame || this.#win.isDestroyed() || this.#trustedOrigin === null) return false;
    const main = this.#win.webContents.mainFrame;
    if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return originOf(frame.url) === this.#trustedOrigin;
  }

  send(channel: string, payload: unknown): void {
    if (this.#win.isDestroyed()) return;
    this.#win.webContents.send(channel, payload);
  }

  #load(url: string): void {
    this.#win.loadURL(url).catch((err: unknown) => {
      const errno = (err as { errno?: number }).errno;
      if (errno === ERR_ABORTED) return;
      this.#options.log.error('window failed to load a page', { url: url.startsWith('data:') ? 'status page' : url, err: String(err) });
    });
  }

  #guardNavigation(): void {
    const contents = this.#win.webContents;
    // The console is a single origin; anything else opens in the system browser, so a
    // link in camera metadata cannot turn the operator window into a random web page.
    contents.on('will-navigate', (event, url) => {
      if (this.#trustedOrigin !== null && originOf(url) === this.#trustedOrigin) return;
      event.preventDefault();
      openExternally(url);
    });
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
    contents.session.setPermissionRequestHandler((_contents, permission, callback) => {
      callback(permission === 'fullscreen' || permission === 'clipboard-sanitized-write');
    });
  }

  #rememberBounds(): void {
    if (this.#options.kiosk) return;
    const schedule = () => {
      if (this.#saveTimer) clearTimeout(this.#saveTimer);
      this.#saveTimer = setTimeout(() => this.#saveBounds(), 1000);
    };
    this.#win.on('resize', schedule);
    this.#win.on('move', schedule);
    this.#win.on('maximize', schedule);
    this.#win.on('unmaximize', schedule);
  }

  #saveBounds(): void {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    if (this.#options.kiosk || this.#win.isDestroyed() || this.#win.isFullScreen()) return;
    const bounds = this.#win.getNormalBounds();
    try {
      writeWindowState(this.#options.stateFile, { ...bounds, maximized: this.#win.isMaximized() });
    } catch (err) {
      this.#options.log.warn('could not save the window position', { err: String(err) });
    }
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function openExternally(url: string): void {
  const protocol = originOf(url) === null ? null : new URL(url).protocol;
  if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
}
