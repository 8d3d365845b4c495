import type { ConsoleInfo } from '../../../electron/contracts/preload-api';

/** What the Electron preload hands the console so the desktop skips the login screen. */
export type DesktopConsoleInfo = ConsoleInfo;

export interface DesktopBridge {
  /** null in a plain browser, or when the desktop has no token to give. */
  getConsoleInfo(): Promise<DesktopConsoleInfo | null>;
}

/** Reads `window.wink` defensively: in a browser it does not exist, and an older or
 *  broken preload must fall back to the login screen rather than crash the console. */
export function createDesktopBridge(host: { wink?: unknown } = globalThis as { wink?: unknown }): DesktopBridge {
  return {
    async getConsoleInfo() {
      const wink = host.wink as { getConsoleInfo?: unknown } | undefined;
      if (typeof wink !== 'object' || wink === null || typeof wink.getConsoleInfo !== 'function') return null;
      try {
        const info: unknown = await (wink.getConsoleInfo as () => unknown)();
        return isConsoleInfo(info) ? info : null;
      } catch {
        return null;
      }
    },
  };
}

function isConsoleInfo(value: unknown): value is DesktopConsoleInfo {
  if (typeof value !== 'object' || value === null) return false;
  const { consoleUrl, operatorToken } = value as Partial<Record<keyof DesktopConsoleInfo, unknown>>;
  return typeof consoleUrl === 'string' && typeof operatorToken === 'string' && operatorToken !== '';
}
