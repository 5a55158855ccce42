import { aliasedTable, and, asc, count, eq, ilike, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../../people/people.schema.js';
import type {
  Candidate,
  CheckinListQuery,
  CheckinPage,
  CheckinView,
  StaffCheckin,
  StaffCheckinResult,
} from './servicedays.contracts.js';
import {
  assertCheckinAuthority,
  assertMayCheckIn,
  assertMayCheckInMembers,
  assertMayManage,
  checkinsVisibleTo,
} from './servicedays.policy.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups } from './servicedays.schema.js';
import { type DayRow, loadVisibleDay } from './servicedays.service.js';
import { checkinClosesAt, checkinOpensAt, checkinWindow, localLabel, localParts } from './servicedays.time.js';
import { clock } from '../../../core/clock.js';
import { storedNoun } from '../../../core/i18n.js';
import { recordService, voidRecordsOfSource } from '../../ledger/ledger.service.js';

/**
 * Check-ins (报到签到): a Party member scans the day's QR code and checks themself in, or staff check members in.
 * Accepted from 30 min before the start to 24 h after the end. A member checks in once per day: the unique
 * (day, member) index turns a repeat — or two requests racing — into the first check-in, returned unchanged.
 */
const unit = aliasedTable(organisations, 'checkin_unit');

function selectCheckins(db: Db) {
  return db
    .select({ c: serviceDayCheckins, memberName: people.name, unitName: unit.name })
    .from(serviceDayCheckins)
    .innerJoin(partyMembers, eq(partyMembers.id, serviceDayCheckins.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, serviceDayCheckins.unitId));
}

function present(r: {
  c: typeof serviceDayCheckins.$inferSelect;
  memberName: string;
  unitName: string | null;
}): CheckinView {
  return {
    id: r.c.id,
    dayId: r.c.dayId,
    memberId: r.c.memberId,
    memberName: r.memberName,
    unitId: r.c.unitId,
    unitName: r.unitName,
    method: r.c.method,
    checkedInAt: r.c.checkedInAt.toISOString(),
  };
}

export async function listCheckins(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  query: CheckinListQuery;
}): Promise<Page<CheckinView>> {
  const day = await loadVisibleDay(opts.db, opts.actor, opts.dayId);
  const q = opts.query;
  const where = and(
    eq(serviceDayCheckins.dayId, opts.dayId),
    await checkinsVisibleTo(opts.db, opts.actor, day.d.communityId),
    q.unitId ? eq(serviceDayCheckins.unitId, q.unitId) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { checkedInAt: serviceDayCheckins.checkedInAt, memberName: people.name },
    [asc(serviceDayCheckins.checkedInAt)],
    serviceDayCheckins.id,
  );
  return readPage(q, {
    rows: selectCheckins(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db.select({ total: count() }).from(serviceDayCheckins).where(where),
    present,
  });
}

async function dayByToken(db: Db, token: string): Promise<DayRow> {
  const [day] = await db.select().from(serviceDays).where(eq(serviceDays.checkinToken, token));
  if (!day) throw new AppError('NOT_FOUND', { entity: 'service_day' });
  return day;
}

/** The actor's own Party member record (403 SERVICE_DAY_NOT_MEMBER without one). */
async function ownMember(db: Db, actor: Actor): Promise<{ id: string; unitId: string | null; name: string }> {
  const [m] = actor.personId
    ? await db
        .select({ id: partyMembers.id, unitId: partyMembers.unitId, name: people.name })
        .from(partyMembers)
        .innerJoin(people, eq(people.id, partyMembers.personId))
        .where(eq(partyMembers.personId, actor.personId))
    : [];
  if (!m) throw new AppError('SERVICE_DAY_NOT_MEMBER');
  return m;
}

function assertWindow(day: DayRow, now: Date): void {
  const window = checkinWindow(day, now);
  if (window === 'cancelled') throw new AppError('SERVICE_DAY_CANCELLED');
  if (window === 'not_started')
    throw new AppError('SERVICE_DAY_CHECKIN_NOT_STARTED', { opensAt: localLabel(checkinOpensAt(day)) });
  if (window === 'closed')
    throw new AppError('SERVICE_DAY_CHECKIN_CLOSED', { closesAt: localLabel(checkinClosesAt(day)) });
}

async function checkinOf(db: Db, dayId: string, memberId: string): Promise<CheckinView | null> {
  const [row] = await selectCheckins(db).where(
    and(eq(serviceDayCheckins.dayId, dayId), eq(serviceDayCheckins.memberId, memberId)),
  );
  return row ? present(row) : null;
}

/** What the phone page shows after a scan: the day, whether check-in is open now, and my check-in if any. */
export async function checkinPage(opts: { db: Db; actor: Actor; token: string; now?: Date }): Promise<CheckinPage> {
  assertMayCheckIn(opts.actor);
  const day = await dayByToken(opts.db, opts.token);
  const [community] = await opts.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, day.communityId));
  const member = opts.actor.personId
    ? (
        await opts.db
          .select({ id: partyMembers.id, name: people.name })
          .from(partyMembers)
          .innerJoin(people, eq(people.id, partyMembers.personId))
          .where(eq(partyMembers.personId, opts.actor.personId))
      )[0]
    : undefined;
  return {
    dayId: day.id,
    communityName: community?.name ?? '',
    theme: day.theme,
    place: day.place,
    date: day.date,
    startTime: localParts(day.startsAt).clock,
    endTime: localParts(day.endsAt).clock,
    status: day.status,
    opensAt: checkinOpensAt(day).toISOString(),
    closesAt: checkinClosesAt(day).toISOString(),
    window: checkinWindow(day, opts.now ?? clock.now()),
    memberName: member?.name ?? null,
    myCheckin: member ? await checkinOf(opts.db, day.id, member.id) : null,
  };
}

