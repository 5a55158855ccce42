import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { assertMayRunActivity } from '../volunteers.policy.js';
import { volunteerActivityRoles } from '../volunteers.schema.js';
import type { RoleEdit, UpdateVolunteerActivity, VolunteerActivityDetail } from './activities.contracts.js';
import type { VolunteerActivityRow, VolunteerRoleRow } from './activities.queries.js';
import {
  assertActiveType,
  assertNotStarted,
  assertPlace,
  assertTeamOf,
  assertTimes,
  getActivity,
  lockActivityToRun,
  writeActivity,
} from './activities.service.js';
import { fillRole, takenSlots } from './activities.waitlist.js';

/**
 * Editing an activity before it starts (VOLUNTEER_ACTIVITY_STARTED after): its fields, and its roles: add, rename,
 * re-size. A role's slots may not go below the sign-ups holding one (VOLUNTEER_SLOTS_BELOW_TAKEN); raising them gives
 * the new slots to the waitlist at once (promoted, notified). Under the activity's row lock, like sign-ups.
 */
export async function updateActivity(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateVolunteerActivity;
}): Promise<VolunteerActivityDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockActivityToRun(tx, actor, opts.id);
    assertNotStarted(before, clock.now());
    if (input.version !== undefined && input.version !== before.version) throw new AppError('STALE_UPDATE');
    const values = await editedValues(tx, actor, before, input);
    const after = await writeActivity(tx, actor, before, values, 'volunteer_activity.update');
    if (input.roles) await editRoles(tx, actor, after, input.roles);
  });
  return getActivity({ db: opts.db, actor, id: opts.id });
}

const pick = <T>(given: T | undefined, was: T): T => (given === undefined ? was : given);
const instant = (given: string | undefined, was: Date): Date => (given ? new Date(given) : was);

/** The activity's new fields, checked as at creation (team of the community and run by the actor, times, place). */
async function editedValues(tx: Db, actor: Actor, before: VolunteerActivityRow, input: UpdateVolunteerActivity) {
  const teamId = pick(input.teamId, before.teamId);
  if (teamId !== before.teamId) {
    await assertTeamOf(tx, teamId, before.communityId);
    await assertMayRunActivity(tx, actor, { communityId: before.communityId, teamId });
  }
  if (input.typeId && input.typeId !== before.typeId) await assertActiveType(tx, input.typeId);
  const times = {
    startsAt: instant(input.startsAt, before.startsAt),
    endsAt: instant(input.endsAt, before.endsAt),
    signupOpensAt: instant(input.signupOpensAt, before.signupOpensAt),
    signupClosesAt: instant(input.signupClosesAt, before.signupClosesAt),
    cancelDeadlineAt: instant(input.cancelDeadlineAt, before.cancelDeadlineAt),
  };
  assertTimes(times);
  const place = {
    lng: pick(input.lng, before.lng),
    lat: pick(input.lat, before.lat),
    geofenceMeters: pick(input.geofenceMeters, before.geofenceMeters),
  };
  assertPlace(place);
  return {
    ...times,
    ...place,
    teamId,
    typeId: input.typeId ?? before.typeId,
    title: input.title ?? before.title,
    description: pick(input.description, before.description),
    place: input.place ?? before.place,
  };
}

async function editRoles(tx: Db, actor: Actor, a: VolunteerActivityRow, edits: RoleEdit[]): Promise<void> {
  const roles = await tx
    .select()
    .from(volunteerActivityRoles)
    .where(eq(volunteerActivityRoles.activityId, a.id))
    .orderBy(asc(volunteerActivityRoles.sort));
  let sort = Math.max(-1, ...roles.map((r) => r.sort)) + 1;
  for (const edit of edits) {
    if (!edit.id) {
      const [added] = await tx
        .insert(volunteerActivityRoles)
        .values({ activityId: a.id, name: edit.name, slots: edit.slots, sort: sort++ })
        .returning();
      await auditRole(tx, actor, a, null, added);
      continue;
    }
    const before = roles.find((r) => r.id === edit.id);
    if (!before) throw new AppError('VOLUNTEER_ROLE_UNKNOWN');
    if (before.name === edit.name && before.slots === edit.slots) continue;
    const taken = await takenSlots(tx, before.id);
    if (edit.slots < taken) throw new AppError('VOLUNTEER_SLOTS_BELOW_TAKEN', { role: before.name, taken });
    const [after] = await tx
      .update(volunteerActivityRoles)
      .set({ name: edit.name, slots: edit.slots, updatedAt: clock.now() })
      .where(eq(volunteerActivityRoles.id, before.id))
      .returning();
    await auditRole(tx, actor, a, before, after);
    if (after.slots > before.slots) await fillRole(tx, actor, a, after);
  }
}

function auditRole(
  tx: Db,
  actor: Actor,
  a: VolunteerActivityRow,
  before: VolunteerRoleRow | null,
  after: VolunteerRoleRow,
): Promise<void> {
  return recordAudit(tx, {
    actor,
    action: before ? 'volunteer_activity_role.update' : 'volunteer_activity_role.create',
    entityType: 'volunteer_activity',
    entityId: a.id,
    before,
    after,
  });
}
