import type { CoreToShellMessage, ShellToCoreMessage } from '../../electron/contracts/core-messages';
import type { RunningCore } from './start-core';

/** Electron's utility-process parentPort, reduced to what the core uses. */
export interface ParentPortLike {
  postMessage(message: CoreToShellMessage): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

export function parentPortOf(proc: NodeJS.Process): ParentPortLike | undefined {
  return (proc as unknown as { parentPort?: ParentPortLike }).parentPort;
}

/** Under Electron, tells the desktop shell where the console is and hands its window an
 *  operator session, so the person at the appliance does not log in to their own app. */
export function attachParentPort(port: ParentPortLike, core: RunningCore, shutdown: () => void): void {
  port.on('message', (e) => {
    const msg = e.data as Partial<ShellToCoreMessage> | null;
    if (msg?.type === 'shutdown') shutdown();
  });
  port.postMessage({ type: 'ready', listen: core.listen, consoleUrl: core.consoleUrl, operatorToken: core.issueDesktopSession() });
  core.watchSummary((s) => port.postMessage({ type: 'status', ...s }));
}
