// Declares `window.wink` for the renderer. tsconfig.web.json includes electron/contracts,
// so this applies to every renderer file without an import. Optional because the same
// console runs in a plain browser, where there is no preload.
import type { WinkPreloadApi } from './preload-api';

declare global {
  interface Window {
    wink?: WinkPreloadApi;
  }
}

export {};
