// A stand-in for the parts of the `electron` module the shell uses, so the shell's wiring
// (index.ts) runs under plain Node in vitest where no Electron binary exists. The one
// real thing in it is the child: utilityProcess.fork starts a real Node process, and a
// small shim gives it the `process.parentPort` an Electron utility process would have.
import { fork as forkChild, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeFrame {
  url: string;
  parent?: FakeFrame | null;
  processId?: number;
  routingId?: number;
}

interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventable(): PreventableEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: 'about:blank', parent: null, processId: 7, routingId: 1 };
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  readonly session = { setPermissionRequestHandler: () => {} };
  setWindowOpenHandler(): void {}
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  reload(): void {}
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  visible = false;
  destroyed = false;
  #readySent = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
    if (!this.#readySent) {
      this.#readySent = true;
      queueMicrotask(() => this.emit('ready-to-show'));
    }
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {}
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  isFullScreen(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1200, height: 800 };
  }
  /** What clicking the window's close button does. */
  close(): void {
    const event = preventable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  readonly isPackaged = false;
  quitCount = 0;
  hasQuit = false;
  #quit!: () => void;
  readonly quitted = new Promise<void>((resolve) => (this.#quit = resolve));

  requestSingleInstanceLock(): boolean {
    return true;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`fake app: no path for ${name}`);
    return path;
  }
  setAppLogsPath(path: string): void {
    this.paths.set('logs', path);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  setAppUserModelId(): void {}
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** Like Electron: 'before-quit' may be prevented; otherwise windows close and the app ends. */
  quit(): void {
    this.quitCount += 1;
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const w of FakeBrowserWindow.all) w.close();
    this.emit('will-quit', preventable());
    this.hasQuit = true;
    this.#quit();
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown>();
  readonly listeners = new Map<string, (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => void>();
  handle(channel: string, handler: (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown): void {
    this.handlers.set(channel, handler);
  }
  on(channel: string, listener: (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => void): void {
    this.listeners.set(channel, listener);
  }
  /** What ipcRenderer.invoke from `frame` would get. */
  async invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, ...args);
  }
}

class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined;
  readonly stdout;
  readonly stderr;
  readonly #child: ChildProcess;

  constructor(child: ChildProcess) {
    super();
    this.#child = child;
    this.stdout = child.stdout;
    this.stderr = child.stderr;
    child.once('spawn', () => {
      this.pid = child.pid;
      this.emit('spawn');
    });
    child.on('message', (message) => this.emit('message', message));
    child.once('exit', (code, signal) => {
      this.pid = undefined;
      // Electron reports the wait status; a signal death is never code 0.
      this.emit('exit', code ?? (signal ? 128 + 15 : 1));
    });
  }
  postMessage(message: unknown): void {
    if (this.#child.connected) this.#child.send(message as object);
  }
  kill(): boolean {
    return this.#child.kill('SIGTERM');
  }
}

export interface FakeElectron {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  BrowserWindow: typeof FakeBrowserWindow;
  forked: Array<{ modulePath: string; args: string[]; options: unknown; process: FakeUtilityProcess }>;
  trays: Array<{ menus: unknown[]; toolTip: string }>;
  module: Record<string, unknown>;
}

/** `shimDir` receives the parentPort shim file. */
export function createFakeElectron(shimDir: string): FakeElectron {
  const shim = join(shimDir, 'parent-port-shim.mjs');
  writeFileSync(
    shim,
    `process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => { if (event === 'message') process.on('message', (data) => listener({ data })); },
};\n`,
  );
  const app = new FakeApp();
  const ipcMain = new FakeIpcMain();
  const forked: FakeElectron['forked'] = [];
  const trays: FakeElectron['trays'] = [];

  const utilityProcess = {
    fork(modulePath: string, args: string[], options: unknown) {
      const child = forkChild(modulePath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: ['--import', shim] });
      const process = new FakeUtilityProcess(child);
      forked.push({ modulePath, args, options, process });
      return process;
    },
  };

  class Tray {
    readonly menus: unknown[] = [];
    toolTip = '';
    constructor() {
      trays.push(this);
    }
    on(): void {}
    setToolTip(text: string): void {
      this.toolTip = text;
    }
    setContextMenu(menu: unknown): void {
      this.menus.push(menu);
    }
    destroy(): void {}
  }

  const module = {
    app,
    ipcMain,
    utilityProcess,
    BrowserWindow: FakeBrowserWindow,
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: () => ({ isEmpty: () => false, resize: () => ({}) }) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: () => Promise.resolve() },
    Notification: Object.assign(class {}, { isSupported: () => false }),
  };
  return { app, ipcMain, BrowserWindow: FakeBrowserWindow, forked, trays, module };
}
