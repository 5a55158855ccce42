import { asc, eq, inArray } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { users } from '../modules/auth/auth.schema.js';
import { minutesBetween } from '../modules/ledger/ledger.service.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import { caseEvents, cases } from '../modules/cases/cases.schema.js';
import {
  type HandlingEvent,
  handlingSpans,
  spanRefusal,
  verificationSourceId,
} from '../modules/cases/handling/spans.js';
import { partyMembers } from '../modules/people/members/members.schema.js';
import { existingIntervals, record } from './memberservice-ledger.js';
import { createRng } from './rng.js';

/**
 * The demo's 'case' records: every verification in the demo's case timelines, read as the live verification reads it
 * (cases/handling/spans.ts on the events up to it), gives the Party members who handled the case their record — in
 * the demo, the units' admins, each their unit's Party secretary (build-users.ts), for the whistles their unit
 * worked. What the live rule skips is skipped here too: a span not within one county day (most whistles take days),
 * under a minute, self-verified, or overlapping a record the member already has. Written after the ledger's other sources, so it
 * never overlaps them; a verification the demo already wrote through the live service (a case the 评事 reopened and
 * handled again) is not written twice. Deterministic for a given first day.
 */
type Event = HandlingEvent & { id: number; caseId: string };

async function timelines(db: Db): Promise<Map<string, Event[]>> {
  const rows = await db
    .select({
      id: caseEvents.id,
      caseId: caseEvents.caseId,
      at: caseEvents.at,
      action: caseEvents.action,
      actorUserId: caseEvents.actorUserId,
      note: caseEvents.note,
    })
    .from(caseEvents)
    .where(
      inArray(
        caseEvents.caseId,
        db.selectDistinct({ id: caseEvents.caseId }).from(caseEvents).where(eq(caseEvents.action, 'verify')),
      ),
    )
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const byCase = new Map<string, Event[]>();
  for (const e of rows) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return byCase;
}

/** Accounts by id: their person, and the Party member that person is, if any. */
async function accounts(db: Db) {
  const rows = await db
    .select({ userId: users.id, personId: users.personId, memberId: partyMembers.id })
    .from(users)
    .leftJoin(partyMembers, eq(partyMembers.personId, users.personId));
  return new Map(rows.map((r) => [r.userId, r]));
}

export async function seedDemoCaseRecords(db: Db): Promise<number> {
  const rng = createRng(13_0403);
  const known = await existingIntervals(db);
  const written = new Set(
    (
      await db.select({ sourceId: serviceRecords.sourceId }).from(serviceRecords).where(eq(serviceRecords.kind, 'case'))
    ).map((r) => r.sourceId),
  );
  const byId = new Map((await db.select().from(cases)).map((c) => [c.id, c]));
  const who = await accounts(db);
  const out: (typeof serviceRecords.$inferInsert)[] = [];
  for (const [caseId, events] of await timelines(db)) {
    const c = byId.get(caseId);
    if (!c) continue;
    events.forEach((verify, i) => {
      if (verify.action !== 'verify') return;
      const sourceId = verificationSourceId(caseId, verify.id);
      if (written.has(sourceId)) return;
      const verifier = { userId: verify.actorUserId, personId: who.get(verify.actorUserId ?? '')?.personId ?? null };
      for (const span of handlingSpans(events.slice(0, i + 1))) {
        const handler = who.get(span.userId);
        if (!handler?.memberId || !handler.personId) continue;
        const minutes = minutesBetween(span.startsAt, span.endsAt);
        if (spanRefusal(span, verifier, handler.personId, minutes)) continue;
        if (!known.free(handler.memberId, span.startsAt, span.endsAt)) continue;
        known.add(handler.memberId, span.startsAt, span.endsAt);
        out.push({
          ...record({
            id: rng.uuid(),
            memberId: handler.memberId,
            kind: 'case',
            sourceId,
            communityId: c.communityId,
            title: `${c.number} ${c.title}`,
            startsAt: span.startsAt,
            endsAt: span.endsAt,
            verifiedByUserId: verify.actorUserId,
            evidence: span.note,
          }),
          createdAt: verify.at,
          updatedAt: verify.at,
        });
      }
    });
  }
  await insertRows(db, serviceRecords, out);
  return out.length;
}
