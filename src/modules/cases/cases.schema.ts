import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { users } from '../auth/auth.schema.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, DISPATCH_STATUSES, SATISFACTIONS } from './cases.enums.js';

/** Case numbers (GZ2026-000123) come from a sequence: unique across processes without a lock. */
export const caseNumberSeq = pgSequence('case_number_seq', { startWith: 1 });

export const casePriority = pgEnum('case_priority', CASE_PRIORITIES);

/** Two-level category tree; sub-categories carry the priority and the clocks (editable by the county admin). */
export const caseCategories = pgTable('case_categories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code').references((): AnyPgColumn => caseCategories.code, { onDelete: 'restrict' }),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  priority: casePriority('priority'),
  /** Working minutes to acknowledge (响应) and to resolve (解决). */
  responseMinutes: integer('response_minutes'),
  resolutionMinutes: integer('resolution_minutes'),
  sort: smallint('sort').notNull().default(0),
  updatedAt: updatedAt(),
  version: version(),
});

export const caseChannel = pgEnum('case_channel', CASE_CHANNELS);
export const caseStatus = pgEnum('case_status', CASE_STATUSES);
export const satisfaction = pgEnum('satisfaction', SATISFACTIONS);

/** 群众吹哨 (a resident's matter escalated to units) or 社区吹哨 (the community calls units in itself). */
export const whistleKind = pgEnum('whistle_kind', ['resident', 'community']);

export const cases = pgTable(
  'cases',
  {
    id: idColumn(),
    /** Human-friendly number shown to residents, e.g. GZ2026-000123. */
    number: text('number').notNull().unique(),
    channel: caseChannel('channel').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => caseCategories.code, { onDelete: 'restrict' }),
    suggestedCategoryCode: text('suggested_category_code'),
    suggestedConfidence: real('suggested_confidence'),
    priority: casePriority('priority').notNull(),
    status: caseStatus('status').notNull().default('reported'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    address: text('address'),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id, { onDelete: 'restrict' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** The duty holder who owns the case in its grid (a person; their login, if any, gets the notifications). */
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'restrict' }),
    reporterPersonId: uuid('reporter_person_id').references(() => people.id, { onDelete: 'restrict' }),
    reporterUserId: uuid('reporter_user_id').references(() => users.id, { onDelete: 'restrict' }),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    whistle: whistleKind('whistle'),
    /** Marked by staff as a need for the co-building lists (三张清单). */
    isNeed: boolean('is_need').notNull().default(false),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => cases.id, { onDelete: 'restrict' }),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    /** 督办: set once by the sweep when a clock ran out; escalationLevel counts grid levels climbed. */
    supervisedAt: timestamp('supervised_at', { withTimezone: true }),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    dueSoonNotifiedAt: timestamp('due_soon_notified_at', { withTimezone: true }),
    satisfaction: satisfaction('satisfaction'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    ratedByPhoneVisit: boolean('rated_by_phone_visit').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('cases_status_idx').on(t.status),
    index('cases_community_reported_idx').on(t.communityId, t.reportedAt),
    index('cases_grid_idx').on(t.gridId),
    index('cases_reported_idx').on(t.reportedAt),
    index('cases_response_due_idx').on(t.responseDueAt),
    index('cases_resolution_due_idx').on(t.resolutionDueAt),
    // Partial: most cases recorded at the hall or door to door name a resident without an account or a person
    // record, and intake is the busiest write; "whose cases" lookups compare with a value, so they still use these.
    index('cases_reporter_person_idx').on(t.reporterPersonId).where(sql`${t.reporterPersonId} is not null`),
    index('cases_reporter_user_idx').on(t.reporterUserId).where(sql`${t.reporterUserId} is not null`),
    index('cases_category_idx').on(t.categoryCode),
  ],
);

/** Every transition: who, when, from which state to which, with its note and data (reason, photos, assignee). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: caseStatus('from_status'),
    toStatus: caseStatus('to_status'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

export const photoKind = pgEnum('photo_kind', ['report', 'resolution', 'dispatch']);

/** Re-encoded uploads stored under DATA_DIR/uploads; the row keeps what is needed to serve and audit them. */
export const casePhotos = pgTable(
  'case_photos',
  {
    id: idColumn(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'restrict' }),
    eventId: bigint('event_id', { mode: 'number' }),
    kind: photoKind('kind').notNull(),
    path: text('path').notNull(),
    thumbPath: text('thumb_path').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('case_photos_case_idx').on(t.caseId)],
);

export const dispatchStatus = pgEnum('dispatch_status', DISPATCH_STATUSES);

/** 吹哨报到: one row per unit called in; "reported" (acknowledged) and "arrived on site" are separate steps. */
export const caseDispatches = pgTable(
  'case_dispatches',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    status: dispatchStatus('status').notNull().default('pending'),
    instructions: text('instructions'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull(),
    dispatchedByUserId: uuid('dispatched_by_user_id'),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    reportNote: text('report_note'),
    /** 跨社区吹哨: the unit is not paired (结对) with the case's community; the dispatcher had to say why. */
    crossCommunity: boolean('cross_community').notNull().default(false),
    crossCommunityReason: text('cross_community_reason'),
    /** The unit refused the dispatch before reporting; its reason is the report note. */
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    /** 代报到: the community recorded the unit's 报到 on its behalf, who and why. */
    proxyAcknowledgedByUserId: uuid('proxy_acknowledged_by_user_id'),
    proxyReason: text('proxy_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('case_dispatches_cross_idx').on(t.dispatchedAt).where(sql`${t.crossCommunity}`),
    index('case_dispatches_case_idx').on(t.caseId),
    index('case_dispatches_unit_idx').on(t.unitId, t.status),
    uniqueIndex('case_dispatches_case_unit_uq').on(t.caseId, t.unitId),
  ],
);
