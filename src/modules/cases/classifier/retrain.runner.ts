import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LabelledExample } from './data.js';
import type { RetrainResult } from './retrain.js';

export interface RetrainRequest {
  shipped: LabelledExample[];
  corrections: LabelledExample[];
  heldOut: LabelledExample[];
  /** The model in use, packed (model-store.ts). */
  current: Uint8Array;
}

export type RetrainOutcome = Omit<RetrainResult, 'model'> & { model: Uint8Array; ms: number };

export type RetrainReply =
  | { type: 'progress'; percent: number }
  | ({ type: 'done' } & RetrainOutcome)
  | { type: 'error'; message: string };

/**
 * Under tsx/vitest this module is TypeScript and so is the worker, which does not inherit the TypeScript loader: a
 * one-line bootstrap registers tsx first (as pairing.runner.ts does). The built server runs the compiled worker.
 */
function createWorker(request: RetrainRequest): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./retrain.worker.js', import.meta.url), { workerData: request });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const worker = new URL('./retrain.worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`,
    { eval: true, workerData: request },
  );
}

/** Runs one retraining in its own thread; `onProgress` hears whole percents. The thread ends with the job. */
export function retrainInWorker(
  request: RetrainRequest,
  onProgress: (percent: number) => void,
): Promise<RetrainOutcome> {
  return new Promise((resolve, reject) => {
    const w = createWorker(request);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void w.terminate();
    };
    w.on('message', (reply: RetrainReply) => {
      if (reply.type === 'progress') onProgress(reply.percent);
      else if (reply.type === 'done') {
        const { type: _type, ...outcome } = reply;
        settle(() => resolve(outcome));
      } else settle(() => reject(new Error(reply.message)));
    });
    w.on('error', (e) => settle(() => reject(e)));
    w.on('exit', (code) => settle(() => reject(new Error(`retraining thread exited (${code})`))));
  });
}