/**
 * A check-in is the community's word that the member was there (a supervised day), so each new one writes a
 * 'service_day' record to the ledger spanning the day's start–end, sourced by the check-in. A member already
 * counted for an overlapping time (a post duty, another day) keeps the check-in — it must not fail at the door — but
 * gets no second record for the same hours: the clash is returned for the check-in's audit row (`ledgerSkipped`),
 * where staff find it and correct one of the two records if the other was wrong. Nothing here throws on the clash,
 * so the transaction goes on (the overlap check reads; it writes nothing before refusing).
 */
async function recordCheckinService(
  tx: Db,
  actor: Actor,
  day: DayRow,
  rows: { id: string; memberId: string }[],
): Promise<{ checkinId: string; memberId: string; clashRecordId: unknown }[]> {
  const skipped: { checkinId: string; memberId: string; clashRecordId: unknown }[] = [];
  for (const r of rows) {
    try {
      await recordService(tx, actor, {
        memberId: r.memberId,
        kind: 'service_day',
        sourceId: r.id,
        communityId: day.communityId,
        title: day.theme,
        startsAt: day.startsAt,
        endsAt: day.endsAt,
        verifiedByUserId: actor.userId,
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'SERVICE_RECORD_OVERLAP') throw e;
      const details = e.details as { recordId?: unknown } | undefined;
      skipped.push({ checkinId: r.id, memberId: r.memberId, clashRecordId: details?.recordId ?? null });
    }
  }
  return skipped;
}

/**
 * Inserts the check-ins that do not exist yet, in one transaction with their audit row; returns which members were
 * new. ON CONFLICT DO NOTHING on the unique (day, member) index keeps a concurrent duplicate from adding a row.
 */
async function insertCheckins(
  db: Db,
  actor: Actor,
  day: DayRow,
  members: { id: string; unitId: string | null }[],
  method: 'qr' | 'staff',
  now: Date,
): Promise<Set<string>> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(serviceDayCheckins)
      .values(
        members.map((m) => ({
          dayId: day.id,
          memberId: m.id,
          unitId: m.unitId,
          method,
          checkedInAt: now,
          checkedInByUserId: actor.userId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: serviceDayCheckins.id, memberId: serviceDayCheckins.memberId });
    if (rows.length) {
      const ledgerSkipped = await recordCheckinService(tx, actor, day, rows);
      await recordAudit(tx, {
        actor,
        action: `service_day_checkin.${method}`,
        entityType: 'service_day',
        entityId: day.id,
        after: {
          checkins: rows.map((r) => ({ id: r.id, memberId: r.memberId })),
          ...(ledgerSkipped.length ? { ledgerSkipped } : {}),
        },
      });
    }
    return new Set(rows.map((r) => r.memberId));
  });
}

