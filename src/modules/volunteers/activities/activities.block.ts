import { and, eq, gt, lte } from 'drizzle-orm';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { currentVolunteerRules } from '../rules.js';
import type { VolunteerRules } from '../volunteers.enums.js';
import { volunteerActivities, volunteerSignups } from '../volunteers.schema.js';

const DAY_MS = 86_400_000;

/**
 * The no-show block, in one place (sign-up refuses with it; presence and hours show "blocked until"):
 * `blockAfterNoShows` no-shows (sign-ups marked 'no_show') whose activity ended within the `noShowWindowDays` before
 * now block sign-up until the last of them + `blockDays`. A no-show counts from its activity's end, when the sweep
 * can first mark it. `blockAfterNoShows` 0 never blocks.
 */
export function blockedUntil(
  noShowEnds: readonly Date[],
  rules: Pick<VolunteerRules, 'blockAfterNoShows' | 'noShowWindowDays' | 'blockDays'>,
  now: Date,
): { until: Date; count: number } | null {
  if (rules.blockAfterNoShows <= 0) return null;
  const since = now.getTime() - rules.noShowWindowDays * DAY_MS;
  const inWindow = noShowEnds.filter((d) => d.getTime() > since && d.getTime() <= now.getTime());
  if (inWindow.length < rules.blockAfterNoShows) return null;
  const last = Math.max(...inWindow.map((d) => d.getTime()));
  const until = new Date(last + rules.blockDays * DAY_MS);
  return until > now ? { until, count: inWindow.length } : null;
}

/** The volunteer's block now under the rules in force (null: free to sign up). */
export async function volunteerBlock(
  db: Db,
  volunteerId: string,
  rules?: VolunteerRules,
): Promise<{ until: Date; count: number } | null> {
  const r = rules ?? (await currentVolunteerRules(db));
  if (r.blockAfterNoShows <= 0) return null;
  const now = clock.now();
  const rows = await db
    .select({ endsAt: volunteerActivities.endsAt })
    .from(volunteerSignups)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
    .where(
      and(
        eq(volunteerSignups.volunteerId, volunteerId),
        eq(volunteerSignups.state, 'no_show'),
        gt(volunteerActivities.endsAt, new Date(now.getTime() - r.noShowWindowDays * DAY_MS)),
        lte(volunteerActivities.endsAt, now),
      ),
    );
  return blockedUntil(
    rows.map((x) => x.endsAt),
    r,
    now,
  );
}
