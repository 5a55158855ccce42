import type { Db } from '../../../core/db.js';
import type { VolunteerSignupState } from '../volunteers.enums.js';
import { volunteerActivities, volunteerActivityRoles, volunteerSignups } from '../volunteers.schema.js';

/**
 * Direct inserts of activities and sign-ups with their outcome (minutes, penalties, flags), for the hours tests and
 * the stars bench: hours/ reads what presence/ writes, and is tested without going through check-in.
 */

const HOUR_MS = 3_600_000;

export interface ActivitySpec {
  communityId: string;
  typeId: string;
  teamId?: string | null;
  startsAt: Date;
  hours?: number;
  title?: string;
  residentsServed?: number | null;
}

/** An activity with one role of ample slots; returns the ids sign-ups need. */
export async function insertActivity(db: Db, a: ActivitySpec): Promise<{ activityId: string; roleId: string }> {
  const endsAt = new Date(a.startsAt.getTime() + (a.hours ?? 2) * HOUR_MS);
  const opens = new Date(a.startsAt.getTime() - 7 * 24 * HOUR_MS);
  const [row] = await db
    .insert(volunteerActivities)
    .values({
      communityId: a.communityId,
      teamId: a.teamId ?? null,
      typeId: a.typeId,
      title: a.title ?? '街巷巡逻',
      place: '杭东路',
      startsAt: a.startsAt,
      endsAt,
      signupOpensAt: opens,
      signupClosesAt: a.startsAt,
      cancelDeadlineAt: a.startsAt,
      residentsServed: a.residentsServed ?? null,
    })
    .returning({ id: volunteerActivities.id });
  const [role] = await db
    .insert(volunteerActivityRoles)
    .values({ activityId: row.id, name: '巡逻员', slots: 1000 })
    .returning({ id: volunteerActivityRoles.id });
  return { activityId: row.id, roleId: role.id };
}

export interface SignupSpec {
  volunteerId: string;
  state: VolunteerSignupState;
  minutes?: number | null;
  penaltyMinutes?: number;
  cappedMinutes?: number;
  autoClosed?: boolean;
  correctionReason?: string | null;
}

/** Sign-ups of an activity, as presence/ leaves them (checked out with minutes, no-shows with a penalty …). */
export async function insertSignups(
  db: Db,
  at: { activityId: string; roleId: string; startsAt: Date },
  signups: SignupSpec[],
): Promise<string[]> {
  if (!signups.length) return [];
  const rows = await db
    .insert(volunteerSignups)
    .values(
      signups.map((s) => ({
        activityId: at.activityId,
        roleId: at.roleId,
        volunteerId: s.volunteerId,
        state: s.state,
        queuedAt: new Date(at.startsAt.getTime() - 24 * HOUR_MS),
        checkedInAt: s.state === 'checked_out' ? at.startsAt : null,
        checkedOutAt: s.state === 'checked_out' ? new Date(at.startsAt.getTime() + (s.minutes ?? 0) * 60_000) : null,
        minutes: s.state === 'checked_out' ? (s.minutes ?? 0) : null,
        penaltyMinutes: s.penaltyMinutes ?? 0,
        cappedMinutes: s.cappedMinutes ?? 0,
        autoClosed: s.autoClosed ?? false,
        correctionReason: s.correctionReason ?? null,
      })),
    )
    .returning({ id: volunteerSignups.id });
  return rows.map((r) => r.id);
}
