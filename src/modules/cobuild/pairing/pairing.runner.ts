import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorParams } from '../../../core/errors.js';
import type { PairingProblem } from './pairing.model.js';
import type { SolveOptions, SolveResult } from './pairing.solver.js';

/**
 * Runs the optimiser off the event loop: one long-lived worker thread per process holds the loaded HiGHS
 * instance; requests queue behind each other (HiGHS is single-threaded here and the machine has few cores). The
 * worker is unref'd while idle so it never keeps a process alive, and restarted if it dies.
 */
export interface WorkerRequest {
  id: number;
  problem: PairingProblem;
  options: SolveOptions;
}
export interface WorkerReply {
  id: number;
  outcome: { ok: true; result: SolveResult } | { ok: false; code: ErrorCode; params: ErrorParams };
}

interface Pending {
  resolve: (r: SolveResult) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * Under tsx/vitest this module is TypeScript and so is the worker: a worker does not inherit the TypeScript loader
 * (and Node 20 ignores --import in a worker's execArgv), so a one-line bootstrap registers tsx first. The built
 * server runs the compiled JavaScript worker directly.
 */
function createWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pairing.worker.js', import.meta.url));
  // require.resolve finds the CommonJS entry of tsx's API; its ESM twin sits beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const worker = new URL('./pairing.worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`,
    { eval: true },
  );
}

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function start(): Worker {
  const w = createWorker();
  w.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (!pending.size) w.unref();
    if (reply.outcome.ok) p.resolve(reply.outcome.result);
    else p.reject(new AppError(reply.outcome.code, reply.outcome.params));
  });
  w.on('error', (e) => {
    worker = null;
    failAll(new AppError('PAIRING_SOLVER_FAILED', { reason: e.message }));
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll(new AppError('PAIRING_SOLVER_FAILED', { reason: 'solver thread exited' }));
  });
  w.unref();
  return w;
}

export function solveInWorker(problem: PairingProblem, options: SolveOptions = {}): Promise<SolveResult> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<SolveResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, problem, options } satisfies WorkerRequest);
  });
}

/** Starts the worker (it loads HiGHS and warms up) ahead of a likely run, e.g. when the settings form opens. */
export function warmSolver(): void {
  worker ??= start();
}

/** Ends the worker (tests, shutdown). */
export async function stopSolver(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
