import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../../core/columns.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';

export const ROLES = [
  'county_admin', 'community_admin', 'grid_worker', 'unit_admin', 'party_member', 'volunteer', 'alley_head', 'resident',
] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable('users', {
  id: idColumn(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('zh-CN'),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A role held within a scope: an organisation subtree (community, unit) or a grid subtree. */
export const roleBindings = pgTable(
  'role_bindings',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    scopeOrgId: uuid('scope_org_id').references(() => organisations.id, { onDelete: 'restrict' }),
    scopeGridId: uuid('scope_grid_id').references(() => grids.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [index('role_bindings_user_idx').on(t.userId)],
);

/** Sessions live in the database so that several app processes share them. The id is an HMAC of the cookie token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
