import { integer, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Columns every mutable entity carries: a uuid key, timestamps and an optimistic-locking version. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const version = () => integer('version').notNull().default(1);

/** The three columns of a row that is edited after it is written (`version` → 409 STALE_UPDATE): spread them in. */
export const editedColumns = () => ({ createdAt: createdAt(), updatedAt: updatedAt(), version: version() });

/**
 * A required reference to another row's id. `onDelete` is always spelled out: 'cascade' only where the row is a
 * part of the one it names (an agenda item of its meeting), 'restrict' where the deletion must be refused.
 */
export const requiredRef = <TName extends string>(
  name: TName,
  target: () => AnyPgColumn,
  onDelete: 'cascade' | 'restrict',
) => uuid(name).notNull().references(target, { onDelete });
