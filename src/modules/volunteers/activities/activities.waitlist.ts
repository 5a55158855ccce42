import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { notificationTitle } from '../../../core/i18n.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { SLOT_HOLDING_STATES } from '../volunteers.enums.js';
import { volunteers, volunteerSignups } from '../volunteers.schema.js';
import type { VolunteerActivityRow, VolunteerRoleRow } from './activities.queries.js';

/**
 * The waitlist. Every function here runs inside a transaction that holds the activity's row lock (lockActivity), so
 * the counts it reads cannot change under it: a role is never over-filled and nobody is promoted twice.
 */

/** Sign-ups holding a slot of the role now. */
export async function takenSlots(tx: Db, roleId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.roleId, roleId), inArray(volunteerSignups.state, [...SLOT_HOLDING_STATES])));
  return n;
}

/**
 * Gives the role's free slots to the first waiting, by queuedAt: each becomes signed_up with promotedAt, is notified
 * with a link to the phone page, and the promotion is audited. Returns the promoted sign-ups' ids.
 */
export async function fillRole(
  tx: Db,
  actor: Actor | null,
  a: VolunteerActivityRow,
  role: Pick<VolunteerRoleRow, 'id' | 'name' | 'slots'>,
): Promise<string[]> {
  const free = role.slots - (await takenSlots(tx, role.id));
  if (free <= 0) return [];
  const waiting = await tx
    .select({ s: volunteerSignups, personId: volunteers.personId })
    .from(volunteerSignups)
    .innerJoin(volunteers, eq(volunteers.id, volunteerSignups.volunteerId))
    .where(and(eq(volunteerSignups.roleId, role.id), eq(volunteerSignups.state, 'waitlisted')))
    .orderBy(asc(volunteerSignups.queuedAt), asc(volunteerSignups.id))
    .limit(free);
  if (!waiting.length) return [];
  const now = clock.now();
  const promoted = await tx
    .update(volunteerSignups)
    .set({ state: 'signed_up', promotedAt: now, updatedAt: now })
    .where(
      and(
        inArray(
          volunteerSignups.id,
          waiting.map((w) => w.s.id),
        ),
        eq(volunteerSignups.state, 'waitlisted'),
      ),
    )
    .returning();
  for (const after of promoted) {
    const before = waiting.find((w) => w.s.id === after.id);
    await recordAudit(tx, {
      actor,
      action: 'volunteer_signup.promote',
      entityType: 'volunteer_activity',
      entityId: a.id,
      before: before?.s,
      after,
    });
    await notifyPeople(tx, [before?.personId], {
      kind: 'volunteer.promoted',
      title: notificationTitle('volunteer_promoted', { activity: a.title, role: role.name }),
      entityType: 'volunteer_activity',
      entityId: a.id,
      link: `/m/volunteer/activities/${a.id}`,
    });
  }
  return promoted.map((p) => p.id);
}
