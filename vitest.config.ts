import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.api.test.ts'],
          environment: 'node',
          setupFiles: ['test/clock.ts'],
        },
      },
      {
        // The web app's logic (web/src/**): pure functions, no DOM and no clock (each test passes its instants).
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.api.test.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/clock.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two workers keep PGlite instances from fighting over the CPU.
          maxWorkers: 2,
          // Worker threads, not forked processes: each file still gets fresh modules, but starting one (and its
          // PGlite) costs less: the whole API run took 253 s instead of 289 s on PGlite, 177 s instead of 214 s on
          // PostgreSQL (two cores, same machine, same hour).
          pool: 'threads',
        },
      },
    ],
  },
});
