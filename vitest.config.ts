import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files that take tens of seconds alone (real server processes, the write fuzz, the Excel import bombs, the random
 * lifecycles). Vitest orders files by their last duration, which a fresh clone (CI) does not have, so these could
 * start last and keep one worker busy after the other has finished (seen: 20–25 s of a run's end). They start first.
 */
const SLOW_FIRST = [
  // The authorisation matrix: every route for every role, the longest file (100–200 s).
  'src/authz-matrix.api.test.ts',
  'src/server.api.test.ts',
  'src/multiprocess.api.test.ts',
  'src/upgrade.api.test.ts',
  'src/startup-health.api.test.ts',
  'src/core/upgrade.api.test.ts',
  'src/fuzz-writes.api.test.ts',
  'src/core/excel/excel.api.test.ts',
  'src/modules/cases/resident/rates.property.api.test.ts',
  'src/modules/cases/classifier/classifier.api.test.ts',
  'src/seed/demo.api.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((slow) => f.moduleId.endsWith(slow));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's own order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: SlowFirstSequencer },
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
          setupFiles: ['test/clock.ts', 'test/process-state.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two workers keep PGlite instances from fighting over the CPU.
          maxWorkers: 2,
          // Worker threads, not forked processes: each file still gets fresh modules, but starting one (and its
          // PGlite) costs less: the whole API run took 253 s instead of 289 s on PGlite, 177 s instead of 214 s on
          // PostgreSQL (two cores, same machine, same hour).
          pool: 'threads',
          // One module registry per worker for all its files: importing the app costs ~4.5 s per file when isolated
          // (587 s of 1,225 s in one PGlite pass, two cores), ~0.5 s in all without. Each file has its own database
          // and app; test/process-state.ts drops the process-wide caches of database state before each file.
          isolate: false,
        },
      },
    ],
  },
});
