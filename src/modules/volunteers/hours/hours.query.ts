import { and, eq, gte, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { addDays, localInstant } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../../people/people.schema.js';
import type { VolunteerRulesView } from '../rules.js';
import { hoursToNextStar, starLevel } from '../volunteers.enums.js';
import {
  volunteerActivities,
  volunteerSignups,
  volunteers,
  volunteerTeamMembers,
  volunteerTeams,
} from '../volunteers.schema.js';
import { inTeamWhere, ofCommunities } from './hours.policy.js';

/**
 * Hours per volunteer, read in one grouped query over the sign-ups (the county's 1,600 volunteers × a year's 20,000
 * sign-ups is one scan and a hash aggregate), then the rule applied in `countedHours` — the one place that turns
 * minutes into hours, a star and what is left to the next one. Lists, the summary, `me`, the export and the
 * certificates all go through here.
 */

const DAY_MS = 86_400_000;

export interface Period {
  from?: string;
  to?: string;
}

/** The activities whose start falls in the period (county days, inclusive). */
export function periodWhere(p: Period): SQL | undefined {
  return and(
    p.from ? gte(volunteerActivities.startsAt, localInstant(p.from)) : undefined,
    p.to ? lt(volunteerActivities.startsAt, localInstant(addDays(p.to, 1))) : undefined,
  );
}

export interface Counted {
  /** max(0, verified − penalty) in minutes. */
  minutes: number;
  hours: number;
  star: number;
  nextStar: number | null;
  hoursToNextStar: number | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** THE rule: counted hours = max(0, verified − penalty) / 60; the star by the thresholds in force. */
export function countedHours(verifiedMinutes: number, penaltyMinutes: number, starHours: readonly number[]): Counted {
  const minutes = Math.max(0, verifiedMinutes - penaltyMinutes);
  const exact = minutes / 60;
  const star = starLevel(exact, starHours);
  const toGo = hoursToNextStar(exact, starHours);
  return {
    minutes,
    hours: oneDecimal(exact),
    star,
    nextStar: toGo === null ? null : star + 1,
    // Rounded up so that "0.1 h to go" never shows as 0 while the star is not yet reached.
    hoursToNextStar: toGo === null ? null : Math.ceil(toGo * 10) / 10,
  };
}

export interface HoursFilterInput extends Period {
  q?: string;
  teamId?: string;
  communityId?: string;
  volunteerId?: string;
}

export interface VolunteerTotals {
  volunteerId: string;
  personId: string;
  name: string;
  communityId: string | null;
  communityName: string | null;
  verifiedMinutes: number;
  penaltyMinutes: number;
  services: number;
  noShows: number;
}

/** Every volunteer the filter and scope admit, with their minutes, penalties, services and no-shows in the period. */
export async function volunteerTotals(db: Db, scope: SQL, f: HoursFilterInput): Promise<VolunteerTotals[]> {
  const s = volunteerSignups;
  const period = periodWhere(f);
  const base = db
    .select({
      volunteerId: s.volunteerId,
      verified: sql<number>`coalesce(sum(${s.minutes}) filter (where ${s.state} = 'checked_out'), 0)::int`.as(
        'verified',
      ),
      penalty: sql<number>`coalesce(sum(${s.penaltyMinutes}) filter (where ${s.state} = 'no_show'), 0)::int`.as(
        'penalty',
      ),
      services: sql<number>`(count(*) filter (where ${s.state} = 'checked_out'))::int`.as('services'),
      noShows: sql<number>`(count(*) filter (where ${s.state} = 'no_show'))::int`.as('no_shows'),
    })
    .from(s)
    .$dynamic();
  // The activities are joined only for a period: without one the join is a third of the query's time.
  const agg = (period ? base.innerJoin(volunteerActivities, eq(volunteerActivities.id, s.activityId)) : base)
    .where(and(inArray(s.state, ['checked_out', 'no_show']), period))
    .groupBy(s.volunteerId)
    .as('agg');
  const rows = await db
    .select({
      volunteerId: volunteers.id,
      personId: volunteers.personId,
      name: people.name,
      communityId: people.communityId,
      communityName: organisations.name,
      verified: agg.verified,
      penalty: agg.penalty,
      services: agg.services,
      noShows: agg.noShows,
    })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .leftJoin(organisations, eq(organisations.id, people.communityId))
    .leftJoin(agg, eq(agg.volunteerId, volunteers.id))
    .where(
      and(
        scope,
        f.volunteerId ? eq(volunteers.id, f.volunteerId) : undefined,
        f.q ? ilike(people.name, `%${f.q}%`) : undefined,
        f.teamId ? inTeamWhere(db, eq(volunteerTeams.id, f.teamId)) : undefined,
        f.communityId ? ofCommunities(db, [f.communityId]) : undefined,
      ),
    );
  return rows.map((r) => ({
    volunteerId: r.volunteerId,
    personId: r.personId,
    name: r.name,
    communityId: r.communityId,
    communityName: r.communityName,
    verifiedMinutes: r.verified ?? 0,
    penaltyMinutes: r.penalty ?? 0,
    services: r.services ?? 0,
    noShows: r.noShows ?? 0,
  }));
}

/** The no-shows that can still block (ended within the window before now), per volunteer, for activities/' rule. */
export async function recentNoShows(
  db: Db,
  rules: VolunteerRulesView,
  now: Date,
  volunteerIds?: string[],
): Promise<Map<string, Date[]>> {
  if (rules.blockAfterNoShows <= 0 || volunteerIds?.length === 0) return new Map();
  const since = new Date(now.getTime() - rules.noShowWindowDays * DAY_MS);
  const rows = await db
    .select({ volunteerId: volunteerSignups.volunteerId, at: volunteerActivities.endsAt })
    .from(volunteerSignups)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
    .where(
      and(
        eq(volunteerSignups.state, 'no_show'),
        gte(volunteerActivities.endsAt, since),
        volunteerIds ? inArray(volunteerSignups.volunteerId, volunteerIds) : undefined,
      ),
    );
  const by = new Map<string, Date[]>();
  for (const r of rows) by.set(r.volunteerId, [...(by.get(r.volunteerId) ?? []), r.at]);
  return by;
}

/** Open team memberships of these volunteers, by team name. */
export async function teamsOf(db: Db, volunteerIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const by = new Map<string, { id: string; name: string }[]>();
  if (!volunteerIds.length) return by;
  const rows = await db
    .select({ volunteerId: volunteerTeamMembers.volunteerId, id: volunteerTeams.id, name: volunteerTeams.name })
    .from(volunteerTeamMembers)
    .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
    .where(and(inArray(volunteerTeamMembers.volunteerId, volunteerIds), sql`${volunteerTeamMembers.leftAt} is null`))
    .orderBy(volunteerTeams.name);
  for (const r of rows) by.set(r.volunteerId, [...(by.get(r.volunteerId) ?? []), { id: r.id, name: r.name }]);
  return by;
}

/** Activities in the period with a checked-out sign-up by one of these volunteers, and the residents they served. */
export async function servicesHeld(
  db: Db,
  volunteerIds: string[],
  p: Period,
): Promise<{ activities: number; residents: number }> {
  if (!volunteerIds.length) return { activities: 0, residents: 0 };
  const [row] = await db
    .select({
      activities: sql<number>`count(*)::int`,
      residents: sql<number>`coalesce(sum(${volunteerActivities.residentsServed}), 0)::int`,
    })
    .from(volunteerActivities)
    .where(
      and(
        periodWhere(p),
        // A semi-join over the sign-ups against the ids hashed once (a correlated = any() per activity was ~0.5 s).
        sql`${volunteerActivities.id} in (select ${volunteerSignups.activityId} from ${volunteerSignups}
          where ${volunteerSignups.state} = 'checked_out'
          and ${volunteerSignups.volunteerId} in (select unnest(${sql.param(volunteerIds)}::uuid[])))`,
      ),
    );
  return { activities: row?.activities ?? 0, residents: row?.residents ?? 0 };
}
