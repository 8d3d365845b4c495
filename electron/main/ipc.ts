import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { IPC, type CoreStateMessage, type NotifyRequest } from '../contracts/ipc-channels';
import type { ConsoleInfo } from '../contracts/preload-api';
import type { MainWindow } from './main-window';

export interface IpcDeps {
  window: MainWindow;
  consoleInfo(): ConsoleInfo | null;
  coreState(): CoreStateMessage;
  notify(request: NotifyRequest): void;
}

const MAX_TITLE = 200;
const MAX_BODY = 1000;

/** The main-process end of window.wink. Every handler checks who is asking: the
 *  operator token goes to the console's own page only. */
export function registerIpc(deps: IpcDeps): void {
  ipcMain.handle(IPC.getConsoleInfo, (event: IpcMainInvokeEvent) =>
    deps.window.isTrustedSender(event.senderFrame) ? deps.consoleInfo() : null,
  );
  ipcMain.handle(IPC.getCoreState, () => deps.coreState());
  ipcMain.on(IPC.notify, (event: IpcMainEvent, raw: unknown) => {
    if (!deps.window.isTrustedSender(event.senderFrame)) return;
    const request = raw as Partial<NotifyRequest> | null;
    if (typeof request?.title !== 'string' || typeof request.body !== 'string') return;
    deps.notify({ title: request.title.slice(0, MAX_TITLE), body: request.body.slice(0, MAX_BODY) });
  });
}
