// What the preload exposes to the console page as `window.wink` (Electron only; in a
// plain browser `window.wink` is undefined). Type-only: the renderer imports it with
// `import type`. See ./window-global.ts for the `Window` declaration.

/** How the desktop console reaches the core without a login. */
export interface ConsoleInfo {
  /** Base URL of the console (and its REST API), e.g. 'http://127.0.0.1:41234/'. */
  consoleUrl: string;
  /** Bearer token with operator rights for the current run of the core. It changes
   *  whenever the core restarts; the window is reloaded then anyway. */
  operatorToken: string;
}

/** starting: the core is being launched; up: serving; restarting: it stopped
 *  unexpectedly and is relaunched after a backoff delay; failed: the shell gave up
 *  (an error page replaces the console); stopping/stopped: the app is quitting. */
export type CoreStatus = 'starting' | 'up' | 'restarting' | 'failed' | 'stopping' | 'stopped';

export interface CoreStateEvent {
  status: CoreStatus;
  /** Only while restarting: milliseconds until the next launch attempt. */
  restartInMs?: number;
  /** Only while restarting: 1 for the first restart since the core last ran steadily. */
  attempt?: number;
  /** restarting/failed: why, in one human-readable line (exit code, timeout, fatal reason). */
  detail?: string;
}

export interface WinkPreloadApi {
  /** The console URL and operator token, or null when the core is not up or the calling
   *  page is not the console (the token is never handed to another origin). */
  getConsoleInfo(): Promise<ConsoleInfo | null>;
  /** Calls `listener` with the current core state, then with every change. Returns an
   *  unsubscribe function. */
  onCoreState(listener: (state: CoreStateEvent) => void): () => void;
  /** Shows a desktop notification (clicking it brings the console window to the front).
   *  Title and body are truncated to 200 and 1000 characters. */
  notify(title: string, body: string): void;
}
