import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { createdAt, editedColumns, idColumn, requiredRef } from '../../core/columns.js';
import { users } from '../auth/auth.schema.js';
import { serviceRecords } from '../ledger/ledger.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import {
  TEAM_ROLES,
  VOLUNTEER_ACTIVITY_STATES,
  VOLUNTEER_CHECKIN_METHODS,
  VOLUNTEER_SIGNUP_STATES,
  VOLUNTEER_STATES,
  type VolunteerRules,
} from './volunteers.enums.js';

/** The catalogue (志愿服务系列 → 类型): the article's 7 series and 19 types, seeded; the county may add more. */
export const volunteerSeries = pgTable('volunteer_series', {
  id: idColumn(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  ...editedColumns(),
});

export const volunteerServiceTypes = pgTable(
  'volunteer_service_types',
  {
    id: idColumn(),
    seriesId: requiredRef('series_id', () => volunteerSeries.id, 'restrict'),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...editedColumns(),
  },
  (t) => [index('volunteer_service_types_series_idx').on(t.seriesId)],
);

/** A team (志愿服务队, e.g. 杭川老大妈义务巡逻队): of a community, or of the county when it has none. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: idColumn(),
    name: text('name').notNull().unique(),
    seriesId: requiredRef('series_id', () => volunteerSeries.id, 'restrict'),
    communityId: uuid('community_id').references(() => organisations.id, { onDelete: 'restrict' }),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    ...editedColumns(),
  },
  (t) => [index('volunteer_teams_community_idx').on(t.communityId)],
);

export const volunteerState = pgEnum('volunteer_state', VOLUNTEER_STATES);

/** A registered volunteer (注册志愿者): one row per person, with skills and when they can serve. */
export const volunteers = pgTable('volunteers', {
  id: idColumn(),
  personId: requiredRef('person_id', () => people.id, 'restrict').unique(),
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  availability: text('availability'),
  state: volunteerState('state').notNull().default('active'),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  registeredByUserId: uuid('registered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  ...editedColumns(),
});

export const teamRole = pgEnum('volunteer_team_role', TEAM_ROLES);

/** Membership of a team; a row with `left_at` is history. One open membership per team and volunteer. */
export const volunteerTeamMembers = pgTable(
  'volunteer_team_members',
  {
    id: idColumn(),
    teamId: requiredRef('team_id', () => volunteerTeams.id, 'restrict'),
    volunteerId: requiredRef('volunteer_id', () => volunteers.id, 'restrict'),
    role: teamRole('role').notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('volunteer_team_members_open').on(t.teamId, t.volunteerId).where(sql`${t.leftAt} is null`),
    index('volunteer_team_members_volunteer_idx').on(t.volunteerId),
  ],
);

export const volunteerActivityState = pgEnum('volunteer_activity_state', VOLUNTEER_ACTIVITY_STATES);

/**
 * An activity (志愿服务活动): a service of a type by a team (or the community) at a place and time, with roles and
 * slots, a sign-up window and a cancellation deadline. `residentsServed` is what the organiser records after it (the
 * article's 380 services a year are these activities; the residents they reached are summed).
 */
export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    teamId: uuid('team_id').references(() => volunteerTeams.id, { onDelete: 'restrict' }),
    typeId: requiredRef('type_id', () => volunteerServiceTypes.id, 'restrict'),
    title: text('title').notNull(),
    description: text('description'),
    place: text('place').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** Check-in and check-out by QR must be within this many metres of the place; null: anywhere. */
    geofenceMeters: integer('geofence_meters'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    signupOpensAt: timestamp('signup_opens_at', { withTimezone: true }).notNull(),
    signupClosesAt: timestamp('signup_closes_at', { withTimezone: true }).notNull(),
    /** A volunteer may cancel their sign-up until then; later it stands (and not coming is a no-show). */
    cancelDeadlineAt: timestamp('cancel_deadline_at', { withTimezone: true }).notNull(),
    residentsServed: integer('residents_served'),
    state: volunteerActivityState('state').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    index('volunteer_activities_community_starts_idx').on(t.communityId, t.startsAt),
    index('volunteer_activities_team_starts_idx').on(t.teamId, t.startsAt),
    index('volunteer_activities_starts_idx').on(t.startsAt),
  ],
);

/** A role at an activity (引导员, 巡逻员 …) with so many slots. */
export const volunteerActivityRoles = pgTable(
  'volunteer_activity_roles',
  {
    id: idColumn(),
    activityId: requiredRef('activity_id', () => volunteerActivities.id, 'cascade'),
    name: text('name').notNull(),
    slots: integer('slots').notNull(),
    sort: integer('sort').notNull().default(0),
    ...editedColumns(),
  },
  (t) => [index('volunteer_activity_roles_activity_idx').on(t.activityId)],
);

export const volunteerSignupState = pgEnum('volunteer_signup_state', VOLUNTEER_SIGNUP_STATES);
export const volunteerCheckinMethod = pgEnum('volunteer_checkin_method', VOLUNTEER_CHECKIN_METHODS);

/**
 * A volunteer at an activity, on one role: signed up (or waitlisted, ordered by `queuedAt`), checked in and out.
 * `minutes` is what counts once checked out: the span inside the activity's times, cut to the day cap; a missing
 * check-out is closed at the scheduled end by the sweep and flagged `autoClosed`. A no-show carries its penalty.
 * One live sign-up (not cancelled) per activity and volunteer.
 */
export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    id: idColumn(),
    activityId: requiredRef('activity_id', () => volunteerActivities.id, 'cascade'),
    roleId: requiredRef('role_id', () => volunteerActivityRoles.id, 'cascade'),
    volunteerId: requiredRef('volunteer_id', () => volunteers.id, 'restrict'),
    state: volunteerSignupState('state').notNull(),
    /** When they joined the queue: sign-ups and the waitlist are served in this order. */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkinMethod: volunteerCheckinMethod('checkin_method'),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    checkoutMethod: volunteerCheckinMethod('checkout_method'),
    /** Closed by the sweep at the scheduled end: the volunteer did not check out (shown, and open to correction). */
    autoClosed: boolean('auto_closed').notNull().default(false),
    /** Counted minutes once checked out (after the day cap); null before. */
    minutes: integer('minutes'),
    /** Minutes the day cap took off (0 when none). */
    cappedMinutes: integer('capped_minutes').notNull().default(0),
    /** A no-show's cost in counted minutes (the penalty factor × the shift), 0 otherwise. */
    penaltyMinutes: integer('penalty_minutes').notNull().default(0),
    /** The county day (Asia/Shanghai) of the check-in, for the day cap. */
    day: date('day'),
    correctionReason: text('correction_reason'),
    correctedByUserId: uuid('corrected_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The ledger record written for a volunteer who is an in-service Party member (kind volunteer_shift). */
    serviceRecordId: uuid('service_record_id').references(() => serviceRecords.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('volunteer_signups_live').on(t.activityId, t.volunteerId).where(sql`${t.state} <> 'cancelled'`),
    index('volunteer_signups_role_state_idx').on(t.roleId, t.state, t.queuedAt),
    index('volunteer_signups_volunteer_idx').on(t.volunteerId, t.state),
  ],
);

/** Versions of the rules (stars, no-show penalty and block, day cap, geofence, code rotation, 公示 days). */
export const volunteerRules = pgTable('volunteer_rules', {
  id: idColumn(),
  rules: jsonb('rules').$type<VolunteerRules>().notNull(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * A service certificate (志愿服务证明): who (the volunteer's identity), how many hours over which period, what
 * service (content), the issuer, a serial number and date; published (公示) until `publicUntil` (its state, CERTIFICATE_STATES, follows from those dates and `revokedAt`). Figures are copied
 * in at issue so the certificate says what was certified even if a record is corrected later (谁记录谁证明).
 */
export const volunteerCertificates = pgTable(
  'volunteer_certificates',
  {
    id: idColumn(),
    serial: text('serial').notNull().unique(),
    volunteerId: requiredRef('volunteer_id', () => volunteers.id, 'restrict'),
    issuerOrgId: requiredRef('issuer_org_id', () => organisations.id, 'restrict'),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    minutes: integer('minutes').notNull(),
    activities: integer('activities').notNull(),
    content: text('content').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    publicUntil: timestamp('public_until', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [index('volunteer_certificates_volunteer_idx').on(t.volunteerId)],
);
