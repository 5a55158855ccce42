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
import { idColumn, createdAt, editedColumns, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { organisations } from '../../org/org.schema.js';
import { CHECKIN_METHODS, SERVICE_DAY_STATUSES } from './servicedays.enums.js';

/** The catalogue of service kinds (服务内容) a service day can offer; reference data, edited by the county. */
export const serviceKinds = pgTable('service_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  ...editedColumns(),
});

export { CHECKIN_METHODS, SERVICE_DAY_STATUSES } from './servicedays.enums.js';
export const serviceDayStatus = pgEnum('service_day_status', SERVICE_DAY_STATUSES);

/**
 * A service day (集中报到服务日) a community holds: paired units come with service items, their members check in by
 * scanning the day's QR code (the check-in token). Times are instants; `date` repeats the local day for filters.
 */
export const serviceDays = pgTable(
  'service_days',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    date: date('date').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    theme: text('theme').notNull(),
    kindCodes: text('kind_codes').array().notNull().default(sql`'{}'::text[]`),
    status: serviceDayStatus('status').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    /** The secret the day's QR code carries; whoever holds it may check in (if logged in as a Party member). */
    checkinToken: text('checkin_token').notNull(),
    peopleServed: integer('people_served'),
    summary: text('summary'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('service_days_checkin_token').on(t.checkinToken),
    index('service_days_community_date_idx').on(t.communityId, t.date),
    index('service_days_date_idx').on(t.date),
  ],
);

/** One service item a unit brings: a kind from the catalogue and what exactly it does. */
export interface SignupItem {
  kindCode: string;
  description: string;
}

/** A unit's sign-up for a day (one per unit and day; changed or withdrawn before the day starts). */
export const serviceDaySignups = pgTable(
  'service_day_signups',
  {
    id: idColumn(),
    dayId: requiredRef('day_id', () => serviceDays.id, 'cascade'),
    unitId: requiredRef('unit_id', () => organisations.id, 'restrict'),
    items: jsonb('items').$type<SignupItem[]>().notNull(),
    headcount: integer('headcount').notNull(),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('service_day_signups_day_unit').on(t.dayId, t.unitId),
    index('service_day_signups_unit_idx').on(t.unitId),
  ],
);

export const checkinMethod = pgEnum('service_day_checkin_method', CHECKIN_METHODS);

/**
 * A Party member's check-in at a day. The unique (day, member) index is what makes a second check-in, even a
 * concurrent one, answer with the first row instead of adding another.
 */
export const serviceDayCheckins = pgTable(
  'service_day_checkins',
  {
    id: idColumn(),
    dayId: requiredRef('day_id', () => serviceDays.id, 'cascade'),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    /** The member's unit when they checked in (members change units; the tally stays as it was). */
    unitId: uuid('unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    method: checkinMethod('method').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
    checkedInByUserId: uuid('checked_in_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('service_day_checkins_day_member').on(t.dayId, t.memberId),
    index('service_day_checkins_unit_idx').on(t.unitId),
  ],
);

/** Photos of a day's outcome, re-encoded like case photos; paths are relative to the uploads folder. */
export const serviceDayPhotos = pgTable(
  'service_day_photos',
  {
    id: idColumn(),
    dayId: requiredRef('day_id', () => serviceDays.id, 'cascade'),
    path: text('path').notNull(),
    thumbPath: text('thumb_path').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('service_day_photos_day_idx').on(t.dayId)],
);
