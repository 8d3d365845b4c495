import { defineConfig } from '@playwright/test';

// Browser end-to-end tests of the console against the built headless core
// (`npx electron-vite build` first). Chromium comes from Debian, never from
// `playwright install`.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/artifacts/test-results',
  // The core spawns one ffmpeg per demo camera; on two cores, one test at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1600, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
});
