import { and, asc, count, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { addDays, localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { notificationTitle } from '../../../core/i18n.js';
import { orderBy, type Page } from '../../../core/list.js';
import { escapeLike } from '../../../core/strings.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { assertIsCommunity } from '../../org/org.service.js';
import { currentVolunteerRules } from '../rules.js';
import { assertMayRunActivity } from '../volunteers.policy.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteers,
  volunteerServiceTypes,
  volunteerSignups,
  volunteerTeams,
} from '../volunteers.schema.js';
import type {
  ActivityOutcome,
  CancelVolunteerActivity,
  CreateVolunteerActivity,
  VolunteerActivityDetail,
  VolunteerActivityListQuery,
  VolunteerActivityView,
} from './activities.contracts.js';
import {
  activitiesListedFor,
  assertMayOrganise,
  assertMayReadActivities,
  mayRunActivity,
} from './activities.policy.js';
import {
  activityView,
  lockActivity,
  presentActivities,
  selectActivities,
  type VolunteerActivityRow,
} from './activities.queries.js';
import { localLabel, timesInOrder } from './activities.time.js';

/**
 * Volunteer activities (志愿服务活动): scheduling, listing, cancelling and the outcome. Editing (roles and slots) is
 * activities.edit.ts; sign-ups and the waitlist activities.signups.ts. Every write is audited in its transaction.
 */

export const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', {}, [{ path, message }]);

/** The type is in the catalogue and active (VOLUNTEER_TYPE_UNKNOWN otherwise). */
export async function assertActiveType(tx: Db, typeId: string): Promise<void> {
  const [t] = await tx
    .select({ active: volunteerServiceTypes.active })
    .from(volunteerServiceTypes)
    .where(eq(volunteerServiceTypes.id, typeId));
  if (!t?.active) throw new AppError('VOLUNTEER_TYPE_UNKNOWN');
}

/** A team, when given, is an active team of the activity's community. */
export async function assertTeamOf(tx: Db, teamId: string | null, communityId: string): Promise<void> {
  if (!teamId) return;
  const [team] = await tx.select().from(volunteerTeams).where(eq(volunteerTeams.id, teamId));
  if (!team?.active || team.communityId !== communityId) throw invalid('/teamId', 'not a team of the community');
}

/** A geofence needs a place on the map; lng and lat go together. */
export function assertPlace(p: { lng: number | null; lat: number | null; geofenceMeters: number | null }): void {
  if ((p.lng === null) !== (p.lat === null)) throw invalid('/lat', 'lng and lat go together');
  if (p.geofenceMeters !== null && p.lng === null) throw invalid('/geofenceMeters', 'a geofence needs lng and lat');
}

export function assertTimes(t: Parameters<typeof timesInOrder>[0]): void {
  if (!timesInOrder(t)) throw new AppError('VOLUNTEER_ACTIVITY_TIME_ORDER');
}

/** A scheduled activity that has not started may still change. */
export function assertNotStarted(a: VolunteerActivityRow, now: Date): void {
  if (a.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
  if (now >= a.startsAt) throw new AppError('VOLUNTEER_ACTIVITY_STARTED', { startsAt: localLabel(a.startsAt) });
}

export async function createActivity(opts: {
  db: Db;
  actor: Actor;
  input: CreateVolunteerActivity;
}): Promise<VolunteerActivityDetail> {
  const { db, actor, input } = opts;
  assertMayOrganise(actor);
  const teamId = input.teamId ?? null;
  const lng = input.lng ?? null;
  const lat = input.lat ?? null;
  const geofenceMeters =
    input.geofenceMeters !== undefined
      ? input.geofenceMeters
      : lng !== null && lat !== null
        ? (await currentVolunteerRules(db)).geofenceMeters
        : null;
  const times = {
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    signupOpensAt: new Date(input.signupOpensAt),
    signupClosesAt: new Date(input.signupClosesAt),
    cancelDeadlineAt: new Date(input.cancelDeadlineAt),
  };
  const id = await db.transaction(async (tx) => {
    await assertIsCommunity(tx, input.communityId);
    await assertTeamOf(tx, teamId, input.communityId);
    await assertMayRunActivity(tx, actor, { communityId: input.communityId, teamId });
    assertTimes(times);
    assertPlace({ lng, lat, geofenceMeters });
    await assertActiveType(tx, input.typeId);
    const [row] = await tx
      .insert(volunteerActivities)
      .values({
        communityId: input.communityId,
        teamId,
        typeId: input.typeId,
        title: input.title,
        description: input.description ?? null,
        place: input.place,
        lng,
        lat,
        geofenceMeters,
        ...times,
        createdByUserId: actor.userId,
      })
      .returning();
    const roles = await tx
      .insert(volunteerActivityRoles)
      .values(input.roles.map((r, sort) => ({ activityId: row.id, name: r.name, slots: r.slots, sort })))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'volunteer_activity.create',
      entityType: 'volunteer_activity',
      entityId: row.id,
      after: { ...row, roles },
    });
    return row.id;
  });
  return getActivity({ db, actor, id });
}

