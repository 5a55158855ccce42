import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, createdAt, editedColumns, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { organisations } from '../../org/org.schema.js';
import { COMMITTEE_ROLES, PAIR_SOURCES, PAIRING_PLAN_STATUSES } from './pairing.enums.js';

/**
 * A pairing plan (结对方案) for one year: a proposal from the optimiser or a hand edit. At most one plan per year is
 * adopted; adopting another supersedes it, so earlier plans and years stay on record.
 */
export { COMMITTEE_ROLES, PAIR_SOURCES, PAIRING_PLAN_STATUSES } from './pairing.enums.js';
export const pairingPlanStatus = pgEnum('pairing_plan_status', PAIRING_PLAN_STATUSES);

export const pairingPlans = pgTable(
  'pairing_plans',
  {
    id: idColumn(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    status: pairingPlanStatus('status').notNull().default('draft'),
    /** The optimiser's inputs: weights per principle, bounds, k, pins and forbids (null for a hand-made plan). */
    settings: jsonb('settings'),
    /** The objective broken down per principle, as computed when the plan was made or last edited. */
    objective: jsonb('objective'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    adoptedBy: uuid('adopted_by').references(() => users.id, { onDelete: 'set null' }),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    ...editedColumns(),
  },
  (t) => [
    index('pairing_plans_year_idx').on(t.year),
    uniqueIndex('pairing_plans_one_adopted_per_year').on(t.year).where(sql`${t.status} = 'adopted'`),
  ],
);

export const pairSource = pgEnum('pair_source', PAIR_SOURCES);

/** One community ↔ unit pair (结对) of a plan; `year` repeats the plan's so lookups by year need no join. */
export const pairings = pgTable(
  'pairings',
  {
    id: idColumn(),
    planId: requiredRef('plan_id', () => pairingPlans.id, 'cascade'),
    year: integer('year').notNull(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    unitId: requiredRef('unit_id', () => organisations.id, 'restrict'),
    source: pairSource('source').notNull().default('optimiser'),
    distanceKm: doublePrecision('distance_km'),
    /** Why this pair: distance, the strengths that meet the community's needs, the terms of the objective. */
    explanation: jsonb('explanation'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pairings_plan_unit_community').on(t.planId, t.unitId, t.communityId),
    index('pairings_community_idx').on(t.communityId, t.year),
    index('pairings_unit_idx').on(t.unitId, t.year),
  ],
);

export const committeeRole = pgEnum('committee_role', COMMITTEE_ROLES);

/**
 * Hand changes to a community's 大党委 of a year. The roster itself is derived (the community's secretary as head,
 * the Party leaders of the units paired with it in the adopted plan as deputies); a row here overrides one derived
 * member (memberKey `secretary` or `unit:<unitId>`: another role, name or title, or removed) or adds one
 * (memberKey `extra:<uuid>`). Re-adopting a pairing keeps the overrides of units still paired.
 */
export const partyCommitteeMembers = pgTable(
  'party_committee_members',
  {
    id: idColumn(),
    year: integer('year').notNull(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    memberKey: text('member_key').notNull(),
    unitId: uuid('unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    role: committeeRole('role'),
    name: text('name'),
    title: text('title'),
    removed: boolean('removed').notNull().default(false),
    sort: integer('sort'),
    ...editedColumns(),
  },
  (t) => [uniqueIndex('party_committee_members_key').on(t.year, t.communityId, t.memberKey)],
);
