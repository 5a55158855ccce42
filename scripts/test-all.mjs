#!/usr/bin/env node
// Runs every suite — unit, API on PGlite, API on PostgreSQL (when TEST_DATABASE_URL is set), browser e2e
// (when Chromium is installed), the linter — and ends with the plain total line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from '../e2e/chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.cache', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const { TEST_DATABASE_URL, TEST_CLOCK: _ignored, ...envWithoutPg } = process.env;
// Business time is pinned in every suite (test/clock.ts). The suites run at instants chosen to break date code: a
// new year that has begun in the county (UTC+8) but not in UTC, a leap day, and the 20th (the monthly 评事).
const CLOCKS = ['2027-01-01T00:30:00+08:00', '2028-02-29T12:00:00+08:00', '2027-01-20T09:15:00+08:00'];
const at = (env, clock) => ({ ...env, TEST_CLOCK: clock });
// Suites that read no date (the HTTP layer, the import bombs, the generated authorisation matrix and write fuzz, the
// large Excel imports, the server process's kill -9 and SIGTERM) run at the first instant only, to keep CI well under
// 20 minutes.
const DATELESS = [
  'src/core/http/**',
  'src/core/excel/excel.api.test.ts',
  'src/authz-matrix.api.test.ts',
  'src/fuzz-writes.api.test.ts',
  'src/modules/people/people.excel.api.test.ts',
  'src/modules/people/people.excel.import.api.test.ts',
  'src/server.api.test.ts',
  // Real server processes: PGlite refusing WORKERS=2, two processes on PostgreSQL (docs/SCALING.md). No date in it.
  'src/multiprocess.api.test.ts',
  // Start-up: health while a server starts, migrations in one transaction, the previous release's data directory
  // upgraded; and the job-runs page's states (durations since a run, not dates).
  'src/startup-health.api.test.ts',
  'src/core/upgrade.api.test.ts',
  'src/upgrade.api.test.ts',
  'src/modules/operations/**',
  // Metrics and the classifier read no date; the backup drill and the maintenance pin the instants they need.
  'src/core/metrics/**',
  'src/modules/cases/classifier/**',
  'src/core/backup/**',
  'src/core/maintenance.api.test.ts',
  // Organisations, grids, duties, references and logins: no calendar in their rules (session and throttle windows are
  // durations, the same at any instant).
  'src/core/references.api.test.ts',
  'src/modules/org/**',
  'src/modules/grid/**',
  'src/modules/duties/**',
  'src/modules/auth/**',
  'src/modules/health.api.test.ts',
  // Demo suites that pin the days of first start themselves (each runs its own list of awkward days).
  'src/seed/demo-days.api.test.ts',
  'src/seed/memberservice-activities.api.test.ts',
  'src/seed/memberservice-cases.api.test.ts',
  'src/seed/demo-volunteers.api.test.ts',
];
// The unit and web tests at the three instants run side by side first (each is mostly vitest starting up on one
// core); then the API runs, one after another (each uses both cores). With PostgreSQL, its whole API run takes the
// third instant, so PGlite need not run there too.
const suites = [
  ...CLOCKS.map((clock, i) => ({
    // The web project's tests read no clock (they pass their instants), so the first instant runs them once.
    name: `unit${i ? '' : ' + web'} @${clock.slice(0, 16)}`,
    args: ['--project', 'unit', ...(i ? [] : ['--project', 'web'])],
    env: at(envWithoutPg, clock),
    together: 'unit',
  })),
  ...CLOCKS.slice(0, TEST_DATABASE_URL ? 2 : 3).map((clock, i) => ({
    name: `api (PGlite) @${clock.slice(0, 16)}${i ? ' (dated suites)' : ''}`,
    args: ['--project', 'api', ...(i ? DATELESS.flatMap((g) => ['--exclude', g]) : [])],
    env: at(envWithoutPg, clock),
  })),
];
// Suites whose subject never reaches the database (the Excel import bombs are refused while the file is read) run on
// PGlite only.
const DATABASE_FREE = ['src/core/excel/excel.api.test.ts'];
if (TEST_DATABASE_URL) {
  suites.push({
    name: `api (PostgreSQL) @${CLOCKS[2].slice(0, 16)}`,
    args: ['--project', 'api', ...DATABASE_FREE.flatMap((g) => ['--exclude', g])],
    env: at({ ...envWithoutPg, TEST_DATABASE_URL }, CLOCKS[2]),
  });
} else {
  console.log('\nNote: TEST_DATABASE_URL is not set, so the API suite runs on PGlite only.\n');
}
const chromium = findChromium();
if (chromium) {
  suites.push({
    name: `e2e (Chromium) @${CLOCKS[1].slice(0, 16)}`,
    args: ['--config', 'e2e/vitest.config.ts'],
    env: at({ ...envWithoutPg, CHROMIUM_PATH: chromium }, CLOCKS[1]),
  });
} else {
  const bar = '!'.repeat(78);
  console.log(
    `\n${bar}\n!! Chromium is NOT installed: the browser e2e suite is SKIPPED.\n!! Install it with: apt-get install -y chromium   (.ci/run does this)\n${bar}\n`,
  );
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

/** Runs one suite's vitest; `quiet` collects its output (shown when it ends) so that suites run side by side. */
function runSuite(suite, index, quiet) {
  const file = path.join(out, `suite-${index}.json`);
  const args = [
    'vitest',
    'run',
    ...suite.args,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  const started = performance.now();
  const child = spawn('npx', args, {
    cwd: root,
    env: suite.env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let output = '';
  if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ suite, file, status, output, ms: performance.now() - started }));
  });
}

function record({ suite, file, status, output, ms }) {
  // A suite that ran alone has shown its output as it went; one that ran beside others shows it now.
  if (output) process.stdout.write(`\n=== ${suite.name} ===\n${output}`);
  let passed = 0,
    failed = 0,
    skipped = 0;
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests;
    skipped = r.numPendingTests + (r.numTodoTests ?? 0);
    // A file that failed to load has no tests but still failed.
    const brokenFiles = r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
    failed += brokenFiles;
  }
  if (status !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  // The seconds each suite took, so the CI budget (20 minutes in all) can be watched suite by suite.
  const seconds = `${Math.round(ms / 1000)} s`.padStart(6);
  lines.push(
    `${suite.name.padEnd(52)} ${seconds}  ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}

for (let i = 0; i < suites.length; ) {
  const group = suites[i].together;
  const batch = [];
  do batch.push(i++);
  while (group && i < suites.length && suites[i].together === group);
  if (batch.length === 1) {
    console.log(`\n=== ${suites[batch[0]].name} ===`);
    record(await runSuite(suites[batch[0]], batch[0], false));
  } else {
    console.log(`\n=== ${batch.map((k) => suites[k].name).join(', ')}: running side by side ===`);
    for (const result of await Promise.all(batch.map((k) => runSuite(suites[k], k, true)))) record(result);
  }
}
// The linter (scripts/lint.mjs: Biome and the module-graph rules) is one more check, its output shown only when it
// fails.
{
  console.log('\n=== lint ===');
  const started = performance.now();
  const res = spawnSync(process.execPath, ['scripts/lint.mjs'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ok = res.status === 0;
  if (!ok) console.log(`${res.stdout ?? ''}${res.stderr ?? ''}`);
  totals[ok ? 'passed' : 'failed'] += 1;
  const seconds = `${Math.round((performance.now() - started) / 1000)} s`.padStart(6);
  lines.push(`${'lint'.padEnd(52)} ${seconds}  ${ok ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
}
console.log('\n=== summary ===');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
