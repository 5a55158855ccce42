import { and, asc, desc, eq, exists, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import type { MyServiceDay, MyServiceDays } from './servicedays.contracts.js';
import { assertMayListOwnDays } from './servicedays.policy.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups } from './servicedays.schema.js';
import { CHECKIN_LATE_MS, checkinWindow, localParts } from './servicedays.time.js';

/**
 * A Party member's own service days (the phone's 服务日 page): the days of the community they live in and those
 * their unit signed up for, without the token — the member checks in by scanning the day's QR code on the spot,
 * which is the proof they were there. A day stays on the "upcoming" list while check-in can still be accepted
 * (until 24 h after its end), then moves to "attended" if they checked in, or drops off.
 */
const UPCOMING_LIMIT = 20;
const ATTENDED_LIMIT = 10;

interface OwnMember {
  id: string;
  unitId: string | null;
  residenceCommunityId: string | null;
}

async function ownMember(db: Db, actor: Actor): Promise<OwnMember | null> {
  if (!actor.personId) return null;
  const [m] = await db
    .select({
      id: partyMembers.id,
      unitId: partyMembers.unitId,
      residenceCommunityId: partyMembers.residenceCommunityId,
    })
    .from(partyMembers)
    .where(eq(partyMembers.personId, actor.personId));
  return m ?? null;
}

/** Whether the member's unit signed up for the day (a correlated EXISTS on the unique (day, unit) index). */
function unitSignedUp(db: Db, member: OwnMember): SQL {
  return member.unitId
    ? exists(
        db
          .select({ one: sql`1` })
          .from(serviceDaySignups)
          .where(and(eq(serviceDaySignups.dayId, serviceDays.id), eq(serviceDaySignups.unitId, member.unitId))),
      )
    : sql`false`;
}

function selectMine(db: Db, member: OwnMember) {
  return db
    .select({
      d: serviceDays,
      communityName: organisations.name,
      myUnitSignedUp: sql<boolean>`${unitSignedUp(db, member)}`.mapWith(Boolean),
      checkedInAt: serviceDayCheckins.checkedInAt,
    })
    .from(serviceDays)
    .innerJoin(organisations, eq(organisations.id, serviceDays.communityId))
    .leftJoin(
      serviceDayCheckins,
      and(eq(serviceDayCheckins.dayId, serviceDays.id), eq(serviceDayCheckins.memberId, member.id)),
    );
}
type MineRow = Awaited<ReturnType<ReturnType<typeof selectMine>['execute']>>[number];

function present(r: MineRow, member: OwnMember, now: Date): MyServiceDay {
  const d = r.d;
  return {
    id: d.id,
    communityName: r.communityName,
    theme: d.theme,
    place: d.place,
    date: d.date,
    startTime: localParts(d.startsAt).clock,
    endTime: localParts(d.endsAt).clock,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    status: d.status,
    cancelReason: d.cancelReason,
    inMyCommunity: d.communityId === member.residenceCommunityId,
    myUnitSignedUp: r.myUnitSignedUp,
    window: checkinWindow(d, now),
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
  };
}

export async function myServiceDays(opts: { db: Db; actor: Actor; now?: Date }): Promise<MyServiceDays> {
  assertMayListOwnDays(opts.actor);
  const member = await ownMember(opts.db, opts.actor);
  if (!member) return { upcoming: [], attended: [] };
  const now = opts.now ?? clock.now();
  const stillOpen = new Date(now.getTime() - CHECKIN_LATE_MS);
  const unitSigned = unitSignedUp(opts.db, member);
  const mine = member.residenceCommunityId
    ? or(eq(serviceDays.communityId, member.residenceCommunityId), unitSigned)
    : unitSigned;
  const upcoming = await selectMine(opts.db, member)
    .where(and(mine, gte(serviceDays.endsAt, stillOpen)))
    .orderBy(asc(serviceDays.startsAt), asc(serviceDays.id))
    .limit(UPCOMING_LIMIT);
  const attended = await selectMine(opts.db, member)
    .where(and(isNotNull(serviceDayCheckins.id), lt(serviceDays.endsAt, stillOpen)))
    .orderBy(desc(serviceDays.startsAt), asc(serviceDays.id))
    .limit(ATTENDED_LIMIT);
  return {
    upcoming: upcoming.map((r) => present(r, member, now)),
    attended: attended.map((r) => present(r, member, now)),
  };
}
