/**
 * `WORKERS=N`: this process (the primary) forks N workers that run src/server.ts on the one port (node:cluster hands
 * them the connections in turn) and on one PostgreSQL database. The primary opens no database and serves nothing: the
 * workers migrate and seed one after the other under an advisory lock (core/db.ts `oneProcessAtATime`), the first
 * doing the work, and elect among themselves the one that runs the background work (core/leader.ts). The primary prints
 * the banner once all are listening, restarts a worker that dies afterwards, and on SIGTERM/SIGINT stops them all
 * (each finishing its requests in flight). N separate instances behind a load balancer behave the same: nothing here
 * is needed for correctness, only for starting N processes with one command.
 */
import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './core/config.js';
import { answerMetricsRequests } from './core/metrics/cluster.js';

/** What a worker tells the primary once it listens. */
export interface WorkerReady {
  type: 'lianjian-ready';
  port: number;
  seeded: boolean;
}

const RESTART_AFTER_MS = 1_000;
const STOP_WITHIN_MS = 12_000;

export function isWorkerReady(msg: unknown): msg is WorkerReady {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'lianjian-ready';
}

/** In a worker: tells the primary it listens. Returns false outside a cluster (the caller prints its own banner). */
export function reportReady(ready: Omit<WorkerReady, 'type'>): boolean {
  if (!cluster.isWorker || !process.send) return false;
  process.send({ type: 'lianjian-ready', ...ready } satisfies WorkerReady);
  return true;
}

export function runPrimary(config: AppConfig, onAllReady: (ready: { port: number; seeded: boolean }) => void): void {
  const ready = new Map<number, WorkerReady>();
  let allReady = false;
  let stopping = false;
  const fork = () => cluster.fork();
  // A worker asked for /metrics asks here for every worker's, aggregated (core/metrics/cluster.ts).
  answerMetricsRequests();
  for (let i = 0; i < config.workers; i++) fork();

  cluster.on('message', (worker: Worker, msg: unknown) => {
    if (!isWorkerReady(msg)) return;
    ready.set(worker.id, msg);
    if (allReady || ready.size < config.workers) return;
    allReady = true;
    const all = [...ready.values()];
    onAllReady({ port: all[0].port, seeded: all.some((r) => r.seeded) });
  });
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    ready.delete(worker.id);
    if (stopping) return;
    if (!allReady) {
      // A worker that cannot start (a bad database URL, a failed migration) would fail again: stop, do not loop.
      process.stderr.write(`Lianjian failed to start: worker ${worker.process.pid} exited (${signal ?? code})\n`);
      void stopAll(1);
      return;
    }
    process.stderr.write(`worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    setTimeout(() => !stopping && fork(), RESTART_AFTER_MS).unref();
  });

  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), STOP_WITHIN_MS);
    force.unref();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void stopAll(0));
  process.on('SIGINT', () => void stopAll(0));
}
