import { describe, expect, it } from 'vitest';
import { createDesktopBridge } from './desktopBridge';

describe('desktop bridge', () => {
  it('gives nothing in a plain browser', async () => {
    await expect(createDesktopBridge({}).getConsoleInfo()).resolves.toBeNull();
  });

  it('passes on what the preload gives, sync or async', async () => {
    const info = { consoleUrl: 'http://127.0.0.1:5', operatorToken: 'tok' };
    await expect(createDesktopBridge({ wink: { getConsoleInfo: () => info } }).getConsoleInfo()).resolves.toEqual(info);
    await expect(createDesktopBridge({ wink: { getConsoleInfo: async () => info } }).getConsoleInfo()).resolves.toEqual(info);
  });

  it('falls back to login when the preload has no token, answers garbage, or throws', async () => {
    const bridges = [
      createDesktopBridge({ wink: { getConsoleInfo: () => null } }),
      createDesktopBridge({ wink: { getConsoleInfo: () => ({ consoleUrl: 'x' }) } }),
      createDesktopBridge({ wink: { getConsoleInfo: () => ({ consoleUrl: 'x', operatorToken: '' }) } }),
      createDesktopBridge({ wink: {} }),
      createDesktopBridge({
        wink: {
          getConsoleInfo: () => {
            throw new Error('ipc closed');
          },
        },
      }),
    ];
    for (const bridge of bridges) await expect(bridge.getConsoleInfo()).resolves.toBeNull();
  });
});
