import { and, count, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import { clock } from './clock.js';

type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

export function assertFound<T>(row: T | undefined | null, entity: string): T {
  if (row === undefined || row === null) throw new AppError('NOT_FOUND', { entity });
  return row;
}

/**
 * Optimistic locking: updates the row only if it still has the version the client saw, bumping it.
 * A missing row is NOT_FOUND; a changed one is STALE_UPDATE (409), and nothing is written.
 */
export async function updateVersioned<T extends VersionedTable>(opts: {
  db: Db;
  table: T;
  id: string;
  version: number;
  values: Partial<T['$inferInsert']>;
  entity: string;
  /** The key column, when it is not `id`. */
  key?: PgColumn;
}): Promise<T['$inferSelect']> {
  const { db, table, id } = opts;
  const key = opts.key ?? (table as unknown as { id: PgColumn }).id;
  const set = { ...opts.values, version: sql`${table.version} + 1`, updatedAt: clock.now() };
  const rows = (await db
    .update(table as PgTable)
    .set(set as never)
    .where(and(eq(key, id), eq(table.version, opts.version)))
    .returning()) as T['$inferSelect'][];
  if (rows.length) return rows[0];
  const [exists] = await db
    .select({ n: count() })
    .from(table as PgTable)
    .where(eq(key, id));
  throw exists.n > 0 ? new AppError('STALE_UPDATE') : new AppError('NOT_FOUND', { entity: opts.entity });
}

export interface ReferenceCheck {
  /** Noun for the message, e.g. 'child_grid' (translated by i18n). */
  referrer: string;
  table: PgTable;
  column: PgColumn;
}

/** Deleting a referenced row is a 409 that says what still refers to it — never a cascade. */
export async function assertNotReferenced(db: Db, id: string, checks: ReferenceCheck[]): Promise<void> {
  for (const c of checks) {
    const [{ n }] = await db.select({ n: count() }).from(c.table).where(eq(c.column, id));
    if (n > 0) throw new AppError('REFERENCED', { count: n, referrer: c.referrer });
  }
}

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Whether a write failed on a unique index (SQLSTATE 23505), raised by the driver or wrapped as a Drizzle error's
 * cause: for a check-then-insert that lost a race, so the service can answer with its own code instead of DUPLICATE.
 */
export function isUniqueViolation(e: unknown): boolean {
  const codeOf = (x: unknown) =>
    typeof x === 'object' && x !== null && 'code' in x ? (x as { code: unknown }).code : undefined;
  return (
    codeOf(e) === '23505' ||
    (typeof e === 'object' && e !== null && 'cause' in e && codeOf((e as { cause: unknown }).cause) === '23505')
  );
}
