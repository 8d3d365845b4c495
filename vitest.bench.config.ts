import { defineConfig } from 'vitest/config';

// `npm run bench`: each file measures and prints figures; nothing here asserts a speed.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default'],
    silent: false,
  },
});
