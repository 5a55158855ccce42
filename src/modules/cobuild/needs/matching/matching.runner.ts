import { Worker } from 'node:worker_threads';
import type { MatchingProblem } from './matching.flow.js';
import type { HighsMatchingResult } from './matching.highs.js';

/**
 * Runs the HiGHS LP of a matching off the event loop: one long-lived worker thread per process holds the loaded
 * HiGHS; it is unref'd while idle (never keeps a process alive) and restarted if it dies. The network-flow solver
 * needs none of this: it is fast enough to run in the request.
 */
export interface HighsRequest {
  id: number;
  problem: MatchingProblem;
}
export type HighsReply =
  | { id: number; ok: true; result: HighsMatchingResult }
  | { id: number; ok: false; message: string };

interface Pending {
  resolve: (r: HighsMatchingResult) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function start(): Worker {
  // Under tsx/vitest this module is TypeScript and so is the worker: the thread registers tsx's loader itself before
  // importing it (Node 20 does not pass --import on to worker threads). The built server runs plain JavaScript.
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`./matching.worker.${ts ? 'ts' : 'js'}`, import.meta.url);
  const w = ts
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
        { eval: true },
      )
    : new Worker(url);
  w.on('message', (reply: HighsReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (!pending.size) w.unref();
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new Error(`HiGHS failed: ${reply.message}`));
  });
  w.on('error', (e) => {
    worker = null;
    failAll(e);
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll(new Error('the HiGHS thread exited'));
  });
  w.unref();
  return w;
}

export function solveLpInWorker(problem: MatchingProblem): Promise<HighsMatchingResult> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, problem } satisfies HighsRequest);
  });
}

/** Ends the worker (tests, shutdown). */
export async function stopMatchingSolver(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
