import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A long-lived worker thread that answers one request at a time, for CPU-bound solvers (HiGHS) that must not block
 * the event loop. The thread is unref'd while idle (it never keeps a process alive) and started again if it dies;
 * requests queue in the thread's message port. The worker script answers `{ id, ok: true, result }` or
 * `{ id, ok: false, error }` for each `{ id, request }` it gets (see `serveSolverThread`).
 *
 * Under tsx/vitest the caller is TypeScript and so is the worker, which does not inherit the TypeScript loader (Node
 * 20 ignores --import in a worker's execArgv): a one-line bootstrap registers tsx first. The built server runs the
 * compiled JavaScript worker directly. (The pairing, matching and classifier runners predate this helper.)
 */
export interface SolverThreadError {
  message: string;
  /** An AppError code raised in the thread, re-raised by the caller. */
  code?: string;
  params?: Record<string, string | number | undefined>;
}
type Reply<Res> = { id: number; ok: true; result: Res } | { id: number; ok: false; error: SolverThreadError };
interface Message<Req> {
  id: number;
  request: Req;
}

function spawn(workerUrl: URL): Worker {
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl);
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); })`,
    { eval: true },
  );
}

/** The worker file beside `callerUrl` named `base`: `.ts` under tsx, `.js` when built. */
export function siblingWorker(callerUrl: string, base: string): URL {
  return new URL(`./${base}.${callerUrl.endsWith('.ts') ? 'ts' : 'js'}`, callerUrl);
}

export class SolverThread<Req, Res> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Res) => void; reject: (e: SolverThreadError) => void }>();

  constructor(private readonly workerUrl: URL) {}

  /** Rejects with a SolverThreadError (the caller turns it into its own AppError). */
  run(request: Req): Promise<Res> {
    this.worker ??= this.start();
    const w = this.worker;
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, request } satisfies Message<Req>);
    });
  }

  /** Starts the thread ahead of a likely request (it loads and warms the solver). */
  warm(): void {
    this.worker ??= this.start();
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private failAll(error: SolverThreadError): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private start(): Worker {
    const w = spawn(this.workerUrl);
    w.on('message', (reply: Reply<Res>) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (!this.pending.size) w.unref();
      if (reply.ok) p.resolve(reply.result);
      else p.reject(reply.error);
    });
    w.on('error', (e) => {
      this.worker = null;
      this.failAll({ message: e.message });
    });
    w.on('exit', () => {
      if (this.worker === w) this.worker = null;
      this.failAll({ message: 'solver thread exited' });
    });
    w.unref();
    return w;
  }
}

/**
 * The worker side: `ready` loads the solver once; each message is answered in order. An error carrying a `code`
 * (an AppError) keeps its code and params across the thread boundary.
 */
export function serveSolverThread<Req, Res, S>(
  port: { on(event: 'message', fn: (m: Message<Req>) => void): void; postMessage(m: Reply<Res>): void },
  ready: Promise<S>,
  solve: (solver: S, request: Req) => Res,
): void {
  port.on('message', (msg) => {
    const fail = (e: unknown) => {
      const err = e as { message?: string; code?: string; params?: SolverThreadError['params'] };
      port.postMessage({
        id: msg.id,
        ok: false,
        error: { message: err.message ?? String(e), code: err.code, params: err.params },
      });
    };
    void ready.then((solver) => {
      try {
        port.postMessage({ id: msg.id, ok: true, result: solve(solver, msg.request) });
      } catch (e) {
        fail(e);
      }
    }, fail);
  });
}
