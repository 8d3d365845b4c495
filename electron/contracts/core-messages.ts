// The contract between the Electron shell (electron/main/core-host.ts) and the media core
// (media-core/main.ts) when the core runs as an Electron utility process.
// Type-only on purpose: the core imports it with `import type` and so never depends on
// Electron at run time; under plain Node the core simply has no `process.parentPort`.
//
// Transport: the core posts with `process.parentPort.postMessage(msg)`; the shell receives
// `msg` as is. The shell posts with `child.postMessage(msg)`; the core receives it as
// `event.data` in `process.parentPort.on('message', (event) => ...)`.

/** Sent once, after every listener (partner and console) is bound. */
export interface CoreReadyMessage {
  type: 'ready';
  /** Listener name → address actually bound, "host:port", e.g. { http: '0.0.0.0:8080',
   *  console: '127.0.0.1:41234' }. Ports are the real ones, never 0. */
  listen: Record<string, string>;
  /** Where the console web app and the console REST API are served, e.g. 'http://127.0.0.1:41234/'.
   *  The shell loads this URL in the window. */
  consoleUrl: string;
  /** A bearer token for the console API with operator rights, minted for this run of the
   *  core. The shell hands it to the console page only (never to other origins). */
  operatorToken: string;
}

/** Optional. Sent just before exiting on a problem a restart will not fix (bad config,
 *  data dir not writable, database newer than the code). The shell then shows the error
 *  page at once instead of restarting with backoff. */
export interface CoreFatalMessage {
  type: 'fatal';
  /** One human-readable line, shown to the operator on the error page. No secrets. */
  reason: string;
}

/** Sent after ready and on every change: the appliance at a glance, for the tray. */
export interface CoreStatusMessage {
  type: 'status';
  cameras: { total: number; live: number };
  unreadAlerts: number;
}

export type CoreToShellMessage = CoreReadyMessage | CoreFatalMessage | CoreStatusMessage;

/** Stop serving, close listeners, stop ffmpeg children, flush the audit log and the
 *  database, then exit with code 0. The shell kills the core if it has not exited 5 s
 *  after sending this. */
export interface CoreShutdownMessage {
  type: 'shutdown';
}

export type ShellToCoreMessage = CoreShutdownMessage;
