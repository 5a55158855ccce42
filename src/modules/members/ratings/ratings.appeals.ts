import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { notificationTitle } from '../../../core/i18n.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { ownMember } from '../reports/reports.service.js';
import type { AnswerBody, RatingView } from './ratings.contracts.js';
import { GRADE_ZH } from './ratings.labels.js';
import { gradeAllowed } from './ratings.points.js';
import { assertMayAppeal, assertMayRate, ratingsVisibleTo } from './ratings.policy.js';
import { ratingView } from './ratings.query.js';
import { memberRatings } from './ratings.schema.js';

type RatingRow = typeof memberRatings.$inferSelect;

async function lockRating(tx: Db, id: string, scope?: ReturnType<typeof and>): Promise<RatingRow> {
  const [row] = await tx
    .select()
    .from(memberRatings)
    .where(and(eq(memberRatings.id, id), scope))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'member_rating' });
  return row;
}

/** A member appeals their own confirmed rating, once, with a reason (申诉). */
export async function appealRating(opts: { db: Db; actor: Actor; id: string; reason: string }): Promise<RatingView> {
  const { db, actor } = opts;
  return db.transaction(async (tx) => {
    const row = await lockRating(tx, opts.id);
    assertMayAppeal(actor, (await ownMember(tx, actor))?.id ?? null, row);
    if (row.state !== 'confirmed') throw new AppError('RATING_NOT_CONFIRMED');
    if (row.appealState) throw new AppError('RATING_APPEAL_EXISTS');
    const now = clock.now();
    const change = { appealState: 'pending' as const, appealReason: opts.reason, appealedAt: now };
    await tx
      .update(memberRatings)
      .set({ ...change, updatedAt: now, version: sql`${memberRatings.version} + 1` })
      .where(eq(memberRatings.id, row.id));
    await recordAudit(tx, {
      actor,
      action: 'member_rating.appeal',
      entityType: 'member_rating',
      entityId: row.id,
      before: { appealState: null },
      after: change,
    });
    return ratingView(tx, row.id);
  });
}

/**
 * The community answers an appeal: the grade upheld, or revised to another (which obeys the reporting rule as a
 * confirmation does). The member is notified either way.
 */
export async function answerAppeal(opts: { db: Db; actor: Actor; id: string; input: AnswerBody }): Promise<RatingView> {
  const { db, actor, input } = opts;
  return db.transaction(async (tx) => {
    const row = await lockRating(tx, opts.id, await ratingsVisibleTo(tx, actor));
    await assertMayRate(tx, actor, row.communityId);
    if (row.appealState !== 'pending') throw new AppError('RATING_APPEAL_NOT_PENDING');
    const grade = input.outcome === 'revised' && input.grade ? input.grade : (row.grade ?? row.suggestedGrade);
    if (!gradeAllowed(grade, row.reported)) throw new AppError('RATING_GRADE_NOT_ALLOWED', {}, { ratingIds: [row.id] });
    const now = clock.now();
    const change = {
      appealState: input.outcome,
      appealAnswer: input.answer,
      appealAnsweredAt: now,
      appealAnsweredByUserId: actor.userId,
      grade,
    };
    await tx
      .update(memberRatings)
      .set({ ...change, updatedAt: now, version: sql`${memberRatings.version} + 1` })
      .where(eq(memberRatings.id, row.id));
    await recordAudit(tx, {
      actor,
      action: 'member_rating.answer_appeal',
      entityType: 'member_rating',
      entityId: row.id,
      before: { appealState: row.appealState, grade: row.grade },
      after: change,
    });
    const [member] = await tx
      .select({ personId: partyMembers.personId })
      .from(partyMembers)
      .where(eq(partyMembers.id, row.memberId));
    await notifyPeople(tx, [member?.personId], {
      kind: 'member_rating',
      title: notificationTitle('rating_appeal_answered', {
        year: row.year,
        quarter: row.quarter,
        grade: GRADE_ZH[grade],
      }),
      entityType: 'member_rating',
      entityId: row.id,
      link: '/m/ratings',
    });
    return ratingView(tx, row.id);
  });
}
