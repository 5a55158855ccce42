import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['test/clock.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores are shared with the server.
    fileParallelism: false,
    // Within a file, describe.concurrent tests may all run at once (menus.e2e.test.ts has seven; vitest's default
    // is five, which made the last two wait for the first ones).
    maxConcurrency: 8,
  },
});
