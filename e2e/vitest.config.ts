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
  },
});
