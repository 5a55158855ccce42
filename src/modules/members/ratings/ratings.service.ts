import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit, recordAudits } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { notificationTitle } from '../../../core/i18n.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { partyMembers } from '../../people/members/members.schema.js';
import type { ConfirmRatings, QuarterBody } from './ratings.contracts.js';
import { RATING_GRADES, type RatingGrade } from './ratings.enums.js';
import { GRADE_ZH } from './ratings.labels.js';
import { quarterFigures } from './ratings.figures.js';
import { gradeAllowed } from './ratings.points.js';
import { ratingCommunities } from './ratings.policy.js';
import { rulesInForce } from './ratings.ruleset.js';
import { memberRatings } from './ratings.schema.js';
import { type QuarterKey, quarterHasBegun, quarterHasEnded } from './quarters.js';

/**
 * Quarterly ratings (季度评定): the community generates suggestions from the figures (ratings.figures.ts), changes
 * grades where it judges otherwise, and confirms in bulk once the quarter has ended. Regenerating refreshes the
 * suggestions and never touches a confirmed rating (the upsert's WHERE state = 'suggested').
 */
const communityFilter = (communities: string[] | null): SQL =>
  communities ? inArray(partyMembers.residenceCommunityId, communities) : isNotNull(partyMembers.residenceCommunityId);

export async function generateSuggestions(opts: { db: Db; actor: Actor; input: QuarterBody }) {
  const { db, actor, input } = opts;
  const communities = await ratingCommunities(db, actor, input.communityId);
  const q: QuarterKey = { year: input.year, quarter: input.quarter };
  const today = clock.today();
  if (!quarterHasBegun(q, today)) throw new AppError('RATING_QUARTER_NOT_STARTED', { ...q });
  return db.transaction(async (tx) => {
    const rules = await rulesInForce(tx);
    const figures = await quarterFigures(tx, { members: communityFilter(communities), quarter: q, today, rules });
    const now = clock.now();
    const rows = figures.map((f) => ({
      memberId: f.memberId,
      communityId: f.communityId as string,
      unitId: f.unitId,
      ...q,
      rulesId: rules.id,
      points: f.points,
      minutes: f.minutes,
      yearMinutes: f.yearMinutes,
      noShows: f.noShows,
      reported: f.reported,
      suggestedGrade: f.suggestion.grade,
      createdAt: now,
      updatedAt: now,
    }));
    const changed = await upsertSuggestions(tx, rows);
    await recordAudit(tx, {
      actor,
      action: 'member_rating.generate',
      entityType: 'member_rating',
      after: { ...q, communityIds: communities, members: rows.length, suggested: changed, rulesId: rules.id },
    });
    return { suggested: changed, confirmedKept: rows.length - changed };
  });
}

type SuggestionRow = typeof memberRatings.$inferInsert;

/** Inserts or refreshes suggestions; a confirmed rating is left as it is. Returns the rows written. */
async function upsertSuggestions(tx: Db, rows: SuggestionRow[]): Promise<number> {
  const fresh = (c: string) => sql.raw(`excluded.${c}`);
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const done = await tx
      .insert(memberRatings)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [memberRatings.memberId, memberRatings.year, memberRatings.quarter],
        set: {
          communityId: fresh('community_id'),
          unitId: fresh('unit_id'),
          rulesId: fresh('rules_id'),
          points: fresh('points'),
          minutes: fresh('minutes'),
          yearMinutes: fresh('year_minutes'),
          noShows: fresh('no_shows'),
          reported: fresh('reported'),
          suggestedGrade: fresh('suggested_grade'),
          updatedAt: fresh('updated_at'),
          version: sql`${memberRatings.version} + 1`,
        },
        setWhere: eq(memberRatings.state, 'suggested'),
      })
      .returning({ id: memberRatings.id });
    written += done.length;
  }
  return written;
}

interface Pending {
  id: string;
  memberId: string;
  communityId: string;
  reported: boolean;
  suggestedGrade: RatingGrade;
}

