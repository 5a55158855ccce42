import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from './system.schema.js';
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
  db: Db;
  userId: string;
  key: string | undefined;
  route: string;
  status: number;
  run: (tx: Db) => Promise<T>;
}): Promise<StoredAnswer<T>> {
  const { db, userId, key, route } = opts;
  if (!key) return { status: opts.status, body: await db.transaction((tx) => opts.run(tx)), replayed: false };
  if (key.length > 100)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'Idempotency-Key', message: 'at most 100 characters' }]);
  const stored = await findAnswer<T>(db, userId, key, route);
  if (stored) return stored;
  try {
    const body = await db.transaction(async (tx) => {
      const result = await opts.run(tx);
      await tx
        .insert(idempotencyKeys)
        .values({ userId, key, route, status: opts.status, body: JSON.parse(JSON.stringify(result)) });
      return result;
    });
    return { status: opts.status, body, replayed: false };
  } catch (err) {
    const again = await findAnswer<T>(db, userId, key, route);
    if (again) return again;
    throw err;
  }
}

/** Stores a write's answer under its key, inside the write's transaction (for writes that do not use onceFor). */
export async function rememberAnswer(
  db: Db,
  userId: string,
  k: { key: string; route: string; status: number },
  body: unknown,
): Promise<void> {
  await db
    .insert(idempotencyKeys)
    .values({ userId, key: k.key, route: k.route, status: k.status, body: JSON.parse(JSON.stringify(body)) });
}

export async function findAnswer<T>(
  db: Db,
  userId: string,
  key: string,
  route: string,
): Promise<StoredAnswer<T> | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.route, route)));
  return row ? { status: row.status, body: row.body as T, replayed: true } : null;
}

export interface AnswerKey {
  key: string;
  route: string;
  status: number;
}

/**
 * onceFor for a write that stores its own answer (`remember` is passed to it, e.g. to store the key in the same
 * statement as the write). The stored answer is what the write keeps (an id); `replay` turns it into the response.
 */
export async function onceWith<T>(opts: {
  db: Db;
  userId: string;
  key: string | undefined;
  route: string;
  status: number;
  run: (remember: AnswerKey | undefined) => Promise<T>;
  replay: (stored: unknown) => Promise<T>;
}): Promise<StoredAnswer<T>> {
  const { db, userId, key, route, status } = opts;
  if (!key) return { status, body: await opts.run(undefined), replayed: false };
  const replayed = async (): Promise<StoredAnswer<T> | null> => {
    const stored = await findAnswer<unknown>(db, userId, key, route);
    return stored ? { status: stored.status, body: await opts.replay(stored.body), replayed: true } : null;
  };
  const earlier = await replayed();
  if (earlier) return earlier;
  try {
    return { status, body: await opts.run({ key, route, status }), replayed: false };
  } catch (err) {
    const again = await replayed();
    if (again) return again;
    throw err;
  }
}
