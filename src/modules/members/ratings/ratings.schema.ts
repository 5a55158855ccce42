import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { createdAt, editedColumns, idColumn, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { APPEAL_STATES, RATING_GRADES, RATING_STATES } from './ratings.enums.js';

/** The points rule set: what earns and costs points, with caps (validated non-negative before it is stored). */
export interface PointsRules {
  /** Points per hour of service (from the ledger). */
  perHour: number;
  /** Extra points per record, by ledger kind (post_duty, service_day, need, …). */
  perActivity: Record<string, number>;
  /** Points a no-show costs (a positive number, subtracted). */
  noShowPenalty: number;
  /** The most one record may earn, and the most one county day may earn. */
  capPerActivity: number;
  capPerDay: number;
  /** Lowest quarter points for 优秀 / 合格 / 基本合格 (below the last: 不合格). */
  thresholds: { excellent: number; qualified: number; basic: number };
}

/**
 * The service rules in force (the latest row): the yearly hours owed (20 by the article), how often a member
 * reports again (6 months), how long a 报到证 is valid, and the points rules. Kept as rows, never edited, so a past
 * rating can be explained by the rules of its day.
 */
export const memberServiceRules = pgTable('member_service_rules', {
  id: idColumn(),
  requiredHoursPerYear: integer('required_hours_per_year').notNull(),
  reportEveryMonths: integer('report_every_months').notNull(),
  certificateValidDays: integer('certificate_valid_days').notNull(),
  /** No-shows in a quarter at which the rating cannot be better than 基本合格. */
  maxNoShowsForQualified: integer('max_no_shows_for_qualified').notNull(),
  points: jsonb('points').$type<PointsRules>().notNull(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** A commendation (表扬) a community gives a member on a day: points of its own in that day's quarter. */
export const memberCommendations = pgTable(
  'member_commendations',
  {
    id: idColumn(),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    day: date('day').notNull(),
    reason: text('reason').notNull(),
    points: integer('points').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('member_commendations_member_day_idx').on(t.memberId, t.day)],
);

export const ratingGrade = pgEnum('rating_grade', RATING_GRADES);
export const ratingState = pgEnum('rating_state', RATING_STATES);
export const appealState = pgEnum('rating_appeal_state', APPEAL_STATES);

/**
 * A member's quarterly rating by their residence community: the figures it was suggested from (points, minutes,
 * no-shows, whether they had reported), the suggestion, and the grade the community confirmed. One appeal each.
 */
export const memberRatings = pgTable(
  'member_ratings',
  {
    id: idColumn(),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    /** The member's unit at rating time: what the unit's quarterly sheet reads. */
    unitId: uuid('unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    rulesId: requiredRef('rules_id', () => memberServiceRules.id, 'restrict'),
    points: integer('points').notNull(),
    minutes: integer('minutes').notNull(),
    /** Minutes of the year so far (for the pace: below the pro-rata share of the yearly hours is at risk). */
    yearMinutes: integer('year_minutes').notNull(),
    noShows: integer('no_shows').notNull(),
    reported: boolean('reported').notNull(),
    suggestedGrade: ratingGrade('suggested_grade').notNull(),
    grade: ratingGrade('grade'),
    state: ratingState('state').notNull().default('suggested'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    appealState: appealState('appeal_state'),
    appealReason: text('appeal_reason'),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    appealAnswer: text('appeal_answer'),
    appealAnsweredAt: timestamp('appeal_answered_at', { withTimezone: true }),
    appealAnsweredByUserId: uuid('appeal_answered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('member_ratings_member_quarter').on(t.memberId, t.year, t.quarter),
    index('member_ratings_community_quarter_idx').on(t.communityId, t.year, t.quarter),
    index('member_ratings_unit_quarter_idx').on(t.unitId, t.year, t.quarter),
  ],
);
