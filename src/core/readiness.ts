/**
 * What liveness and readiness mean (modules/health.routes.ts, and core/startup-listener.ts before the app exists):
 * live = the process answers HTTP at all; ready = start-up is over (migrations and seeding done, which is why the app
 * only listens then) and the database answers a trivial query within READY_PING_TIMEOUT_MS. A load balancer or an
 * orchestrator sends traffic only to a ready process and restarts one that is not live.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db.js';

/** Long enough for a busy PGlite (one thread) to answer between two intake batches, short for a probe's timeout. */
export const READY_PING_TIMEOUT_MS = 2000;

/** Seconds a client is asked to wait (Retry-After) while the process starts or its database is away. */
export const NOT_READY_RETRY_AFTER_SECONDS = 5;

/** The paths of the two probes (under /api, where the existing GET /api/health is). */
export const LIVE_PATH = '/api/health/live';
export const READY_PATH = '/api/health/ready';

/** Whether the database answers `select 1` within `timeoutMs`; never throws. */
export async function databaseAnswers(db: Db, timeoutMs = READY_PING_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, late]);
  } finally {
    clearTimeout(timer);
  }
}
