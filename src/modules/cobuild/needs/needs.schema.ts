import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, createdAt, editedColumns, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { cases } from '../../cases/cases.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { organisations } from '../../org/org.schema.js';
import { projectDomain, projects } from '../projects/projects.schema.js';
import {
  MATCH_STATUSES,
  MEASURE_UNITS,
  NEED_CLAIM_STATUSES,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_TASK_STATUSES,
  RESOURCE_KINDS,
} from './needs.enums.js';

/**
 * The needs and resources lists of 三张清单 and the matching runs between them. Served and reserved amounts are
 * kept on the rows and only ever changed by conditional updates, so concurrent accepts cannot over-commit.
 */
export {
  MATCH_STATUSES,
  MEASURE_UNITS,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_TASK_STATUSES,
  RESOURCE_KINDS,
} from './needs.enums.js';
export const measureUnit = pgEnum('measure_unit', MEASURE_UNITS);

export const needSource = pgEnum('need_source', NEED_SOURCES);

export const needStatus = pgEnum('need_status', NEED_STATUSES);

export const needs = pgTable(
  'needs',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    title: text('title').notNull(),
    description: text('description'),
    domain: projectDomain('domain').notNull(),
    priority: smallint('priority').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    quantity: doublePrecision('quantity').notNull(),
    unit: measureUnit('unit').notNull(),
    /** What accepted matches have committed to this need so far. */
    served: doublePrecision('served').notNull().default(0),
    source: needSource('source').notNull(),
    status: needStatus('status').notNull().default('open'),
    /** The resident's case this need was raised from (one need per case). */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    index('needs_community_idx').on(t.communityId, t.status),
    uniqueIndex('needs_case_uq').on(t.caseId),
    check('needs_priority_range', sql`${t.priority} between 1 and 5`),
    check('needs_served_within', sql`${t.served} >= 0 and ${t.served} <= ${t.quantity} + 1e-6`),
  ],
);

export const resourceKind = pgEnum('resource_kind', RESOURCE_KINDS);

export const resources = pgTable(
  'resources',
  {
    id: idColumn(),
    unitId: requiredRef('unit_id', () => organisations.id, 'restrict'),
    kind: resourceKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    capacity: doublePrecision('capacity').notNull(),
    unit: measureUnit('unit').notNull(),
    /** Committed by accepted matches; never above the capacity (checked by the database too). */
    reserved: doublePrecision('reserved').notNull().default(0),
    availableFrom: date('available_from').notNull(),
    availableTo: date('available_to').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    index('resources_unit_idx').on(t.unitId),
    check('resources_reserved_within', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.capacity} + 1e-6`),
  ],
);

export const matchingRuns = pgTable(
  'matching_runs',
  {
    id: idColumn(),
    /** A community admin's run covers its own community's needs; null = the whole county. */
    communityId: uuid('community_id').references(() => organisations.id, { onDelete: 'restrict' }),
    parameters: jsonb('parameters').notNull(),
    solver: text('solver').notNull(),
    status: text('status').notNull(),
    objective: doublePrecision('objective'),
    bound: doublePrecision('bound'),
    gap: doublePrecision('gap'),
    /** Counts and coverage: needs, resources, candidate pairs, demand and what the proposal covers. */
    stats: jsonb('stats'),
    elapsedMs: integer('elapsed_ms'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('matching_runs_created_idx').on(t.createdAt)],
);

export const matchStatus = pgEnum('need_match_status', MATCH_STATUSES);

export const needMatches = pgTable(
  'need_matches',
  {
    id: idColumn(),
    runId: requiredRef('run_id', () => matchingRuns.id, 'cascade'),
    needId: requiredRef('need_id', () => needs.id, 'restrict'),
    resourceId: requiredRef('resource_id', () => resources.id, 'restrict'),
    amount: doublePrecision('amount').notNull(),
    distanceKm: doublePrecision('distance_km').notNull(),
    status: matchStatus('status').notNull().default('proposed'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('need_matches_run_idx').on(t.runId),
    index('need_matches_need_idx').on(t.needId),
    index('need_matches_resource_idx').on(t.resourceId),
  ],
);

export const needTaskStatus = pgEnum('need_task_status', NEED_TASK_STATUSES);

/** The follow-up of an accepted match: the resource's unit owns it until the need is met. */
export const needTasks = pgTable(
  'need_tasks',
  {
    id: idColumn(),
    matchId: requiredRef('match_id', () => needMatches.id, 'restrict'),
    needId: requiredRef('need_id', () => needs.id, 'restrict'),
    ownerUnitId: requiredRef('owner_unit_id', () => organisations.id, 'restrict'),
    title: text('title').notNull(),
    amount: doublePrecision('amount').notNull(),
    dueOn: date('due_on').notNull(),
    status: needTaskStatus('status').notNull().default('open'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('need_tasks_match_uq').on(t.matchId),
    index('need_tasks_owner_idx').on(t.ownerUnitId, t.status),
    index('need_tasks_need_idx').on(t.needId),
  ],
);

export const needClaimStatus = pgEnum('need_claim_status', NEED_CLAIM_STATUSES);

/**
 * 微心愿认领: a Party member claims a need of the community they live in; staff of that community mark it fulfilled
 * with the service's start and end (times they verified), which writes the member's 'need' record in the ledger
 * (`serviceRecordId`). One claim per need and member: claiming again after withdrawing reopens the same row.
 */
export const needClaims = pgTable(
  'need_claims',
  {
    id: idColumn(),
    needId: requiredRef('need_id', () => needs.id, 'restrict'),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    status: needClaimStatus('status').notNull().default('claimed'),
    note: text('note'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    fulfilledBy: uuid('fulfilled_by').references(() => users.id, { onDelete: 'set null' }),
    /** The ledger row the fulfilment wrote (no foreign key: the ledger's rows are never deleted). */
    serviceRecordId: uuid('service_record_id'),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('need_claims_need_member_uq').on(t.needId, t.memberId),
    index('need_claims_member_idx').on(t.memberId),
  ],
);