/**
 * Confirms the quarter's suggested ratings in scope (or only those listed), each with its suggestion or the grade
 * given. The whole request is refused, nothing written: before the quarter's end (409), a listed rating out of scope
 * (404) or a grade of 合格/优秀 for a member who has not reported (422, the ratings named in details).
 */
export async function confirmRatings(opts: { db: Db; actor: Actor; input: ConfirmRatings }) {
  const { db, actor, input } = opts;
  const communities = await ratingCommunities(db, actor, input.communityId);
  const q: QuarterKey = { year: input.year, quarter: input.quarter };
  if (!quarterHasEnded(q, clock.today())) throw new AppError('RATING_QUARTER_NOT_ENDED', { ...q });
  return db.transaction(async (tx) => {
    const scope = and(
      eq(memberRatings.year, q.year),
      eq(memberRatings.quarter, q.quarter),
      communities ? inArray(memberRatings.communityId, communities) : undefined,
    );
    const inQuarter = await tx
      .select({
        id: memberRatings.id,
        memberId: memberRatings.memberId,
        communityId: memberRatings.communityId,
        reported: memberRatings.reported,
        suggestedGrade: memberRatings.suggestedGrade,
        state: memberRatings.state,
      })
      .from(memberRatings)
      .where(and(scope, input.only ? inArray(memberRatings.id, input.only) : undefined))
      .for('update');
    const named = [...(input.only ?? []), ...(input.grades ?? []).map((g) => g.ratingId)];
    const known = new Set(inQuarter.map((r) => r.id));
    const missing = named.find((id) => !known.has(id));
    if (missing) throw new AppError('NOT_FOUND', { entity: 'member_rating' }, { ratingId: missing });
    // A listed rating already confirmed is skipped: a retried request confirms nothing twice.
    const pending = inQuarter.filter((r) => r.state === 'suggested');
    const chosen = new Map((input.grades ?? []).map((g) => [g.ratingId, g.grade]));
    const gradeOf = (r: Pending) => chosen.get(r.id) ?? r.suggestedGrade;
    const refused = pending.filter((r) => !gradeAllowed(gradeOf(r), r.reported)).map((r) => r.id);
    if (refused.length) throw new AppError('RATING_GRADE_NOT_ALLOWED', {}, { ratingIds: refused });
    await writeConfirmations(tx, actor, q, pending, gradeOf);
    return { confirmed: pending.length };
  });
}

async function writeConfirmations(
  tx: Db,
  actor: Actor,
  q: QuarterKey,
  pending: Pending[],
  gradeOf: (r: Pending) => RatingGrade,
): Promise<void> {
  const now = clock.now();
  for (const grade of RATING_GRADES) {
    const ids = pending.filter((r) => gradeOf(r) === grade).map((r) => r.id);
    if (!ids.length) continue;
    await tx
      .update(memberRatings)
      .set({
        state: 'confirmed',
        grade,
        confirmedAt: now,
        confirmedByUserId: actor.userId,
        updatedAt: now,
        version: sql`${memberRatings.version} + 1`,
      })
      .where(inArray(memberRatings.id, ids));
    const persons = await tx
      .select({ personId: partyMembers.personId })
      .from(memberRatings)
      .innerJoin(partyMembers, eq(partyMembers.id, memberRatings.memberId))
      .where(inArray(memberRatings.id, ids));
    await notifyPeople(
      tx,
      persons.map((p) => p.personId),
      {
        kind: 'member_rating',
        title: notificationTitle('rating_confirmed', { ...q, grade: GRADE_ZH[grade] }),
        entityType: 'member_rating',
        link: '/m/ratings',
      },
    );
  }
  await recordAudits(
    tx,
    pending.map((r) => ({
      actor,
      action: 'member_rating.confirm',
      entityType: 'member_rating',
      entityId: r.id,
      before: { state: 'suggested', suggestedGrade: r.suggestedGrade },
      after: { state: 'confirmed', grade: gradeOf(r) },
    })),
  );
}
