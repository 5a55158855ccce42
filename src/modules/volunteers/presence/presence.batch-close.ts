import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudits } from '../../../core/audit.js';
import { localDayOf } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { Settled } from '../../../core/group-commit.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { currentVolunteerRules } from '../rules.js';
import { volunteerSignups, volunteers } from '../volunteers.schema.js';
import { type Checked, held, lockPairs, pairKey } from './presence.batch-rows.js';
import { type LedgerAnswer, ledgerFor } from './presence.close.js';
import type { PresenceLedgerOutcome } from './presence.enums.js';
import { type CountedShift, countShift } from './presence.hours.js';
import type { SignupRow } from './presence.queries.js';

/**
 * The batched check-out (presence.batch.ts): the rules a single check-out obeys (presence.close.ts), for many at once.
 * The volunteers are locked together, the day's counted minutes read in one query and carried forward in the batch's
 * order (two check-outs of one volunteer the same day share the cap as they would one after the other), the ledger
 * record written for each in-service Party member, and the sign-ups updated in one statement with their audit rows.
 */
type Closing = { c: Checked; s: SignupRow; counted?: CountedShift & { day: string }; ledger?: LedgerAnswer };
type Closed = { id: string; ledger: PresenceLedgerOutcome };

/** Which of the batch's sign-ups may be closed; the others are answered with their refusal. */
function sortOut(
  checked: Checked[],
  rows: Map<string, SignupRow>,
): { answers: (Settled<Closed> | null)[]; closing: Closing[] } {
  const closing: Closing[] = [];
  const seen = new Set<string>();
  const answers = checked.map((c): Settled<Closed> | null => {
    try {
      const s = held(rows.get(pairKey(c)));
      if (s.state === 'checked_out' || seen.has(s.id))
        throw new AppError('VOLUNTEER_ALREADY_CHECKED_OUT', { at: s.checkedOutAt?.toISOString() ?? '' });
      if (s.state !== 'checked_in') throw new AppError('VOLUNTEER_NOT_CHECKED_IN');
      seen.add(s.id);
      closing.push({ c, s });
      return null;
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { answers, closing };
}

/** Counted minutes for each, the day cap carried through the batch. */
async function countAll(tx: Db, closing: Closing[], now: Date, dayCapMinutes: number): Promise<void> {
  const spans = closing.map(({ c, s }) => ({
    checkedInAt: s.checkedInAt ?? now,
    checkedOutAt: now,
    startsAt: c.act.a.startsAt,
    endsAt: c.act.a.endsAt,
  }));
  const days = spans.map((span) => localDayOf(countShift(span, 0, Number.MAX_SAFE_INTEGER).from));
  const volIds = [...new Set(closing.map((x) => x.s.volunteerId))];
  await tx.select({ id: volunteers.id }).from(volunteers).where(inArray(volunteers.id, volIds)).for('update');
  const sums = await tx
    .select({
      v: volunteerSignups.volunteerId,
      day: volunteerSignups.day,
      n: sql<number>`coalesce(sum(${volunteerSignups.minutes}), 0)::int`,
    })
    .from(volunteerSignups)
    .where(
      and(
        inArray(volunteerSignups.volunteerId, volIds),
        eq(volunteerSignups.state, 'checked_out'),
        inArray(volunteerSignups.day, [...new Set(days)]),
      ),
    )
    .groupBy(volunteerSignups.volunteerId, volunteerSignups.day);
  const used = new Map(sums.map((r) => [`${r.v}|${r.day}`, r.n]));
  closing.forEach((x, i) => {
    const key = `${x.s.volunteerId}|${days[i]}`;
    const counted = countShift(spans[i], used.get(key) ?? 0, dayCapMinutes);
    used.set(key, (used.get(key) ?? 0) + counted.minutes);
    x.counted = { ...counted, day: days[i] };
  });
}

/** The ledger record of each in-service Party member among them (one query finds who is one). */
async function ledgerAll(tx: Db, closing: Closing[]): Promise<void> {
  const personIds = [...new Set(closing.map((x) => x.c.personId))];
  const members = await tx
    .select({ personId: partyMembers.personId })
    .from(partyMembers)
    .where(and(inArray(partyMembers.personId, personIds), eq(partyMembers.kind, 'in_service')));
  const isMember = new Set(members.map((m) => m.personId));
  for (const x of closing) {
    x.ledger = isMember.has(x.c.personId)
      ? await ledgerFor(tx, x.c.item.actor, {
          act: x.c.act,
          s: x.s,
          personId: x.c.personId,
          counted: x.counted as CountedShift,
        })
      : { outcome: 'not_member', recordId: null, refusal: null };
  }
}

async function updateAll(tx: Db, closing: Closing[], now: Date): Promise<SignupRow[]> {
  const input = closing.map((x) => ({
    id: x.s.id,
    minutes: x.counted?.minutes,
    capped: x.counted?.cappedMinutes,
    day: x.counted?.day,
    record: x.ledger?.recordId ?? null,
  }));
  return tx
    .update(volunteerSignups)
    .set({
      state: 'checked_out',
      checkedOutAt: now,
      checkoutMethod: 'qr',
      autoClosed: false,
      minutes: sql`x.minutes`,
      cappedMinutes: sql`x.capped`,
      day: sql`x.day`,
      serviceRecordId: sql`x.record`,
      updatedAt: now,
      version: sql`${volunteerSignups.version} + 1`,
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(id uuid, minutes int, capped int, day date, record uuid)`,
    )
    .where(and(sql`${volunteerSignups.id} = x.id`, eq(volunteerSignups.state, 'checked_in')))
    .returning();
}

export async function closeMany(tx: Db, checked: Checked[], now: Date): Promise<Settled<Closed>[]> {
  const rows = await lockPairs(tx, checked);
  const { answers, closing } = sortOut(checked, rows);
  if (closing.length) {
    const rules = await currentVolunteerRules(tx);
    await countAll(tx, closing, now, rules.dayCapMinutes);
    await ledgerAll(tx, closing);
    const after = new Map((await updateAll(tx, closing, now)).map((r) => [r.id, r]));
    const entries: AuditEntry[] = closing.map((x) => ({
      actor: x.c.item.actor,
      action: 'volunteer_signup.checkout',
      entityType: 'volunteer_signup',
      entityId: x.s.id,
      before: x.s,
      after: { ...after.get(x.s.id), ledger: x.ledger?.outcome, ledgerRefusal: x.ledger?.refusal },
    }));
    await recordAudits(tx, entries);
  }
  let k = 0;
  return answers.map((a) => {
    if (a) return a;
    const x = closing[k++];
    return { ok: true, value: { id: x.s.id, ledger: x.ledger?.outcome ?? 'not_member' } };
  });
}
