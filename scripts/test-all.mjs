#!/usr/bin/env node
// Runs every suite — unit, API on PGlite, API on PostgreSQL (when TEST_DATABASE_URL is set), browser e2e
// (when Chromium is installed) — and ends with the plain total line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from '../e2e/chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.cache', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const { TEST_DATABASE_URL, ...envWithoutPg } = process.env;
const suites = [
  { name: 'unit', args: ['--project', 'unit'], env: envWithoutPg },
  { name: 'api (PGlite)', args: ['--project', 'api'], env: envWithoutPg },
];
if (TEST_DATABASE_URL) {
  suites.push({ name: 'api (PostgreSQL)', args: ['--project', 'api'], env: { ...envWithoutPg, TEST_DATABASE_URL } });
} else {
  console.log('\nNote: TEST_DATABASE_URL is not set, so the API suite runs on PGlite only.\n');
}
const chromium = findChromium();
if (chromium) {
  suites.push({ name: 'e2e (Chromium)', args: ['--config', 'e2e/vitest.config.ts'], env: { ...envWithoutPg, CHROMIUM_PATH: chromium } });
} else {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\n!! Chromium is NOT installed: the browser e2e suite is SKIPPED.\n!! Install it with: apt-get install -y chromium   (.ci/run does this)\n${bar}\n`);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const [i, suite] of suites.entries()) {
  const file = path.join(out, `suite-${i}.json`);
  console.log(`\n=== ${suite.name} ===`);
  const res = spawnSync('npx', ['vitest', 'run', ...suite.args, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    cwd: root, env: suite.env, stdio: 'inherit',
  });
  let passed = 0, failed = 0, skipped = 0;
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed = r.numPassedTests; failed = r.numFailedTests; skipped = r.numPendingTests + (r.numTodoTests ?? 0);
    // A file that failed to load has no tests but still failed.
    const brokenFiles = r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
    failed += brokenFiles;
  }
  if (res.status !== 0 && failed === 0) failed = 1;
  totals.passed += passed; totals.failed += failed; totals.skipped += skipped;
  lines.push(`${suite.name.padEnd(18)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
console.log('\n=== summary ===');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
