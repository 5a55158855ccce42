/**
 * The load generator of the HTTP benches, in a worker thread: autocannon on its own event loop, so that a server
 * whose database runs on the main thread (PGlite) does not also delay the clients' connects and sends, as it would
 * in one loop (each new connection then waited a full database write per step, and a run began with a slow ramp).
 * Same process, same run: the baseline and the route under test are measured alike.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import autocannon, { aggregateResult, type Result } from 'autocannon';

export interface LoadSpec {
  url: string;
  path: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  /** Request bodies, sent in turn. */
  bodies: string[];
  /** Paths sent in turn with the bodies (the i-th request: paths[i], bodies[i]), instead of the one `path`. */
  paths?: string[];
}

interface RawResult {
  totalCompletedRequests: number;
  duration: number;
}

/** Runs one autocannon load in a worker thread and resolves with its result. */
export function runLoad(spec: LoadSpec): Promise<Result> {
  return new Promise((resolve, reject) => {
    // The benches run under tsx; a worker needs its loader registered before it can import a .ts file.
    const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(source, { eval: true, workerData: spec });
    // In a worker autocannon answers its raw result (encoded histograms); the main thread aggregates it.
    // The requests-per-second histogram is not carried over, so the average is taken from the totals.
    worker.on('message', (message: { loadResult?: RawResult }) => {
      const raw = message.loadResult;
      if (!raw) return;
      const result = aggregateResult([raw], { url: spec.url, connections: spec.connections });
      resolve({ ...result, requests: { ...result.requests, average: raw.totalCompletedRequests / raw.duration } });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

async function work(spec: LoadSpec): Promise<void> {
  let next = 0;
  const result: unknown = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: [
      {
        method: 'POST',
        path: spec.path,
        headers: spec.headers,
        setupRequest: (req) => {
          const i = next++;
          const path = spec.paths ? spec.paths[i % spec.paths.length] : req.path;
          return { ...req, path, body: spec.bodies[i % spec.bodies.length] };
        },
      },
    ],
  });
  parentPort!.postMessage({ loadResult: result });
}

if (parentPort && workerData) await work(workerData as LoadSpec);
