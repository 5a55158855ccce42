import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import { addDays, localDayOf, localInstant, weekdayOf } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { CLAIMABLE_NEED_STATUSES } from '../modules/cobuild/needs/needs.enums.js';
import { needClaims, needs } from '../modules/cobuild/needs/needs.schema.js';
import { serviceDayCheckins, serviceDays } from '../modules/cobuild/servicedays/servicedays.schema.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { createRng } from './rng.js';

/**
 * The ledger's other sources in the demo, written after posts and their activities: every check-in at a service day
 * that has ended becomes the member's 'service_day' record spanning the day (as a live check-in does), and in each
 * community a few members claim a need (微心愿) of the community they live in — some fulfilled on a recent weekend
 * morning with their 'need' record, some still open (member01 holds one open claim when their community has a
 * need). Records never overlap: one that would overlap a record the member already has is skipped, like the live
 * check-in does. Bulk inserts; deterministic for a given first day.
 */
type RecordRow = typeof serviceRecords.$inferInsert;
type ClaimRow = typeof needClaims.$inferInsert;
type Interval = { from: number; to: number };

/** Each member's counted spans so far, so the demo never writes an overlap (the ledger would refuse one). */
export class Intervals {
  private readonly byMember = new Map<string, Interval[]>();
  add(memberId: string, from: Date, to: Date): void {
    const list = this.byMember.get(memberId) ?? [];
    list.push({ from: from.getTime(), to: to.getTime() });
    this.byMember.set(memberId, list);
  }
  free(memberId: string, from: Date, to: Date): boolean {
    const [a, b] = [from.getTime(), to.getTime()];
    return !(this.byMember.get(memberId) ?? []).some((i) => i.from < b && i.to > a);
  }
}

/** A ledger row as recordService writes it: minutes and the county day derived from the times. */
export function record(r: Omit<RecordRow, 'minutes' | 'day' | 'createdAt' | 'updatedAt'>): RecordRow {
  const minutes = Math.floor((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000);
  return { ...r, minutes, day: localDayOf(r.startsAt), createdAt: r.endsAt, updatedAt: r.endsAt };
}

export async function existingIntervals(db: Db): Promise<Intervals> {
  const known = new Intervals();
  const rows = await db
    .select({ memberId: serviceRecords.memberId, startsAt: serviceRecords.startsAt, endsAt: serviceRecords.endsAt })
    .from(serviceRecords);
  for (const r of rows) known.add(r.memberId, r.startsAt, r.endsAt);
  return known;
}

async function serviceDayRecords(db: Db, time: DemoTime, known: Intervals): Promise<RecordRow[]> {
  const rng = createRng(13_0401);
  const rows = await db
    .select({ c: serviceDayCheckins, d: serviceDays })
    .from(serviceDayCheckins)
    .innerJoin(serviceDays, eq(serviceDays.id, serviceDayCheckins.dayId))
    .where(and(lte(serviceDays.endsAt, time.now), inArray(serviceDays.status, ['scheduled', 'held'])))
    .orderBy(asc(serviceDays.startsAt), asc(serviceDayCheckins.id));
  const out: RecordRow[] = [];
  for (const { c, d } of rows) {
    if (!known.free(c.memberId, d.startsAt, d.endsAt)) continue;
    known.add(c.memberId, d.startsAt, d.endsAt);
    out.push(
      record({
        id: rng.uuid(),
        memberId: c.memberId,
        kind: 'service_day',
        sourceId: c.id,
        communityId: d.communityId,
        title: d.theme,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        verifiedByUserId: c.checkedInByUserId,
      }),
    );
  }
  return out;
}

/** The last Saturday before `day`, `weeksBack` weeks further back. */
function saturdayBefore(day: string, weeksBack: number): string {
  let d = addDays(day, -1);
  while (weekdayOf(d) !== 6) d = addDays(d, -1);
  return addDays(d, -7 * weeksBack);
}

async function needClaimRows(db: Db, data: DemoData, time: DemoTime, known: Intervals) {
  const rng = createRng(13_0402);
  const open = await db
    .select()
    .from(needs)
    .where(inArray(needs.status, [...CLAIMABLE_NEED_STATUSES]))
    .orderBy(asc(needs.createdAt), asc(needs.id));
  const member01 = data.users.find((u) => u.username === 'member01')?.personId;
  const claims: ClaimRow[] = [];
  const records: RecordRow[] = [];
  for (const community of data.organisations.filter((o) => o.kind === 'community')) {
    const wishes = open.filter((n) => n.communityId === community.id).slice(0, 3);
    const residents = data.partyMembers.filter(
      (m) => m.kind === 'in_service' && m.residenceCommunityId === community.id,
    );
    const admin = data.roleBindings.find((b) => b.role === 'community_admin' && b.scopeOrgId === community.id);
    wishes.forEach((need, i) => {
      const mine = i === 0 ? residents.find((m) => m.personId === member01) : undefined;
      const member = mine ?? (residents.length ? rng.pick(residents) : undefined);
      if (!member) return;
      const claimedAt = localInstant(saturdayBefore(time.today, 3 + i), '20:00');
      const claim: ClaimRow = {
        id: rng.uuid(),
        needId: need.id,
        memberId: member.id,
        status: 'claimed',
        note: null,
        startsAt: null,
        endsAt: null,
        fulfilledAt: null,
        fulfilledBy: null,
        serviceRecordId: null,
        createdAt: claimedAt,
        updatedAt: claimedAt,
        version: 1,
      };
      const day = saturdayBefore(time.today, i);
      const [startsAt, endsAt] = [localInstant(day, '09:00'), localInstant(day, `${10 + (i % 2)}:30`)];
      if (!mine && i < 2 && endsAt <= time.now && known.free(member.id, startsAt, endsAt)) {
        known.add(member.id, startsAt, endsAt);
        const r = record({
          id: rng.uuid(),
          memberId: member.id,
          kind: 'need',
          sourceId: claim.id as string,
          communityId: community.id,
          title: need.title,
          startsAt,
          endsAt,
          verifiedByUserId: admin?.userId ?? null,
        });
        records.push(r);
        Object.assign(claim, {
          status: 'fulfilled',
          startsAt,
          endsAt,
          fulfilledAt: endsAt,
          fulfilledBy: r.verifiedByUserId,
          serviceRecordId: r.id,
          updatedAt: endsAt,
          version: 2,
        });
      }
      claims.push(claim);
    });
  }
  return { claims, records };
}

export async function seedDemoLedgerSources(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const known = await existingIntervals(db);
  const dayRecords = await serviceDayRecords(db, time, known);
  const { claims, records } = await needClaimRows(db, data, time, known);
  await insertRows(db, serviceRecords, [...dayRecords, ...records]);
  await insertRows(db, needClaims, claims);
}
