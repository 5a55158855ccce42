import type { Db } from '../../core/db.js';
import { users } from './auth.schema.js';

/**
 * A login for a system rather than a person (an Open311 client): disabled, and with a password hash no password
 * matches ('!', not an argon2 string), so nobody signs in as it. It exists so that the records the system
 * writes (cases, audit rows, idempotency keys) name a user, as every other write does.
 */
export async function createSystemUser(opts: {
  db: Db;
  username: string;
  displayName: string;
  /** The demo's fixed row (id and time), so a seed is the same every time. */
  fixed?: { id: string; createdAt: Date };
}): Promise<string> {
  const [row] = await opts.db
    .insert(users)
    .values({
      ...(opts.fixed ? { id: opts.fixed.id, createdAt: opts.fixed.createdAt, updatedAt: opts.fixed.createdAt } : {}),
      username: opts.username,
      displayName: opts.displayName,
      passwordHash: '!',
      disabled: true,
    })
    .returning({ id: users.id });
  return row.id;
}
