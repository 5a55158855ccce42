import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { recordService, reviseRecordOfSource } from '../../ledger/ledger.service.js';
import type { VolunteerCheckinMethod } from '../volunteers.enums.js';
import { volunteerSignups } from '../volunteers.schema.js';
import type { PresenceLedgerOutcome } from './presence.enums.js';
import { type CountedShift, countShift } from './presence.hours.js';
import {
  inServiceMemberOf,
  lockVolunteer,
  minutesCountedOn,
  type PresenceActivity,
  type SignupRow,
} from './presence.queries.js';

/**
 * Closing a shift (check-out by the volunteer or the organiser, the sweep's close at the scheduled end, a
 * correction): the counted minutes under the day cap, the ledger record for an in-service Party member, the sign-up
 * row and its audit row, in the caller's transaction. The ledger may refuse the record (the member has another record
 * at that time — a post duty, say): the check-out stands without it, and the audit row says so. A volunteer is never
 * kept from checking out by a duty elsewhere; staff sort the ledger out by hand.
 */
type AuditActor = Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | null;

export interface LedgerAnswer {
  outcome: PresenceLedgerOutcome;
  recordId: string | null;
  /** The ledger's refusal (SERVICE_RECORD_OVERLAP …) when skipped. */
  refusal: string | null;
}

/** The counted shift of a sign-up checked in at `checkedInAt` and out at `at`, under what the day cap leaves. */
export async function countUnderCap(
  tx: Db,
  act: PresenceActivity,
  s: Pick<SignupRow, 'id' | 'volunteerId'>,
  times: { checkedInAt: Date; checkedOutAt: Date },
  dayCapMinutes: number,
): Promise<CountedShift & { day: string }> {
  const span = { ...times, startsAt: act.a.startsAt, endsAt: act.a.endsAt };
  const day = localDayOf(countShift(span, 0, Number.MAX_SAFE_INTEGER).from);
  const used = await minutesCountedOn(tx, s.volunteerId, day, s.id);
  return { ...countShift(span, used, dayCapMinutes), day };
}

/** Writes (or, with `reason`, corrects) the ledger record of the counted shift; a refusal is answered, not thrown. */
export async function ledgerFor(
  tx: Db,
  actor: AuditActor,
  target: { act: PresenceActivity; s: SignupRow; personId: string; counted: CountedShift; reason?: string },
): Promise<LedgerAnswer> {
  const memberId = await inServiceMemberOf(tx, target.personId);
  if (!memberId) return { outcome: 'not_member', recordId: null, refusal: null };
  const { act, counted } = target;
  const input = {
    memberId,
    kind: 'volunteer_shift' as const,
    sourceId: target.s.id,
    communityId: act.a.communityId,
    title: `${act.typeName} · ${act.a.title}`,
    startsAt: counted.from,
    endsAt: counted.to,
    verifiedByUserId: actor?.userId ?? null,
  };
  if (target.reason === undefined && counted.minutes <= 0)
    return { outcome: 'skipped', recordId: null, refusal: 'NOTHING_COUNTED' };
  try {
    // A savepoint: a refusal must leave the check-out's transaction usable.
    const row = await tx.transaction((sp) =>
      target.reason === undefined
        ? recordService(sp, actor, input)
        : reviseRecordOfSource(sp, actor, { ...input, reason: target.reason }),
    );
    return row
      ? { outcome: 'recorded', recordId: row.id, refusal: null }
      : { outcome: 'skipped', recordId: null, refusal: 'NOTHING_COUNTED' };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { outcome: 'skipped', recordId: null, refusal: err.code };
  }
}

/**
 * Checks the sign-up out at `at`: counted minutes, the ledger, the row (state checked_out), the audit row. `s` must
 * be the checked-in row read under lock in this transaction.
 */
export async function closeShift(
  tx: Db,
  actor: AuditActor,
  target: {
    act: PresenceActivity;
    s: SignupRow;
    at: Date;
    method: VolunteerCheckinMethod;
    dayCapMinutes: number;
  },
): Promise<{ row: SignupRow; ledger: LedgerAnswer }> {
  const { act, s, at } = target;
  const volunteer = await lockVolunteer(tx, s.volunteerId);
  const checkedInAt = s.checkedInAt ?? at;
  const counted = await countUnderCap(tx, act, s, { checkedInAt, checkedOutAt: at }, target.dayCapMinutes);
  const ledger = await ledgerFor(tx, actor, { act, s, personId: volunteer.personId, counted });
  const [row] = await tx
    .update(volunteerSignups)
    .set({
      state: 'checked_out',
      checkedOutAt: at,
      checkoutMethod: target.method,
      autoClosed: target.method === 'auto',
      minutes: counted.minutes,
      cappedMinutes: counted.cappedMinutes,
      day: counted.day,
      serviceRecordId: ledger.recordId,
      updatedAt: clock.now(),
      version: sql`${volunteerSignups.version} + 1`,
    })
    .where(eq(volunteerSignups.id, s.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action: target.method === 'auto' ? 'volunteer_signup.auto_close' : 'volunteer_signup.checkout',
    entityType: 'volunteer_signup',
    entityId: s.id,
    before: s,
    after: { ...row, ledger: ledger.outcome, ledgerRefusal: ledger.refusal },
  });
  return { row, ledger };
}
