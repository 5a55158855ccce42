import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { formatLocalIso } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerServiceTypes,
  volunteerSignups,
  volunteers,
} from '../volunteers.schema.js';
import type { PresenceSignupView } from './presence.contracts.js';

/**
 * What presence reads, straight from the volunteer tables (activities/ builds the sign-up side at the same time;
 * presence depends only on the tables): the activity with its type, a volunteer's live sign-up, the day's counted
 * minutes for the cap, and whether the volunteer is an in-service Party member (the ledger record).
 */
export type ActivityRow = typeof volunteerActivities.$inferSelect;
export type SignupRow = typeof volunteerSignups.$inferSelect;
export interface PresenceActivity {
  a: ActivityRow;
  typeName: string;
  typeNameEn: string;
}

/** The activity and its type's names, or 404. */
export async function loadPresenceActivity(db: Db, id: string): Promise<PresenceActivity> {
  const [row] = await db
    .select({ a: volunteerActivities, typeName: volunteerServiceTypes.name, typeNameEn: volunteerServiceTypes.nameEn })
    .from(volunteerActivities)
    .innerJoin(volunteerServiceTypes, eq(volunteerServiceTypes.id, volunteerActivities.typeId))
    .where(eq(volunteerActivities.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The volunteer's live (not cancelled) sign-up at the activity, locked for the rest of the transaction with `lock`. */
export async function liveSignup(
  db: Db,
  activityId: string,
  volunteerId: string,
  lock = false,
): Promise<SignupRow | undefined> {
  const q = db
    .select()
    .from(volunteerSignups)
    .where(
      and(
        eq(volunteerSignups.activityId, activityId),
        eq(volunteerSignups.volunteerId, volunteerId),
        ne(volunteerSignups.state, 'cancelled'),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Serialises the check-outs of one volunteer (row lock), so two at once cannot both stay under the day cap. */
export async function lockVolunteer(tx: Db, volunteerId: string): Promise<typeof volunteers.$inferSelect> {
  const [v] = await tx.select().from(volunteers).where(eq(volunteers.id, volunteerId)).for('update');
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

/** Minutes already counted for the volunteer on the county day, by their other checked-out sign-ups. */
export async function minutesCountedOn(tx: Db, volunteerId: string, day: string, exceptSignupId: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${volunteerSignups.minutes}), 0)::int` })
    .from(volunteerSignups)
    .where(
      and(
        eq(volunteerSignups.volunteerId, volunteerId),
        eq(volunteerSignups.state, 'checked_out'),
        eq(volunteerSignups.day, day),
        ne(volunteerSignups.id, exceptSignupId),
      ),
    );
  return row?.n ?? 0;
}

/** The in-service Party member the volunteer is (by person), whose ledger gets the shift, or null. */
export async function inServiceMemberOf(tx: Db, personId: string): Promise<string | null> {
  const [m] = await tx
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .where(and(eq(partyMembers.personId, personId), eq(partyMembers.kind, 'in_service')))
    .limit(1);
  return m?.id ?? null;
}

/** The first role of the activity (a walk-in is put on it), or 404 when the activity has none. */
export async function firstRoleOf(tx: Db, activityId: string): Promise<string> {
  const [r] = await tx
    .select({ id: volunteerActivityRoles.id })
    .from(volunteerActivityRoles)
    .where(eq(volunteerActivityRoles.activityId, activityId))
    .orderBy(asc(volunteerActivityRoles.sort), asc(volunteerActivityRoles.createdAt))
    .limit(1);
  if (!r) throw new AppError('VOLUNTEER_ROLE_UNKNOWN');
  return r.id;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function selectSignupViews(db: Db) {
  return db
    .select({ s: volunteerSignups, roleName: volunteerActivityRoles.name, volunteerName: people.name })
    .from(volunteerSignups)
    .innerJoin(volunteerActivityRoles, eq(volunteerActivityRoles.id, volunteerSignups.roleId))
    .innerJoin(volunteers, eq(volunteers.id, volunteerSignups.volunteerId))
    .innerJoin(people, eq(people.id, volunteers.personId));
}

function presentSignup(r: { s: SignupRow; roleName: string; volunteerName: string }): PresenceSignupView {
  const { s } = r;
  return {
    id: s.id,
    activityId: s.activityId,
    roleId: s.roleId,
    roleName: r.roleName,
    volunteerId: s.volunteerId,
    volunteerName: r.volunteerName,
    state: s.state,
    checkedInAt: iso(s.checkedInAt),
    checkinMethod: s.checkinMethod,
    checkedOutAt: iso(s.checkedOutAt),
    checkoutMethod: s.checkoutMethod,
    autoClosed: s.autoClosed,
    minutes: s.minutes,
    cappedMinutes: s.cappedMinutes,
    penaltyMinutes: s.penaltyMinutes,
    day: s.day,
    correctionReason: s.correctionReason,
    serviceRecordId: s.serviceRecordId,
    version: s.version,
  };
}

/** One sign-up as presence shows it (role and volunteer names joined in). */
export async function signupView(db: Db, signupId: string): Promise<PresenceSignupView> {
  const [row] = await selectSignupViews(db).where(eq(volunteerSignups.id, signupId));
  if (!row) throw new AppError('NOT_FOUND');
  return presentSignup(row);
}

/** Several sign-ups as presence shows them, by id (one query). */
export async function signupViews(db: Db, ids: string[]): Promise<Map<string, PresenceSignupView>> {
  if (!ids.length) return new Map();
  const rows = await selectSignupViews(db).where(inArray(volunteerSignups.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.s.id, presentSignup(r)]));
}

/** The activity's live sign-ups (waitlisted and cancelled ones left out), by role then queue order. */
export async function presenceListOf(db: Db, activityId: string): Promise<PresenceSignupView[]> {
  const rows = await selectSignupViews(db)
    .where(
      and(
        eq(volunteerSignups.activityId, activityId),
        sql`${volunteerSignups.state} not in ('cancelled', 'waitlisted')`,
      ),
    )
    .orderBy(asc(volunteerActivityRoles.sort), asc(volunteerSignups.queuedAt), asc(volunteerSignups.id));
  return rows.map(presentSignup);
}

/** A sign-up with its activity, for corrections (404 when there is none). */
export async function loadSignupWithActivity(db: Db, signupId: string) {
  const [row] = await db.select().from(volunteerSignups).where(eq(volunteerSignups.id, signupId));
  if (!row) throw new AppError('NOT_FOUND');
  return { s: row, ...(await loadPresenceActivity(db, row.activityId)) };
}

/** "2027-03-12 08:30" in the county's zone, for messages. */
export function localLabel(at: Date): string {
  return formatLocalIso(at).slice(0, 16).replace('T', ' ');
}
