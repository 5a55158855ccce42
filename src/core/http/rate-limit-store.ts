/**
 * @fastify/rate-limit's counters kept in PostgreSQL (table rate_limit_hits), so every app process on the database
 * counts the same fixed one-minute windows: with N processes behind a balancer a client still gets the limit once,
 * not N times. A custom store as the plugin documents it (`store`: a class with `incr` and `child`).
 *
 * Hits of one key that arrive while its previous upsert is in flight are added by the next one together (`hits +
 * n ... returning hits`), each request getting its own place in the count: one user posting a thousand cases a
 * second costs a few upserts a second on its row, not a thousand queued on one row lock. Counting is exact across
 * processes; the window runs on the database's clock, so the processes' clocks need not agree.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { type Db, preparedRows } from '../db.js';
import { rateLimitHits } from '../system.schema.js';

type Done = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface Batch {
  windowMs: number;
  waiting: Done[];
}

/** Windows older than this are deleted by the background work (pruneRateLimitHits). */
const KEEP_MINUTES = 10;

/** Adds `n` hits to a key's window (a new window if the last one has ended): the count after them and the ms left. */
function addHits(db: Db, key: string, n: number, windowMs: number) {
  const window = sql`${windowMs}::int * interval '1 millisecond'`;
  // `t`, the conflicting row: its old values on both sides of the SET.
  const ended = sql`t.window_started_at <= now() - ${window}`;
  return preparedRows<{ hits: number; ttl: number }>(
    db,
    'rate_limit_add_hits',
    sql`insert into ${rateLimitHits} as t (key, window_started_at, hits) values (${key}, now(), ${n})
      on conflict (key) do update set
        hits = case when ${ended} then excluded.hits else t.hits + excluded.hits end,
        window_started_at = case when ${ended} then now() else t.window_started_at end
      returning hits, ceil(extract(epoch from (window_started_at + ${window} - now())) * 1000)::int as ttl`,
  );
}

/** One counter per process and database, shared by every limiter (their keys carry their kind: `user:`, `login:`). */
class Counter {
  private readonly pending = new Map<string, Batch>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly db: Db) {}

  hit(key: string, windowMs: number, done: Done): void {
    const batch = this.pending.get(key);
    if (batch) batch.waiting.push(done);
    else this.pending.set(key, { windowMs, waiting: [done] });
    if (!this.inFlight.has(key)) void this.flush(key);
  }

  private async flush(key: string): Promise<void> {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.pending.delete(key);
    this.inFlight.add(key);
    const n = batch.waiting.length;
    try {
      const [row] = await addHits(this.db, key, n, batch.windowMs);
      const ttl = Math.max(0, row.ttl);
      batch.waiting.forEach((done, i) => done(null, { current: row.hits - n + i + 1, ttl }));
    } catch (e) {
      for (const done of batch.waiting) done(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.inFlight.delete(key);
      if (this.pending.has(key)) void this.flush(key);
    }
  }
}

/** The store class for @fastify/rate-limit's `store` option, counting in `db`. */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  const counter = new Counter(db);
  class PostgresStore implements FastifyRateLimitStore {
    constructor(readonly options: FastifyRateLimitOptions) {}

    incr(key: string, done: Done, timeWindow: number): void {
      counter.hit(key, timeWindow, done);
    }

    child(routeOptions: FastifyRateLimitOptions): FastifyRateLimitStore {
      return new PostgresStore({ ...this.options, ...routeOptions });
    }
  }
  return PostgresStore;
}

/** Deletes windows that ended long ago (run by the background work, on PostgreSQL). */
export async function pruneRateLimitHits(db: Db): Promise<number> {
  const rows = await db.execute(
    sql`delete from ${rateLimitHits} where ${rateLimitHits.windowStartedAt} < now() - ${KEEP_MINUTES} * interval '1 minute'`,
  );
  return (rows as { rowCount?: number }).rowCount ?? 0;
}
