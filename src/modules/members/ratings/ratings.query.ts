import { and, asc, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { escapeLike } from '../../../core/strings.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import type { RatingListQuery, RatingView } from './ratings.contracts.js';
import { ownMember } from '../reports/reports.service.js';
import { assertMayReadOwnRatings, ratingsVisibleTo } from './ratings.policy.js';
import { memberRatings } from './ratings.schema.js';

const units = alias(organisations, 'rating_unit');

/** Ratings with the names they are shown with: the member's, the community's and the unit's. */
export function selectRatingViews(db: Db) {
  return db
    .select({ r: memberRatings, memberName: people.name, communityName: organisations.name, unitName: units.name })
    .from(memberRatings)
    .innerJoin(partyMembers, eq(partyMembers.id, memberRatings.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .innerJoin(organisations, eq(organisations.id, memberRatings.communityId))
    .leftJoin(units, eq(units.id, memberRatings.unitId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectRatingViews>['execute']>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentRating({ r, memberName, communityName, unitName }: ViewRow): RatingView {
  return {
    id: r.id,
    memberId: r.memberId,
    memberName,
    communityId: r.communityId,
    communityName,
    unitId: r.unitId,
    unitName,
    year: r.year,
    quarter: r.quarter,
    points: r.points,
    minutes: r.minutes,
    yearMinutes: r.yearMinutes,
    noShows: r.noShows,
    reported: r.reported,
    suggestedGrade: r.suggestedGrade,
    grade: r.grade,
    state: r.state,
    confirmedAt: iso(r.confirmedAt),
    appealState: r.appealState,
    appealReason: r.appealReason,
    appealedAt: iso(r.appealedAt),
    appealAnswer: r.appealAnswer,
    appealAnsweredAt: iso(r.appealAnsweredAt),
    version: r.version,
  };
}

export async function ratingView(db: Db, id: string): Promise<RatingView> {
  const [row] = await selectRatingViews(db).where(eq(memberRatings.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'member_rating' });
  return presentRating(row);
}

const SORT = {
  points: memberRatings.points,
  minutes: memberRatings.minutes,
  yearMinutes: memberRatings.yearMinutes,
  noShows: memberRatings.noShows,
  name: people.name,
};

function listWhere(q: RatingListQuery, scope: SQL | undefined): SQL | undefined {
  return and(
    scope,
    q.year ? eq(memberRatings.year, q.year) : undefined,
    q.quarter ? eq(memberRatings.quarter, q.quarter) : undefined,
    q.communityId ? eq(memberRatings.communityId, q.communityId) : undefined,
    q.state ? eq(memberRatings.state, q.state) : undefined,
    q.grade ? eq(memberRatings.grade, q.grade) : undefined,
    q.appeal ? eq(memberRatings.appealState, q.appeal) : undefined,
    q.q ? ilike(people.name, `%${escapeLike(q.q)}%`) : undefined,
  );
}

/** The ratings list (memberservice.read), narrowed to the actor's scope (ratings.policy.ts). */
export async function listRatings(opts: { db: Db; actor: Actor; query: RatingListQuery }): Promise<Page<RatingView>> {
  const { db, query: q } = opts;
  const where = listWhere(q, await ratingsVisibleTo(db, opts.actor));
  const sort = orderBy(
    q.sort,
    SORT,
    [desc(memberRatings.year), desc(memberRatings.quarter), asc(people.name)],
    memberRatings.id,
  );
  return readPage(q, {
    rows: selectRatingViews(db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(memberRatings)
      .innerJoin(partyMembers, eq(partyMembers.id, memberRatings.memberId))
      .innerJoin(people, eq(people.id, partyMembers.personId))
      .where(where),
    present: presentRating,
  });
}

/** A member's own confirmed ratings, latest first (suggestions are the community's working figures, not shown). */
export async function myRatings(opts: { db: Db; actor: Actor }): Promise<{ items: RatingView[] }> {
  assertMayReadOwnRatings(opts.actor);
  const me = await ownMember(opts.db, opts.actor);
  if (!me) return { items: [] };
  const rows = await selectRatingViews(opts.db)
    .where(and(eq(memberRatings.memberId, me.id), eq(memberRatings.state, 'confirmed')))
    .orderBy(desc(memberRatings.year), desc(memberRatings.quarter));
  return { items: rows.map(presentRating) };
}
