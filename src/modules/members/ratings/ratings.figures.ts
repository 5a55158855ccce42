import { and, eq, gte, isNull, lt, lte, type SQL, sql, sum } from 'drizzle-orm';
import { addDays, localInstant } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { isAtRisk } from '../pace/pace.rules.js';
import { postActivities, postActivitySignups } from '../posts/posts.schema.js';
import { approvedWithin, endOfCountyDay } from '../reports/reports.query.js';
import { memberReports } from '../reports/reports.schema.js';
import type { ServiceRulesView } from '../rules.js';
import { type QuarterKey, quarterAsOf, quarterFirstDay } from './quarters.js';
import { type PointsRecord, quarterPoints, type Suggestion, suggestGrade } from './ratings.points.js';
import { memberCommendations } from './ratings.schema.js';

/**
 * The figures a quarter's rating is suggested from, for every in-service member a filter on party_members selects:
 * one query per source (members, the quarter's ledger rows, the year's minutes, no-shows, commendations, reports),
 * each joined to the same filter, then the points and the suggestion computed in memory (ratings.points.ts).
 * Read on `asOf` (quarters.ts): the quarter's last day once it has ended, today while it runs.
 */
export interface MemberFigures {
  memberId: string;
  personId: string;
  unitId: string | null;
  communityId: string | null;
  points: number;
  minutes: number;
  yearMinutes: number;
  noShows: number;
  reported: boolean;
  belowPace: boolean;
  suggestion: Suggestion;
}

export interface FiguresOptions {
  /** A condition on party_members (a community, a unit, a list); in-service members only are read. */
  members: SQL | undefined;
  quarter: QuarterKey;
  today: string;
  rules: ServiceRulesView;
}

const inService = (members: SQL | undefined) => and(eq(partyMembers.kind, 'in_service'), members);
const memberJoin = eq(partyMembers.id, serviceRecords.memberId);

/** The ledger rows of the quarter up to `asOf` (voided rows count for nothing). */
async function quarterRecords(db: Db, members: SQL | undefined, from: string, asOf: string) {
  return db
    .select({
      memberId: serviceRecords.memberId,
      kind: serviceRecords.kind,
      minutes: serviceRecords.minutes,
      day: serviceRecords.day,
    })
    .from(serviceRecords)
    .innerJoin(partyMembers, memberJoin)
    .where(
      and(
        inService(members),
        isNull(serviceRecords.voidedAt),
        gte(serviceRecords.day, from),
        lte(serviceRecords.day, asOf),
      ),
    );
}

/** Minutes of the year from 1 January up to `asOf`, by member. */
export async function yearMinutesByMember(
  db: Db,
  members: SQL | undefined,
  asOf: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ memberId: serviceRecords.memberId, minutes: sum(serviceRecords.minutes).mapWith(Number) })
    .from(serviceRecords)
    .innerJoin(partyMembers, memberJoin)
    .where(
      and(
        inService(members),
        isNull(serviceRecords.voidedAt),
        gte(serviceRecords.day, `${asOf.slice(0, 4)}-01-01`),
        lte(serviceRecords.day, asOf),
      ),
    )
    .groupBy(serviceRecords.memberId);
  return new Map(rows.map((r) => [r.memberId, r.minutes]));
}

/**
 * No-shows (signed up, did not come: post_activity_signups.no_show, set by the posts module's sweep) at activities
 * of cancelled ones excepted, starting on the county days from `from` through `asOf`, by member.
 */
export async function noShowsByMember(
  db: Db,
  members: SQL | undefined,
  from: string,
  asOf: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ memberId: postActivitySignups.memberId, n: sql<number>`count(*)::int` })
    .from(postActivitySignups)
    .innerJoin(postActivities, eq(postActivities.id, postActivitySignups.activityId))
    .innerJoin(partyMembers, eq(partyMembers.id, postActivitySignups.memberId))
    .where(
      and(
        inService(members),
        eq(postActivitySignups.noShow, true),
        eq(postActivities.state, 'scheduled'),
        gte(postActivities.startsAt, localInstant(from)),
        lt(postActivities.startsAt, localInstant(addDays(asOf, 1))),
      ),
    )
    .groupBy(postActivitySignups.memberId);
  return new Map(rows.map((r) => [r.memberId, r.n]));
}

async function commendationsByMember(db: Db, members: SQL | undefined, from: string, asOf: string) {
  const rows = await db
    .select({ memberId: memberCommendations.memberId, points: sum(memberCommendations.points).mapWith(Number) })
    .from(memberCommendations)
    .innerJoin(partyMembers, eq(partyMembers.id, memberCommendations.memberId))
    .where(and(inService(members), gte(memberCommendations.day, from), lte(memberCommendations.day, asOf)))
    .groupBy(memberCommendations.memberId);
  return new Map(rows.map((r) => [r.memberId, r.points]));
}

/**
 * Members who count as reported on `asOf` (the quarter's last day, or today): the reports module's rule read at the
 * end of that day (reports.query.ts approvedWithin), so the rating, the member's page and the unreported list agree.
 */
export async function reportedMemberIds(
  db: Db,
  members: SQL | undefined,
  asOf: string,
  reportEveryMonths: number,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ memberId: memberReports.memberId })
    .from(memberReports)
    .innerJoin(partyMembers, eq(partyMembers.id, memberReports.memberId))
    .where(and(inService(members), approvedWithin(endOfCountyDay(asOf), reportEveryMonths)));
  return new Set(rows.map((r) => r.memberId));
}

export async function quarterFigures(db: Db, opts: FiguresOptions): Promise<MemberFigures[]> {
  const { rules, quarter } = opts;
  const asOf = quarterAsOf(quarter, opts.today);
  const from = quarterFirstDay(quarter);
  // The six reads are independent: on PostgreSQL they go out together (a pool, or one client's queue in a
  // transaction); PGlite answers them one after another as before.
  const [members, records, yearMinutes, noShows, commended, reported] = await Promise.all([
    db
      .select({
        id: partyMembers.id,
        personId: partyMembers.personId,
        unitId: partyMembers.unitId,
        communityId: partyMembers.residenceCommunityId,
      })
      .from(partyMembers)
      .where(inService(opts.members)),
    quarterRecords(db, opts.members, from, asOf),
    yearMinutesByMember(db, opts.members, asOf),
    noShowsByMember(db, opts.members, from, asOf),
    commendationsByMember(db, opts.members, from, asOf),
    reportedMemberIds(db, opts.members, asOf, rules.reportEveryMonths),
  ]);
  const byMember = new Map<string, PointsRecord[]>();
  for (const r of records) {
    const list = byMember.get(r.memberId);
    if (list) list.push(r);
    else byMember.set(r.memberId, [r]);
  }
  return members.map((m) => {
    const own = byMember.get(m.id) ?? [];
    const facts = { noShows: noShows.get(m.id) ?? 0, reported: reported.has(m.id) };
    const { points } = quarterPoints(
      { records: own, commendations: [commended.get(m.id) ?? 0], noShows: facts.noShows },
      rules.points,
    );
    const ym = yearMinutes.get(m.id) ?? 0;
    const belowPace = isAtRisk(ym, asOf, rules.requiredHoursPerYear);
    return {
      memberId: m.id,
      personId: m.personId,
      unitId: m.unitId,
      communityId: m.communityId,
      points,
      minutes: own.reduce((a, r) => a + r.minutes, 0),
      yearMinutes: ym,
      ...facts,
      belowPace,
      suggestion: suggestGrade({ points, belowPace, ...facts }, rules),
    };
  });
}
