// IPC channel names shared by electron/main and electron/preload (two separate bundles).
// The renderer never uses these: it only sees `window.wink`.
import type { CoreStateEvent } from './preload-api';

export const IPC = {
  /** invoke → ConsoleInfo | null */
  getConsoleInfo: 'wink:get-console-info',
  /** invoke → CoreStateMessage (the current state) */
  getCoreState: 'wink:get-core-state',
  /** main → renderer, CoreStateMessage on every change */
  coreStateChanged: 'wink:core-state-changed',
  /** renderer → main, NotifyRequest */
  notify: 'wink:notify',
} as const;

/** A state event with a sequence number, so the preload can drop a reply to
 *  getCoreState that is older than a change it has already delivered. */
export interface CoreStateMessage {
  seq: number;
  state: CoreStateEvent;
}

export interface NotifyRequest {
  title: string;
  body: string;
}
