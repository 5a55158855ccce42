import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { users } from '../../auth/auth.schema.js';
import { minutesBetween, recordService } from '../../ledger/ledger.service.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { caseEvents, type cases } from '../cases.schema.js';
import { type HandlingSpan, handlingSpans, type SkipReason, spanRefusal, verificationSourceId } from './spans.js';

/**
 * A case handled by a Party member writes one 'case' record to the service ledger, when the case is verified (核实):
 * work the community has not checked does not count, and a failed verification writes nothing (that round's work did
 * not solve it; the round after it is counted when it is verified). Each handler's span comes from the timeline
 * (spans.ts); the member is the Party member whose person the handler's account belongs to (users.person_id →
 * party_members.person_id, as the other ledger sources find the member). The record is verified by whoever verified
 * the case, in the case's community, titled with its number and title.
 *
 * The case's transition never fails because of the ledger. A span the ledger would refuse, or that the recorded times
 * cannot vouch for, is skipped — written nowhere in the ledger — and listed on the verification's audit row
 * (`serviceRecords.skipped`, with why: spans.ts spanRefusal), where staff find it: not ending on the county day it
 * began (a case left open overnight or for days is not hours of service, and no end is invented to fit), under a
 * minute, overlapping another counted record of the member (those hours already count: the ledger's own refusal,
 * caught), or verified by the handler themself.
 *
 * A later reopening (an unsatisfied rating) does not void what was verified: those hours were served and checked, as
 * the case keeps that round's rating too; the next verified round writes its own record, sourced by its own
 * verification. Staff can still void a record in the ledger, with a reason.
 */

type CaseRow = typeof cases.$inferSelect;

export interface HandlingLedger {
  recorded: { memberId: string; recordId: string; minutes: number }[];
  skipped: {
    memberId: string;
    reason: SkipReason;
    startsAt: string;
    endsAt: string;
    minutes: number;
    clashRecordId?: string;
  }[];
}

/** The Party member behind each account that has one: account id → member and person. */
async function membersOfAccounts(tx: Db, userIds: string[]) {
  const rows = await tx
    .select({ userId: users.id, memberId: partyMembers.id, personId: partyMembers.personId })
    .from(users)
    .innerJoin(partyMembers, eq(partyMembers.personId, users.personId))
    .where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.userId, r]));
}

type Skipped = HandlingLedger['skipped'][number];
type Recorded = HandlingLedger['recorded'][number];

/** One handler's span: recorded, or skipped with the reason (the ledger's overlap refusal caught in its savepoint). */
async function recordSpan(
  tx: Db,
  actor: Actor,
  source: { c: CaseRow; verifyEventId: number },
  span: HandlingSpan,
  member: { memberId: string; personId: string },
): Promise<Recorded | Skipped> {
  const minutes = minutesBetween(span.startsAt, span.endsAt);
  const skipped = (reason: SkipReason, clashRecordId?: string): Skipped => ({
    memberId: member.memberId,
    reason,
    startsAt: span.startsAt.toISOString(),
    endsAt: span.endsAt.toISOString(),
    minutes,
    ...(clashRecordId ? { clashRecordId } : {}),
  });
  const refused = spanRefusal(span, { userId: actor.userId, personId: actor.personId }, member.personId, minutes);
  if (refused) return skipped(refused);
  const { c } = source;
  try {
    const row = await tx.transaction((sp) =>
      recordService(sp, actor, {
        memberId: member.memberId,
        kind: 'case',
        sourceId: verificationSourceId(c.id, source.verifyEventId),
        communityId: c.communityId,
        title: `${c.number} ${c.title}`,
        startsAt: span.startsAt,
        endsAt: span.endsAt,
        verifiedByUserId: actor.userId,
        evidence: span.note,
      }),
    );
    return { memberId: member.memberId, recordId: row.id, minutes: row.minutes };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'SERVICE_RECORD_OVERLAP') throw e;
    return skipped('overlap', (e.details as { recordId?: string } | undefined)?.recordId);
  }
}

/**
 * Writes the records of a verification inside the case's transaction and returns what was recorded and skipped (for
 * the verification's audit row). Each write is a savepoint of its own, so a refusal leaves nothing behind.
 */
export async function recordCaseHandlers(
  tx: Db,
  actor: Actor,
  c: CaseRow,
  verifyEventId: number,
): Promise<HandlingLedger> {
  const out: HandlingLedger = { recorded: [], skipped: [] };
  const events = await tx
    .select({
      at: caseEvents.at,
      action: caseEvents.action,
      actorUserId: caseEvents.actorUserId,
      note: caseEvents.note,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, c.id))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const spans = handlingSpans(events);
  if (!spans.length) return out;
  const members = await membersOfAccounts(
    tx,
    spans.map((s) => s.userId),
  );
  for (const span of spans) {
    const member = members.get(span.userId);
    if (!member) continue;
    const result = await recordSpan(tx, actor, { c, verifyEventId }, span, member);
    if ('recordId' in result) out.recorded.push(result);
    else out.skipped.push(result);
  }
  return out;
}
