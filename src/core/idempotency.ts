import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../modules/system/system.schema.js';
import type { Db } from './db.js';
import { AppError } from './errors.js';

export interface StoredAnswer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a write once per (user, Idempotency-Key, route): the answer is stored in the write's own transaction,
 * so a retry from a phone on a poor connection gets the first answer back instead of a second record. Two
 * concurrent first tries collide on the key's primary key; the loser rolls back and returns the winner's answer.
 */
export async function onceFor<T>(opts: {
  db: Db; userId: string; key: string | undefined; route: string; status: number; run: (tx: Db) => Promise<T>;
}): Promise<StoredAnswer<T>> {
  const { db, userId, key, route } = opts;
  if (!key) return { status: opts.status, body: await db.transaction((tx) => opts.run(tx)), replayed: false };
  if (key.length > 100) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'Idempotency-Key', message: 'at most 100 characters' }]);
  const stored = await find<T>(db, userId, key, route);
  if (stored) return stored;
  try {
    const body = await db.transaction(async (tx) => {
      const result = await opts.run(tx);
      await tx.insert(idempotencyKeys).values({ userId, key, route, status: opts.status, body: JSON.parse(JSON.stringify(result)) });
      return result;
    });
    return { status: opts.status, body, replayed: false };
  } catch (err) {
    const again = await find<T>(db, userId, key, route);
    if (again) return again;
    throw err;
  }
}

async function find<T>(db: Db, userId: string, key: string, route: string): Promise<StoredAnswer<T> | null> {
  const [row] = await db.select().from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.route, route)));
  return row ? { status: row.status, body: row.body as T, replayed: true } : null;
}
