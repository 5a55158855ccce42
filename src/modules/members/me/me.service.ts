import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { paceOf } from '../pace/pace.rules.js';
import { quarterHasBegun, quarterHasEnded, quarterOfDay } from '../ratings/quarters.js';
import { quarterFigures } from '../ratings/ratings.figures.js';
import { ownMember } from '../reports/reports.service.js';
import { currentServiceRules } from '../rules.js';
import type { MyServiceYear } from './me.contracts.js';

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * The member's own year: each begun quarter's figures as the ratings read them (quarterFigures, so the home and
 * the rating can never disagree), and the year's pace from the latest quarter's year-to-date minutes.
 */
export async function myServiceYear(opts: { db: Db; actor: Actor }): Promise<MyServiceYear> {
  const me = await ownMember(opts.db, opts.actor);
  if (!me) throw new AppError('NOT_FOUND', { entity: 'party_member' });
  const today = clock.today();
  const { year } = quarterOfDay(today);
  const rules = await currentServiceRules(opts.db);
  const quarters = [];
  let yearMinutes = 0;
  let reported = false;
  for (const quarter of QUARTERS) {
    const key = { year, quarter };
    const begun = quarterHasBegun(key, today);
    const ended = quarterHasEnded(key, today);
    if (!begun) {
      quarters.push({ quarter, begun, ended, points: 0, minutes: 0, noShows: 0 });
      continue;
    }
    const [f] = await quarterFigures(opts.db, { members: eq(partyMembers.id, me.id), quarter: key, today, rules });
    quarters.push({
      quarter,
      begun,
      ended,
      points: f?.points ?? 0,
      minutes: f?.minutes ?? 0,
      noShows: f?.noShows ?? 0,
    });
    yearMinutes = f?.yearMinutes ?? yearMinutes;
    reported = f?.reported ?? false;
  }
  const pace = paceOf(yearMinutes, today, rules.requiredHoursPerYear);
  return {
    memberId: me.id,
    year,
    today,
    requiredHoursPerYear: rules.requiredHoursPerYear,
    minutes: pace.minutes,
    expectedMinutes: pace.expectedMinutes,
    shortfallMinutes: pace.shortfallMinutes,
    atRisk: pace.atRisk,
    yearElapsed: pace.yearElapsed,
    points: quarters.reduce((sum, q) => sum + q.points, 0),
    reported,
    quarters,
  };
}
