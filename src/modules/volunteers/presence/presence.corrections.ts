import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { currentVolunteerRules } from '../rules.js';
import { assertMayRunActivity } from '../volunteers.policy.js';
import { volunteerSignups } from '../volunteers.schema.js';
import { checkinOpensAt } from './presence.code.js';
import { countUnderCap, ledgerFor } from './presence.close.js';
import type { CheckoutResult, CorrectPresence } from './presence.contracts.js';
import { loadSignupWithActivity, lockVolunteer, type SignupRow, signupView } from './presence.queries.js';

/**
 * The organiser corrects a volunteer's times (a forgotten check-out the sweep closed at the end, a no-show who was
 * there after all, a phone that failed): new check-in and check-out inside the activity's check-in window, in order,
 * with a reason. Minutes are counted again under the day cap, the ledger record (an in-service Party member's) gets
 * the new span through the ledger's own correction, the sign-up is checked out with the reason and who corrected it,
 * `autoClosed` and a no-show's penalty are cleared, and the audit row keeps before and after.
 */
const CORRECTABLE: readonly SignupRow['state'][] = ['signed_up', 'checked_in', 'checked_out', 'no_show'];

function correctedTimes(a: { startsAt: Date; endsAt: Date }, input: CorrectPresence) {
  const checkedInAt = new Date(input.checkedInAt);
  const checkedOutAt = new Date(input.checkedOutAt);
  if (checkedInAt >= checkedOutAt || checkedInAt < checkinOpensAt(a) || checkedOutAt > a.endsAt)
    throw new AppError('VOLUNTEER_CORRECTION_TIMES');
  return { checkedInAt, checkedOutAt };
}

export async function correctPresence(opts: {
  db: Db;
  actor: Actor;
  signupId: string;
  input: CorrectPresence;
}): Promise<CheckoutResult> {
  const { db, actor, input } = opts;
  const act = await loadSignupWithActivity(db, opts.signupId);
  await assertMayRunActivity(db, actor, act.a);
  const reason = input.reason?.trim() ?? '';
  if (!reason) throw new AppError('VOLUNTEER_CORRECTION_REASON_REQUIRED');
  const times = correctedTimes(act.a, input);
  const ledger = await db.transaction(async (tx) => {
    const [s] = await tx.select().from(volunteerSignups).where(eq(volunteerSignups.id, act.s.id)).for('update');
    if (!CORRECTABLE.includes(s.state)) throw new AppError('VOLUNTEER_NOT_SIGNED_UP');
    const volunteer = await lockVolunteer(tx, s.volunteerId);
    const rules = await currentVolunteerRules(tx);
    const counted = await countUnderCap(tx, act, s, times, rules.dayCapMinutes);
    const answer = await ledgerFor(tx, actor, { act, s, personId: volunteer.personId, counted, reason });
    const [after] = await tx
      .update(volunteerSignups)
      .set({
        state: 'checked_out',
        ...times,
        checkinMethod: s.checkinMethod ?? 'organiser',
        checkoutMethod: s.checkoutMethod === 'auto' || !s.checkoutMethod ? 'organiser' : s.checkoutMethod,
        autoClosed: false,
        minutes: counted.minutes,
        cappedMinutes: counted.cappedMinutes,
        penaltyMinutes: 0,
        day: counted.day,
        correctionReason: reason,
        correctedByUserId: actor.userId,
        // A refused revision leaves the old record (audited); nothing counted voided it.
        serviceRecordId: answer.refusal === 'NOTHING_COUNTED' ? null : (answer.recordId ?? s.serviceRecordId),
        updatedAt: clock.now(),
        version: sql`${volunteerSignups.version} + 1`,
      })
      .where(eq(volunteerSignups.id, s.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'volunteer_signup.correct',
      entityType: 'volunteer_signup',
      entityId: s.id,
      before: s,
      after: { ...after, reason, ledger: answer.outcome, ledgerRefusal: answer.refusal },
    });
    return answer;
  });
  return { ...(await signupView(db, act.s.id)), ledger: ledger.outcome };
}