/** A member checks themself in with the day's token: created (201) or the existing check-in (200). */
export async function checkInSelf(opts: {
  db: Db;
  actor: Actor;
  token: string;
  now?: Date;
}): Promise<{ created: boolean; checkin: CheckinView }> {
  assertMayCheckIn(opts.actor);
  const now = opts.now ?? clock.now();
  const day = await dayByToken(opts.db, opts.token);
  const member = await ownMember(opts.db, opts.actor);
  const existing = await checkinOf(opts.db, day.id, member.id);
  if (existing) return { created: false, checkin: existing };
  assertWindow(day, now);
  const created = await insertCheckins(opts.db, opts.actor, day, [member], 'qr', now);
  return { created: created.has(member.id), checkin: (await checkinOf(opts.db, day.id, member.id)) as CheckinView };
}

/**
 * Staff check members in: the county or the community for anyone, a unit admin only its own unit's members.
 * Members already checked in come back under `existing`, unchanged.
 */
export async function checkInMembers(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  input: StaffCheckin;
  now?: Date;
}): Promise<StaffCheckinResult> {
  const { db, actor } = opts;
  const view = await loadVisibleDay(db, actor, opts.dayId);
  const authority = await assertCheckinAuthority(db, actor, view.d.communityId);
  const ids = [...new Set(opts.input.memberIds)];
  const members = await db
    .select({ id: partyMembers.id, unitId: partyMembers.unitId })
    .from(partyMembers)
    .where(inArray(partyMembers.id, ids));
  if (members.length !== ids.length)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/memberIds', message: 'unknown Party member' }]);
  assertMayCheckInMembers(authority, members);
  assertWindow(view.d, opts.now ?? clock.now());
  const created = await insertCheckins(db, actor, view.d, members, 'staff', opts.now ?? clock.now());
  const rows = (
    await selectCheckins(db).where(
      and(eq(serviceDayCheckins.dayId, view.d.id), inArray(serviceDayCheckins.memberId, ids)),
    )
  ).map(present);
  return {
    created: rows.filter((r) => created.has(r.memberId)),
    existing: rows.filter((r) => !created.has(r.memberId)),
  };
}

/** Removes a check-in recorded by mistake (the day's managers only). */
export async function removeCheckin(opts: { db: Db; actor: Actor; dayId: string; checkinId: string }): Promise<void> {
  const view = await loadVisibleDay(opts.db, opts.actor, opts.dayId);
  await assertMayManage(opts.db, opts.actor, view.d.communityId);
  await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(serviceDayCheckins)
      .where(and(eq(serviceDayCheckins.id, opts.checkinId), eq(serviceDayCheckins.dayId, opts.dayId)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'service_day_checkin' });
    // The hours the check-in gave stay in the ledger as a voided record, for the record.
    await voidRecordsOfSource(tx, opts.actor, {
      kind: 'service_day',
      sourceId: row.id,
      reason: storedNoun('ledger_void_checkin_removed'),
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'service_day_checkin.remove',
      entityType: 'service_day',
      entityId: opts.dayId,
      before: row,
    });
  });
}

/**
 * Members staff may pick for a check-in: in-service members of the units signed up for the day (a unit admin: of
 * their own units), by name, at most 50. Party members' own lists are scoped to where they live, which is not
 * where they serve, so the day answers this itself.
 */
export async function checkinCandidates(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  q?: string;
}): Promise<Candidate[]> {
  const { db, actor } = opts;
  const view = await loadVisibleDay(db, actor, opts.dayId);
  const authority = await assertCheckinAuthority(db, actor, view.d.communityId);
  const signedUp = (
    await db
      .select({ unitId: serviceDaySignups.unitId })
      .from(serviceDaySignups)
      .where(eq(serviceDaySignups.dayId, view.d.id))
  ).map((s) => s.unitId);
  const unitIds = authority.all ? signedUp : authority.unitIds;
  if (!unitIds.length) return [];
  const rows = await db
    .select({
      memberId: partyMembers.id,
      name: people.name,
      unitId: partyMembers.unitId,
      unitName: unit.name,
      checkinId: serviceDayCheckins.id,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(
      serviceDayCheckins,
      and(eq(serviceDayCheckins.dayId, view.d.id), eq(serviceDayCheckins.memberId, partyMembers.id)),
    )
    .where(
      and(inArray(partyMembers.unitId, unitIds), opts.q ? ilike(people.name, `%${escapeLike(opts.q)}%`) : undefined),
    )
    .orderBy(asc(unit.name), asc(people.name))
    .limit(50);
  return rows.map(({ checkinId, ...r }) => ({ ...r, checkedIn: checkinId !== null }));
}
