import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../core/columns.js';
import { users } from '../auth/auth.schema.js';

/**
 * Outside systems that raise and read cases through Open311 GeoReport v2 (the 12345 hotline, a mini-program). Each
 * has one API key, stored only as its SHA-256: the key is 32 random bytes, so a fast unsalted hash is enough (there is
 * nothing to guess from a dictionary, unlike a password) and lets a request find its client by one indexed lookup.
 * `key_prefix` is the key's first characters, shown to tell keys apart. A client acts as its own user (`user_id`,
 * a disabled login made with it), so the cases it raises, their audit rows and its idempotency keys name it.
 */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: idColumn(),
    name: text('name').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Requests a minute this key may send (reads and writes together). */
    requestsPerMinute: integer('requests_per_minute').notNull().default(600),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('open311_clients_created_idx').on(t.createdAt)],
);
