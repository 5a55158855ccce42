import { isNotNull, sql } from 'drizzle-orm';
import { addDays, localInstant } from '../core/calendar.js';
import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { quarterFigures } from '../modules/members/ratings/ratings.figures.js';
import { rulesInForce } from '../modules/members/ratings/ratings.ruleset.js';
import { memberRatings } from '../modules/members/ratings/ratings.schema.js';
import {
  nextQuarterFirstDay,
  type QuarterKey,
  quarterHasEnded,
  quarterOfDay,
} from '../modules/members/ratings/quarters.js';
import { partyMembers } from '../modules/people/members/members.schema.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';

type RatingRow = typeof memberRatings.$inferInsert;

const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** The quarter before `q` (Q4 of the year before Q1). */
function previousQuarter(q: QuarterKey): QuarterKey {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/**
 * The quarters the demo rates, for its first day: the three that ended last (into the year before when the first
 * day is in January–September) and the current one, begun today at the latest (issue 13: "four quarters of ratings,
 * three rated, one open").
 */
export function demoQuarters(time: DemoTime): { rated: QuarterKey[]; open: QuarterKey } {
  const open = quarterOfDay(time.today);
  const rated: QuarterKey[] = [];
  for (let q = previousQuarter(open); rated.length < 3; q = previousQuarter(q)) rated.unshift(q);
  return { rated, open };
}

/**
 * The first day the demo's service ledger must cover: 1 January of the year of the earliest rated quarter, because a
 * quarter's rating reads the year's hours from 1 January (the pace cap), not only the quarter's own.
 */
export function ledgerFrom(time: DemoTime): string {
  return `${demoQuarters(time).rated[0].year}-01-01`;
}

/**
 * The demo's quarterly ratings (demoQuarters), computed from what the demo holds (ledger rows, no-shows, reports) by
 * the same figures and pure points as the API: each of the three ended quarters rated and confirmed by its community
 * a week after its end (or yesterday evening, the demo's now, if it ended less than a week ago), the current one open
 * with suggestions. Two appeals in 杭东: member01's latest (pending) and one answered (upheld). Called last, after every
 * source of the ledger.
 */
export async function seedDemoRatings(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rules = await rulesInForce(db);
  // The figures' tables were all written in this transaction, so the planner has no statistics for them and joins
  // the no-shows through every member for each activity: ~1 s a quarter on PGlite instead of ~10 ms.
  await db.execute(sql`analyze party_members, service_records, post_activities, post_activity_signups,
    member_reports, member_commendations`);
  const rows: RatingRow[] = [];
  const { rated, open } = demoQuarters(time);
  for (const q of [...rated, open]) {
    const ended = quarterHasEnded(q, time.today);
    const confirmedAt = earlier(localInstant(addDays(nextQuarterFirstDay(q), 6), '10:00'), time.now);
    const figures = await quarterFigures(db, {
      members: isNotNull(partyMembers.residenceCommunityId),
      quarter: q,
      today: time.today,
      rules,
    });
    for (const f of figures) {
      rows.push({
        memberId: f.memberId,
        communityId: f.communityId as string,
        unitId: f.unitId,
        ...q,
        rulesId: rules.id,
        points: f.points,
        minutes: f.minutes,
        yearMinutes: f.yearMinutes,
        noShows: f.noShows,
        reported: f.reported,
        suggestedGrade: f.suggestion.grade,
        grade: ended ? f.suggestion.grade : null,
        state: ended ? 'confirmed' : 'suggested',
        confirmedAt: ended ? confirmedAt : null,
        createdAt: ended ? confirmedAt : time.now,
        updatedAt: ended ? confirmedAt : time.now,
        version: 1,
      });
    }
  }
  addAppeals(rows, data, time);
  await insertRows(db, memberRatings, rows);
}

/** member01's latest confirmed rating appealed (pending); another 杭东 member's answered, the grade upheld. */
function addAppeals(rows: RatingRow[], data: DemoData, time: DemoTime): void {
  const userOf = (name: string) => data.users.find((u) => u.username === name);
  const personId = userOf('member01')?.personId;
  const member01 = data.partyMembers.find((m) => m.personId === personId);
  const confirmed = rows.filter((r) => r.state === 'confirmed').reverse();
  const own = confirmed.find((r) => r.memberId === member01?.id);
  if (!own || !own.confirmedAt) return;
  const day = (d: Date) => new Date(d.getTime() + 86_400_000);
  Object.assign(own, {
    appealState: 'pending',
    appealReason: '本季度参加了两次集中报到服务日，时长没有全部计入，申请复核。',
    appealedAt: earlier(day(own.confirmedAt), time.now),
  });
  // Another member of the community, a 基本合格 if there is one (the likeliest to appeal).
  const others = confirmed.filter((r) => r.communityId === own.communityId && r.memberId !== own.memberId);
  const other = others.find((r) => r.grade === 'basic') ?? others[0];
  if (!other?.confirmedAt) return;
  const appealedAt = earlier(day(other.confirmedAt), time.now);
  Object.assign(other, {
    appealState: 'upheld',
    appealReason: '本季度因出差缺席两次岗位活动，已提前请假。',
    appealedAt,
    appealAnswer: '经核实，请假未按规定报备，维持原评定。',
    appealAnsweredAt: earlier(day(appealedAt), time.now),
    appealAnsweredByUserId: userOf('hangdong')?.id ?? null,
  });
}
