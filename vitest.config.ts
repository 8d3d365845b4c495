import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['media-core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: integration tests spawn ffmpeg, so keep parallelism modest.
    maxWorkers: 2,
  },
});
