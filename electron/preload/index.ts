// Runs in the console window before the page, in an isolated world. Exposes a small,
// typed API as window.wink; never ipcRenderer itself, so the page can only ask for what
// is listed here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type CoreStateMessage, type NotifyRequest } from '../contracts/ipc-channels';
import type { ConsoleInfo, CoreStateEvent, WinkPreloadApi } from '../contracts/preload-api';

/** Highest sequence number delivered; replies older than a pushed change are dropped. */
let lastSeq = -1;
const listeners = new Set<(state: CoreStateEvent) => void>();

function deliver(message: CoreStateMessage, only?: (state: CoreStateEvent) => void): void {
  if (message.seq < lastSeq) return;
  lastSeq = message.seq;
  for (const listener of only ? [only] : [...listeners]) {
    try {
      listener(message.state);
    } catch (err) {
      console.error('wink.onCoreState listener threw', err);
    }
  }
}

ipcRenderer.on(IPC.coreStateChanged, (_event: IpcRendererEvent, message: CoreStateMessage) => deliver(message));

const api: WinkPreloadApi = {
  getConsoleInfo: () => ipcRenderer.invoke(IPC.getConsoleInfo) as Promise<ConsoleInfo | null>,

  onCoreState(listener) {
    if (typeof listener !== 'function') throw new TypeError('onCoreState needs a function');
    listeners.add(listener);
    void (ipcRenderer.invoke(IPC.getCoreState) as Promise<CoreStateMessage>).then((current) => {
      // The current state, to this listener only; a newer pushed change wins.
      if (listeners.has(listener) && current.seq >= lastSeq) {
        lastSeq = current.seq;
        deliver(current, listener);
      }
    });
    return () => {
      listeners.delete(listener);
    };
  },

  notify(title, body) {
    const request: NotifyRequest = { title: String(title), body: String(body) };
    ipcRenderer.send(IPC.notify, request);
  },
};

contextBridge.exposeInMainWorld('wink', api);
