import { app } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the built main bundle (out/main), in dev, tests and inside app.asar alike. */
export const mainDir = dirname(fileURLToPath(import.meta.url));

export const coreEntry = join(mainDir, 'core.js');

// package.json is "type":"module", so electron-vite emits the preload as .mjs; an ESM
// preload needs sandbox: false on the window (see main-window.ts).
export const preloadPath = join(mainDir, '..', 'preload', 'index.mjs');

/** resources/ of the repo in dev; electron-builder's extraResources copy when packaged. */
export function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(mainDir, '..', '..', 'resources');
}
