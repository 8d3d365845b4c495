import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the core resolves relative to its own built file (out/main/core.js), which sit the
 *  same way in a packaged Electron app as in a source checkout. */
export function appRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}

let version: string | undefined;
export function appVersion(): string {
  if (version) return version;
  try {
    version = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    version = '0.0.0';
  }
  return version;
}
