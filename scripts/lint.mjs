#!/usr/bin/env node
// `npm run lint`: Biome's check (formatting and the lint rules of biome.jsonc and lint/*.grit), then the module-graph
// rules of scripts/check-deps.mjs. Both always run, so one failure does not hide the other; exit 1 if either fails.
// check-deps.mjs is optional here only so the linter works in a checkout that predates it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const steps = [{ name: 'biome check', command: 'npx', args: ['biome', 'check', '.', '--max-diagnostics=none'] }];
if (existsSync(path.join(root, 'scripts', 'check-deps.mjs'))) {
  steps.push({ name: 'check-deps', command: process.execPath, args: ['scripts/check-deps.mjs'] });
} else {
  console.log('lint: scripts/check-deps.mjs is not there, so the module-graph rules are not checked');
}

const failed = [];
for (const step of steps) {
  const res = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) failed.push(step.name);
}
console.log(failed.length ? `lint: FAILED (${failed.join(', ')})` : 'lint: passed');
process.exit(failed.length ? 1 : 0);
