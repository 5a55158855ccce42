/**
 * The plumbing of bench/crash-durability.ts: HTTP through node:http, the real server as a child process, and where its
 * data lives (a fresh PGlite directory or a scratch PostgreSQL database).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pgliteDir } from '../src/core/config.js';
import { type Database, openDatabase } from '../src/core/db.js';
import { ROOT_DIR } from '../src/core/paths.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { scratchPostgresDatabase } from './util.js';

/** Concurrent reports during the load. */
export const CONNECTIONS = 50;
/**
 * The per-user write limit (RATE_LIMIT_WRITES_PER_MINUTE, default 120 a minute) would answer most of this load with
 * 429 after the first seconds; the bench is about durability, not the limiter, so the server runs with a limit no
 * round reaches (the limiter still runs on every request).
 */
const WRITE_LIMIT_PER_MINUTE = 1_000_000;
// ---------------------------------------------------------------- HTTP (node:http: cheaper per request than fetch)

export const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 16 });

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function request(
  base: string,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
    const req = http.request(new URL(opts.path, base), { method: opts.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      // A connection cut mid-body ends in 'error' (aborted), not 'end': such a request stays unknown.
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export async function getJson<T>(base: string, urlPath: string, cookie: string): Promise<T> {
  const res = await request(base, { method: 'GET', path: urlPath, headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${res.text.slice(0, 300)}`);
  return JSON.parse(res.text) as T;
}

/** One login per user for the whole run: sessions are rows, so the cookie outlives every restart (and throttling). */
export async function login(base: string, username: string): Promise<string> {
  const res = await request(base, {
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

// ---------------------------------------------------------------- the server process

/** The servers this run started and that still run: ended when a run fails half-way. */
export const children = new Set<ChildProcess>();

export interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  startMs: number;
  readyMs: number;
}

/** Like test/server-process.ts startServer, but on the real clock (no CLOCK_START: every restart would rewind it). */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/server.ts')], {
    cwd: ROOT_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // Only the tail is kept: a failing server may log a line per request.
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  children.add(child);
  void exited.then(() => children.delete(child));
  const { url, readyMs } = await new Promise<{ url: string; readyMs: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    child.stdout!.on('data', () => {
      const m = /running at (http:\/\/\S+?)\/\s[\s\S]*?ready in (\d+) ms/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[1].replace('localhost', '127.0.0.1'), readyMs: Number(m[2]) });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited early:\n${out}`));
    });
  });
  return { url, child, exited, output: () => out, startMs: performance.now() - started, readyMs };
}

export async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM:\n${server.output()}`);
}

// ---------------------------------------------------------------- where the data lives

export interface Store {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export function pgliteStore(): Store {
  const dir = mkdtempSync(path.join(tmpdir(), 'lj-crash-'));
  const dataDir = path.join(dir, 'data');
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir: pgliteDir({ dataDir }), migrate: false }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresStore(baseUrl: string): Promise<Store> {
  const scratch = await scratchPostgresDatabase(baseUrl, 'lj_crash');
  return {
    kind: 'postgres',
    env: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ databaseUrl: scratch.url, migrate: false }),
    dispose: () => scratch.drop(),
  };
}

export function serverEnv(store: Store): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'CLOCK_START', 'RATE_LIMIT_WRITES_PER_MINUTE']) delete env[k];
  return {
    ...env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    RATE_LIMIT_WRITES_PER_MINUTE: String(WRITE_LIMIT_PER_MINUTE),
    ...store.env,
  };
}
