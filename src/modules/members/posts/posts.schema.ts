import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editedColumns, idColumn, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { grids } from '../../grid/grid.schema.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import {
  POST_ACTIVITY_STATES,
  POST_ASSIGNMENT_STATES,
  POST_CHECKIN_METHODS,
  POST_OPENING_STATES,
} from './posts.enums.js';

// All five post_* tables live here, the activities' two as well (members/activities/ writes them): they hang off
// post_types, and the rating (ratings/) reads openings, assignments and activities from this one file.

/**
 * Post types (设岗定责): the article's eight for every community (seeded), and any a community adds. `key` is stable
 * (skills and the assignment refer to it); names are shown.
 */
export const postTypes = pgTable(
  'post_types',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    ...editedColumns(),
  },
  (t) => [uniqueIndex('post_types_community_key').on(t.communityId, t.key)],
);

export const postOpeningState = pgEnum('post_opening_state', POST_OPENING_STATES);

/** A post opening: so many seats of a type in a community (and grid) for a year. */
export const postOpenings = pgTable(
  'post_openings',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    gridId: uuid('grid_id').references(() => grids.id, { onDelete: 'restrict' }),
    postTypeId: requiredRef('post_type_id', () => postTypes.id, 'restrict'),
    year: integer('year').notNull(),
    seats: integer('seats').notNull(),
    title: text('title').notNull(),
    duties: text('duties'),
    /** Where the post is, for the distance part of the assignment (the grid's centre when not given). */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    state: postOpeningState('state').notNull().default('open'),
    ...editedColumns(),
  },
  (t) => [index('post_openings_community_year_idx').on(t.communityId, t.year)],
);

export const postAssignmentState = pgEnum('post_assignment_state', POST_ASSIGNMENT_STATES);

/** A member in a post: suggested by the optimiser (with its score) or by staff, then confirmed by staff. */
export const postAssignments = pgTable(
  'post_assignments',
  {
    id: idColumn(),
    openingId: requiredRef('opening_id', () => postOpenings.id, 'restrict'),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    year: integer('year').notNull(),
    state: postAssignmentState('state').notNull().default('suggested'),
    /** The optimiser's score for this pair (skills, need, distance), null when staff chose by hand. */
    score: doublePrecision('score'),
    distanceKm: doublePrecision('distance_km'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...editedColumns(),
  },
  (t) => [
    // One post a member a year: a second confirmation is a 409, not a second row.
    uniqueIndex('post_assignments_member_year_confirmed').on(t.memberId, t.year).where(sql`${t.state} = 'confirmed'`),
    index('post_assignments_opening_idx').on(t.openingId),
  ],
);

export const postActivityState = pgEnum('post_activity_state', POST_ACTIVITY_STATES);

/** A post activity (岗位活动): a scheduled duty of a post type in a community, with sign-up and check-in. */
export const postActivities = pgTable(
  'post_activities',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    postTypeId: requiredRef('post_type_id', () => postTypes.id, 'restrict'),
    openingId: uuid('opening_id').references(() => postOpenings.id, { onDelete: 'restrict' }),
    gridId: uuid('grid_id').references(() => grids.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    state: postActivityState('state').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    index('post_activities_community_starts_idx').on(t.communityId, t.startsAt),
    index('post_activities_starts_idx').on(t.startsAt),
  ],
);

export const postCheckinMethod = pgEnum('post_checkin_method', POST_CHECKIN_METHODS);

/**
 * A member at an activity: signed up (or walked in), checked in and out. Checking out writes the service record
 * (ledger) with the hours between the two; a sign-up nobody checked in by the end is marked `noShow` by the sweep.
 */
export const postActivitySignups = pgTable(
  'post_activity_signups',
  {
    id: idColumn(),
    activityId: requiredRef('activity_id', () => postActivities.id, 'cascade'),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkinMethod: postCheckinMethod('checkin_method'),
    checkedInByUserId: uuid('checked_in_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    noShow: boolean('no_show').notNull().default(false),
    serviceRecordId: uuid('service_record_id').references(() => serviceRecords.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('post_activity_signups_activity_member').on(t.activityId, t.memberId),
    index('post_activity_signups_member_idx').on(t.memberId),
  ],
);
