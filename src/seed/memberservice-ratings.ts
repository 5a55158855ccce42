import { isNotNull } from 'drizzle-orm';
import { addDays, localInstant } from '../core/calendar.js';
import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { quarterFigures } from '../modules/members/ratings/ratings.figures.js';
import { rulesInForce } from '../modules/members/ratings/ratings.ruleset.js';
import { memberRatings } from '../modules/members/ratings/ratings.schema.js';
import {
  nextQuarterFirstDay,
  type QuarterKey,
  quarterHasBegun,
  quarterHasEnded,
} from '../modules/members/ratings/quarters.js';
import { partyMembers } from '../modules/people/members/members.schema.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';

type RatingRow = typeof memberRatings.$inferInsert;

const earlier = (a: Date, b: Date) => (a < b ? a : b);

/**
 * This year's quarterly ratings, computed from what the demo holds (ledger rows, no-shows, reports) by the same
 * figures and pure points as the API: every quarter that has ended rated and confirmed by its community a week after
 * its end (or yesterday evening, if it ended less than a week ago), the current one open with suggestions; a quarter
 * that has not begun has nothing to rate. Two appeals in 杭东: member01's latest (pending) and one answered (upheld).
 * Called last, after every source of the ledger.
 */
export async function seedDemoRatings(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rules = await rulesInForce(db);
  const rows: RatingRow[] = [];
  for (const quarter of [1, 2, 3, 4]) {
    const q: QuarterKey = { year: time.year, quarter };
    if (!quarterHasBegun(q, time.today)) continue;
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
