import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../src/core/paths.js';
import { TEST_CLOCK } from './clock.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export function tempDataDir(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'lj-proc-')), 'data');
}

/** Spawns `src/server.ts` (through tsx) with the test environment: a free port, the test clock, no scheduled work. */
export function spawnServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/server.ts')], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      CLOCK_START: TEST_CLOCK,
      // No scheduled backup at start (core/backup/schedule.ts): the suites time their servers.
      BACKUP_EVERY_HOURS: '0',
      // The overload check answers 503 SERVER_BUSY when the event loop lags a second; a CI machine running suites side
      // by side lags that much without the server being at fault. Its own test (core/http/pressure.api.test.ts) turns it on.
      UNDER_PRESSURE: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts `src/server.ts` in a child process (spawnServer) and waits until it prints its URL. `whileStarting` is given
 * the child as soon as it is spawned (to watch its start-up).
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 100_000,
  whileStarting?: (child: ChildProcess) => void,
): Promise<ServerProcess> {
  const child = spawnServer(env);
  whileStarting?.(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /running at (http:\/\/\S+?)\/\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited early:\n${out}`));
    });
  });
  return { url, child, output: () => out, exited };
}

export async function loginCookie(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