/** The activity locked for a write by one who runs it (404 when there is none, 403 for anyone else). */
export async function lockActivityToRun(tx: Db, actor: Actor, id: string): Promise<VolunteerActivityRow> {
  assertMayOrganise(actor);
  const a = await lockActivity(tx, id);
  await assertMayRunActivity(tx, actor, a);
  return a;
}

export async function writeActivity(
  tx: Db,
  actor: Actor,
  before: VolunteerActivityRow,
  values: Partial<typeof volunteerActivities.$inferInsert>,
  action: string,
): Promise<VolunteerActivityRow> {
  const [after] = await tx
    .update(volunteerActivities)
    .set({ ...values, version: sql`${volunteerActivities.version} + 1`, updatedAt: clock.now() })
    .where(eq(volunteerActivities.id, before.id))
    .returning();
  await recordAudit(tx, { actor, action, entityType: 'volunteer_activity', entityId: before.id, before, after });
  return after;
}

/**
 * Cancels an activity before it starts: every live sign-up (signed up or waiting) is cancelled with it and its
 * volunteer notified with the reason.
 */
export async function cancelActivity(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: CancelVolunteerActivity;
}): Promise<VolunteerActivityDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockActivityToRun(tx, actor, opts.id);
    assertNotStarted(before, clock.now());
    const a = await writeActivity(
      tx,
      actor,
      before,
      { state: 'cancelled', cancelReason: input.reason },
      'volunteer_activity.cancel',
    );
    const now = clock.now();
    const live = or(eq(volunteerSignups.state, 'signed_up'), eq(volunteerSignups.state, 'waitlisted'));
    const cancelled = await tx
      .update(volunteerSignups)
      .set({ state: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(and(eq(volunteerSignups.activityId, a.id), live))
      .returning({ volunteerId: volunteerSignups.volunteerId });
    if (!cancelled.length) return;
    const persons = await tx
      .select({ personId: volunteers.personId })
      .from(volunteers)
      .where(
        inArray(
          volunteers.id,
          cancelled.map((c) => c.volunteerId),
        ),
      );
    await notifyPeople(
      tx,
      persons.map((p) => p.personId),
      {
        kind: 'volunteer.activity_cancelled',
        title: notificationTitle('volunteer_activity_cancelled', { activity: a.title, reason: input.reason }),
        entityType: 'volunteer_activity',
        entityId: a.id,
        link: `/m/volunteer/activities/${a.id}`,
      },
    );
  });
  return getActivity({ db: opts.db, actor, id: opts.id });
}

/** Records the residents an activity reached (the article's "380 services"), once it has started. */
export async function recordOutcome(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: ActivityOutcome;
}): Promise<VolunteerActivityDetail> {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockActivityToRun(tx, actor, opts.id);
    if (before.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
    if (clock.now() < before.startsAt)
      throw new AppError('VOLUNTEER_ACTIVITY_NOT_STARTED', { startsAt: localLabel(before.startsAt) });
    await writeActivity(
      tx,
      actor,
      before,
      { residentsServed: opts.input.residentsServed },
      'volunteer_activity.outcome',
    );
  });
  return getActivity({ db: opts.db, actor, id: opts.id });
}

/** The filters of the staff list (county days for the range: `to` is inclusive). */
function filtersOf(q: VolunteerActivityListQuery): (SQL | undefined)[] {
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return [
    q.communityId ? eq(volunteerActivities.communityId, q.communityId) : undefined,
    q.teamId ? eq(volunteerActivities.teamId, q.teamId) : undefined,
    q.typeId ? eq(volunteerActivities.typeId, q.typeId) : undefined,
    q.state ? eq(volunteerActivities.state, q.state) : undefined,
    q.from ? gte(volunteerActivities.startsAt, localInstant(q.from)) : undefined,
    q.to ? lt(volunteerActivities.startsAt, localInstant(addDays(q.to, 1))) : undefined,
    like ? or(ilike(volunteerActivities.title, like), ilike(volunteerActivities.place, like)) : undefined,
  ];
}

const SORT = {
  startsAt: volunteerActivities.startsAt,
  title: volunteerActivities.title,
  state: volunteerActivities.state,
  createdAt: volunteerActivities.createdAt,
};

export async function listActivities(opts: {
  db: Db;
  actor: Actor;
  query: VolunteerActivityListQuery;
}): Promise<Page<VolunteerActivityView>> {
  const { db, actor, query: q } = opts;
  assertMayReadActivities(actor);
  const where = and(await activitiesListedFor(db, actor), ...filtersOf(q));
  const sort = orderBy(q.sort, SORT, [asc(volunteerActivities.startsAt)], volunteerActivities.id);
  const offset = (q.page - 1) * q.pageSize;
  const [rows, [{ total }]] = await Promise.all([
    selectActivities(db)
      .where(where)
      .orderBy(...sort)
      .limit(q.pageSize)
      .offset(offset),
    db.select({ total: count() }).from(volunteerActivities).where(where),
  ]);
  return { items: await presentActivities(db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** One activity with its roles: readable by anyone who reads volunteer service or takes part (county-wide). */
export async function getActivity(opts: { db: Db; actor: Actor; id: string }): Promise<VolunteerActivityDetail> {
  assertMayReadActivities(opts.actor);
  const view = await activityView(opts.db, opts.id);
  return { ...view, can: { run: await mayRunActivity(opts.db, opts.actor, view) } };
}
