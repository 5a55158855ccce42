import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../core/auth/roles.js';
import { createdAt, idColumn, updatedAt } from '../../core/columns.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';

export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable('users', {
  id: idColumn(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('zh-CN'),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** The absolute end: login + SESSION_MAX_HOURS, however busy the session is. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Moved forward at most once a minute (not on every request); the session ends idleMinutes after it. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** SESSION_IDLE_MINUTES when the session began: stored so that the lookup needs no configuration. */
    idleMinutes: integer('idle_minutes').notNull().default(480),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Password-guessing counters, shared by every app process (see auth.throttle.ts). kind is 'account', 'account_address'
 * or 'address'; key is an HMAC of the username and/or the address, so no typed username or address is stored.
 * failures counts attempts whose password was (or is being) checked and has not proved right.
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    /** No attempt for this key is checked before this instant. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    /** The last counted attempt; a key quiet for the rule's forget period starts again from zero. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index('auth_throttle_updated_idx').on(t.updatedAt)],
);

/** Addresses (HMAC, not the address) a user has logged in from: guesses from elsewhere cannot lock them out. */
export const authKnownAddresses = pgTable(
  'auth_known_addresses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addressHash: text('address_hash').notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.addressHash] })],
);
