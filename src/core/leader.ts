/**
 * Background work runs in one process of many. On PostgreSQL the processes sharing a database (`WORKERS=N`, or N
 * instances behind a balancer) compete for one session-level advisory lock, each on a dedicated connection: the
 * holder runs the background work, the others try again every `retryMs`. The lock lives exactly as long as the
 * holder's connection, so when that process stops (or its connection drops) the lock is released by PostgreSQL and
 * another process takes the work over within `retryMs`; a holder that loses its connection stops its work at once.
 * PGlite has one process: it leads from the start.
 *
 * The jobs stay safe to run twice (the sweep claims its ticks and its cases, the fold and the meeting proposal are
 * idempotent): the lock makes them run once, it is not what keeps them correct (docs/SCALING.md).
 */
import os from 'node:os';
import type pg from 'pg';
import type { Database } from './db.js';

/** Arbitrary but fixed, and distinct from the migration lock (core/db.ts). */
export const LEADER_LOCK_KEY = 7_150_020_261;

/** Who runs a job: shown in job_runs.ran_by and the logs. */
export const PROCESS_NAME = `${os.hostname()}:${process.pid}`;

export interface LeaderLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Starts the background work while this process leads; returns a function that stops leading (and the work). */
export function lead(
  database: Database,
  opts: { start: () => () => Promise<void>; log: LeaderLog; retryMs?: number },
): () => Promise<void> {
  if (database.kind === 'pglite' || !database.connectDedicated) {
    const stopWork = opts.start();
    return stopWork;
  }
  const connect = database.connectDedicated;
  const retryMs = opts.retryMs ?? 2_000;
  let stopped = false;
  let client: pg.Client | null = null;
  let stopWork: (() => Promise<void>) | null = null;
  let timer: NodeJS.Timeout | null = null;

  const resign = async (why: string) => {
    const stop = stopWork;
    stopWork = null;
    client = null;
    if (stop) {
      opts.log.warn({ process: PROCESS_NAME, why }, 'background work: stopped leading');
      await stop();
    }
  };
  const attempt = async () => {
    if (stopped || stopWork) return;
    let c: pg.Client | null = null;
    try {
      c = await connect();
      const { rows } = await c.query<{ got: boolean }>('select pg_try_advisory_lock($1) as got', [LEADER_LOCK_KEY]);
      if (!rows[0]?.got || stopped) {
        await c.end();
        return;
      }
      client = c;
      const held = c;
      c.on('end', () => {
        if (client === held) void resign('connection ended');
      });
      opts.log.info({ process: PROCESS_NAME }, 'background work: this process leads');
      stopWork = opts.start();
    } catch {
      // The database is unreachable for now (or the connection broke mid-way): the next attempt tries again.
      if (c && client !== c) await c.end().catch(() => undefined);
    }
  };
  const loop = () => {
    timer = setTimeout(() => void attempt().finally(() => !stopped && loop()), retryMs);
    timer.unref();
  };
  void attempt().finally(loop);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    await resign('shutdown');
    // Ending the connection releases the lock: another process takes over on its next attempt.
    await c?.end().catch(() => undefined);
  };
}
