import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT_DIR } from '../src/core/paths.js';
import { startServer, tempDataDir } from '../test/server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app if it is missing or older than its sources, then starts a seeded server on a free port. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const index = path.join(ROOT_DIR, 'dist/web/index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < newestMtime(path.join(ROOT_DIR, 'web/src'))) {
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT_DIR, stdio: 'inherit' });
  }
  const server = await startServer({ DATA_DIR: tempDataDir() }, 120_000);
  project.provide('baseUrl', server.url);
  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  };
}
