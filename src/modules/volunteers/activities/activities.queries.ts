import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { organisations } from '../../org/org.schema.js';
import { SLOT_HOLDING_STATES } from '../volunteers.enums.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerSeries,
  volunteerServiceTypes,
  volunteerSignups,
  volunteerTeams,
} from '../volunteers.schema.js';
import type { VolunteerActivityView, VolunteerRoleView } from './activities.contracts.js';

/**
 * Named reads of volunteer activities that the other parts use too (presence/ loads and locks an activity; the lists
 * present one with its roles' slots, taken and waiting).
 */
export type VolunteerActivityRow = typeof volunteerActivities.$inferSelect;
export type VolunteerRoleRow = typeof volunteerActivityRoles.$inferSelect;

/** An activity by id (404 volunteer_activity when there is none). Reading rights are the caller's to check. */
export async function loadActivity(db: Db, id: string): Promise<VolunteerActivityRow> {
  const [row] = await db.select().from(volunteerActivities).where(eq(volunteerActivities.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer_activity' });
  return row;
}

/**
 * The activity locked (SELECT … FOR UPDATE) for the rest of the transaction: sign-ups, cancellations and promotions
 * of one activity take this lock first, so they happen one after another and a role is never over-filled.
 */
export async function lockActivity(tx: Db, id: string): Promise<VolunteerActivityRow> {
  const [row] = await tx.select().from(volunteerActivities).where(eq(volunteerActivities.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer_activity' });
  return row;
}

export async function loadRole(db: Db, activityId: string, roleId: string): Promise<VolunteerRoleRow> {
  const [role] = await db
    .select()
    .from(volunteerActivityRoles)
    .where(and(eq(volunteerActivityRoles.id, roleId), eq(volunteerActivityRoles.activityId, activityId)));
  if (!role) throw new AppError('VOLUNTEER_ROLE_UNKNOWN');
  return role;
}

const holding = sql`${volunteerSignups.state} in (${sql.join(
  SLOT_HOLDING_STATES.map((s) => sql`${s}`),
  sql`, `,
)})`;

/** The roles of these activities with their slots taken and waiting, by activity, in their order. */
export async function rolesOf(db: Db, activityIds: readonly string[]): Promise<Map<string, VolunteerRoleView[]>> {
  const out = new Map<string, VolunteerRoleView[]>(activityIds.map((id) => [id, []]));
  if (!activityIds.length) return out;
  const rows = await db
    .select({
      r: volunteerActivityRoles,
      taken: sql<number>`count(${volunteerSignups.id}) filter (where ${holding})`.mapWith(Number),
      waiting:
        sql<number>`count(${volunteerSignups.id}) filter (where ${volunteerSignups.state} = 'waitlisted')`.mapWith(
          Number,
        ),
    })
    .from(volunteerActivityRoles)
    .leftJoin(volunteerSignups, eq(volunteerSignups.roleId, volunteerActivityRoles.id))
    .where(inArray(volunteerActivityRoles.activityId, [...activityIds]))
    .groupBy(volunteerActivityRoles.id)
    .orderBy(asc(volunteerActivityRoles.sort), asc(volunteerActivityRoles.id));
  for (const { r, taken, waiting } of rows) {
    out.get(r.activityId)?.push({
      id: r.id,
      name: r.name,
      slots: r.slots,
      sort: r.sort,
      taken,
      waiting,
      free: Math.max(0, r.slots - taken),
    });
  }
  return out;
}

/** Activities with the names of their community, team, type and series (the lists' select; filter and order added). */
export function selectActivities(db: Db) {
  return db
    .select({
      a: volunteerActivities,
      communityName: organisations.name,
      teamName: volunteerTeams.name,
      typeName: volunteerServiceTypes.name,
      typeNameEn: volunteerServiceTypes.nameEn,
      seriesId: volunteerSeries.id,
      seriesName: volunteerSeries.name,
      seriesNameEn: volunteerSeries.nameEn,
    })
    .from(volunteerActivities)
    .innerJoin(organisations, eq(organisations.id, volunteerActivities.communityId))
    .innerJoin(volunteerServiceTypes, eq(volunteerServiceTypes.id, volunteerActivities.typeId))
    .innerJoin(volunteerSeries, eq(volunteerSeries.id, volunteerServiceTypes.seriesId))
    .leftJoin(volunteerTeams, eq(volunteerTeams.id, volunteerActivities.teamId));
}
export type ActivityViewRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['execute']>>[number];

export function presentActivity(r: ActivityViewRow, roles: VolunteerRoleView[]): VolunteerActivityView {
  const a = r.a;
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: r.communityName,
    teamId: a.teamId,
    teamName: r.teamName,
    typeId: a.typeId,
    typeName: r.typeName,
    typeNameEn: r.typeNameEn,
    seriesId: r.seriesId,
    seriesName: r.seriesName,
    seriesNameEn: r.seriesNameEn,
    title: a.title,
    description: a.description,
    place: a.place,
    lng: a.lng,
    lat: a.lat,
    geofenceMeters: a.geofenceMeters,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    signupOpensAt: a.signupOpensAt.toISOString(),
    signupClosesAt: a.signupClosesAt.toISOString(),
    cancelDeadlineAt: a.cancelDeadlineAt.toISOString(),
    residentsServed: a.residentsServed,
    state: a.state,
    cancelReason: a.cancelReason,
    roles,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** Presents rows with their roles (one query for the roles of all of them). */
export async function presentActivities(db: Db, rows: ActivityViewRow[]): Promise<VolunteerActivityView[]> {
  const roles = await rolesOf(
    db,
    rows.map((r) => r.a.id),
  );
  return rows.map((r) => presentActivity(r, roles.get(r.a.id) ?? []));
}

/** One activity as the lists show it (404 when there is none). */
export async function activityView(db: Db, id: string): Promise<VolunteerActivityView> {
  const [row] = await selectActivities(db).where(eq(volunteerActivities.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer_activity' });
  const [view] = await presentActivities(db, [row]);
  return view;
}
