import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Config } from './schema';

export const APP_DIR_NAME = 'WINK Media Router';

/** The OS's per-user application-data folder, the same one Electron's userData uses,
 *  so the desktop app and `npm run serve` find the same appliance by default. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME, 'data');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME, 'data');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME, 'data');
}

export function defaultConfig(): Config {
  return {
    dataDir: defaultDataDir(),
    bind: '0.0.0.0',
    httpPort: 8080,
    // The operator console is loopback-only unless an installer says otherwise.
    consoleBind: '127.0.0.1',
    consolePort: 8088,
    rtspPort: 8554,
    rtmpPort: 1935,
    srtPort: 8890,
    demo: true,
    logLevel: 'info',
  };
}
