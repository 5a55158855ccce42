import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every mutable entity carries: a uuid key, timestamps and an optimistic-locking version. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const version = () => integer('version').notNull().default(1);
