import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Command-line of the media core under the desktop app. Console port 0: the OS picks a
 * free loopback port, so a second appliance, a dev server or a stale process can never
 * block the console; the core reports the port it got in its ready message. Partner
 * listeners keep the core's configured ports. An operator-edited config.json next to
 * the data folder is honoured when present.
 */
export function coreArgs(userDataDir: string): string[] {
  const args = ['--data-dir', join(userDataDir, 'data'), '--console-port', '0'];
  const configFile = join(userDataDir, 'config.json');
  if (existsSync(configFile)) args.push('--config', configFile);
  return args;
}
