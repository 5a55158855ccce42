import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { localInstant } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { postActivities, postActivitySignups } from '../posts/posts.schema.js';

/**
 * Named queries other parts read (the quarterly rating counts no-shows against points and the 合格 rule).
 * A day is a county day ('YYYY-MM-DD', its 00:00 in Asia/Shanghai); an instant is taken as it is.
 */
const instantOf = (v: Date | string): Date => (typeof v === 'string' ? localInstant(v) : v);

/**
 * No-shows per member among `memberIds`: sign-ups the sweep marked (signed up, never checked in) at activities that
 * started in [from, to). Every member asked for is in the answer, with 0 when they have none.
 */
export async function noShowCounts(
  db: Db,
  memberIds: readonly string[],
  from: Date | string,
  to: Date | string,
): Promise<Map<string, number>> {
  const counts = new Map(memberIds.map((id) => [id, 0]));
  if (!memberIds.length) return counts;
  const rows = await db
    .select({ memberId: postActivitySignups.memberId, n: count() })
    .from(postActivitySignups)
    .innerJoin(postActivities, eq(postActivities.id, postActivitySignups.activityId))
    .where(
      and(
        eq(postActivitySignups.noShow, true),
        inArray(postActivitySignups.memberId, [...memberIds]),
        gte(postActivities.startsAt, instantOf(from)),
        lt(postActivities.startsAt, instantOf(to)),
      ),
    )
    .groupBy(postActivitySignups.memberId);
  for (const r of rows) counts.set(r.memberId, Number(r.n));
  return counts;
}
