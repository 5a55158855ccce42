import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { TransitionRequest } from '../cases.contracts.js';
import { type CaseAction, SATISFACTIONS, type Satisfaction } from '../cases.enums.js';
import type { CaseRelation } from '../cases.machine.js';
import { assertMayRate } from '../cases.policy.js';
import { caseDispatches, type cases } from '../cases.schema.js';
import { reporterLogins } from './notices.js';
import { caseRatings } from './rating.schema.js';

/*
 * The resident's end of a case: rating it (every round kept in case_ratings), what the statistics count of those
 * ratings, reopening (a new round; the units' finished dispatches no longer count as done) and when the community may
 * close a verified case without a rating. Definitions: docs/CASES.md "Definitions" and "Closing and rating".
 */

type CaseRow = typeof cases.$inferSelect;
type Changes = Partial<typeof cases.$inferInsert>;

/** The worse of two ratings (SATISFACTIONS runs from best to worst); a case without a rating yet takes the new one. */
export function worseOf(current: Satisfaction | null, next: Satisfaction): Satisfaction {
  if (!current) return next;
  return SATISFACTIONS.indexOf(current) >= SATISFACTIONS.indexOf(next) ? current : next;
}

/**
 * A rating (by the reporter, or recorded by staff after a phone visit: cases.policy.ts says who may) becomes the next
 * round's row. The case keeps what the statistics count: the worst rating of all its rounds (`satisfaction`), at the
 * time of its first rating (`ratedAt`) — so neither a reopen nor a better second rating can raise the satisfaction rate.
 * `ratingComment` and `ratedByPhoneVisit` describe the latest rating. Rating a verified case also closes it.
 */
export async function recordRating(
  tx: Db,
  actor: Actor,
  c: CaseRow,
  relations: CaseRelation[],
  input: TransitionRequest,
  now: Date,
): Promise<Changes> {
  assertMayRate(relations, input.phoneVisit);
  const satisfaction = input.satisfaction as Satisfaction;
  const byPhoneVisit = !relations.includes('reporter');
  const [{ rounds }] = await tx.select({ rounds: count() }).from(caseRatings).where(eq(caseRatings.caseId, c.id));
  await tx.insert(caseRatings).values({
    caseId: c.id,
    round: rounds + 1,
    satisfaction,
    comment: input.comment ?? null,
    byPhoneVisit,
    ratedByUserId: actor.userId,
    ratedAt: now,
  });
  return {
    satisfaction: worseOf(c.satisfaction, satisfaction),
    ratedAt: c.ratedAt ?? now,
    ratingComment: input.comment ?? null,
    ratedByPhoneVisit: byPhoneVisit,
    closedAt: c.closedAt ?? now,
  };
}

/** The latest round's rating, or null before the first. */
export async function latestRating(db: Db, caseId: string): Promise<Satisfaction | null> {
  const [row] = await db
    .select({ satisfaction: caseRatings.satisfaction })
    .from(caseRatings)
    .where(eq(caseRatings.caseId, caseId))
    .orderBy(desc(caseRatings.round))
    .limit(1);
  return row?.satisfaction ?? null;
}

/** Only a case whose latest rating was 不满意 may be reopened (by its reporter, or by staff on their word). */
export async function assertMayReopen(db: Db, c: CaseRow, action: string): Promise<void> {
  if ((await latestRating(db, c.id)) !== 'unsatisfied')
    throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { action, status: c.status });
}

/**
 * A reopened case (failed verification, or reopened after an unsatisfied rating) came back unsolved: its units'
 * finished dispatches are no longer done (`reopened`, done_at cleared; the first completion stays in the case's
 * events), so "dispatches done" does not count them until a unit finishes again after being called in again.
 * Returns the ids of the dispatches reopened, for the event.
 */
export async function reopenDispatches(tx: Db, caseId: string, now: Date): Promise<string[]> {
  const rows = await tx
    .update(caseDispatches)
    .set({ status: 'reopened', doneAt: null, updatedAt: now, version: sql`${caseDispatches.version} + 1` })
    .where(and(eq(caseDispatches.caseId, caseId), eq(caseDispatches.status, 'done')))
    .returning({ id: caseDispatches.id });
  return rows.map((r) => r.id);
}

/**
 * Whether the reporter can rate this case themselves (they reported it from an account, or it was recorded for a
 * person who has one). Then a verified case waits for their rating, and the sweep closes it unrated after the
 * configured working days (resident/autoclose.ts); without a login the community closes it (and may record a
 * phone-visit rating afterwards).
 */
export async function awaitsReporterRating(db: Db, c: CaseRow): Promise<boolean> {
  return (await reporterLogins(db, c)).length > 0;
}

/** The community's 办结 of a verified case: only where the reporter cannot rate it themselves. */
export async function assertMayCloseWithoutRating(db: Db, c: CaseRow): Promise<void> {
  if (await awaitsReporterRating(db, c)) throw new AppError('CASE_AWAITING_RATING', { number: c.number });
}

/** Every round's rating of a case, first to last (the case page's rating history). */
export async function ratingsOf(db: Db, caseId: string) {
  const rows = await db
    .select()
    .from(caseRatings)
    .where(eq(caseRatings.caseId, caseId))
    .orderBy(asc(caseRatings.round));
  return rows.map((r) => ({
    round: r.round,
    satisfaction: r.satisfaction,
    comment: r.comment,
    byPhoneVisit: r.byPhoneVisit,
    ratedAt: r.ratedAt.toISOString(),
  }));
}

/**
 * The machine's actions less the two that depend on more than the state (so the page offers no button that answers
 * 409): 办结 while the reporter can rate, reopening unless the latest rating was 不满意.
 */
export async function withRatingRules(
  db: Db,
  c: CaseRow,
  actions: CaseAction[],
  latest: Satisfaction | null,
): Promise<CaseAction[]> {
  const awaiting = actions.includes('close') && (await awaitsReporterRating(db, c));
  return actions.filter((a) => !(a === 'close' && awaiting) && !(a === 'reopen' && latest !== 'unsatisfied'));
}
