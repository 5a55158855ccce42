import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { maskPhone } from '../../../core/pii.js';
import { people } from '../../people/people.schema.js';
import { SLOT_HOLDING_STATES, type VolunteerSignupState } from '../volunteers.enums.js';
import { assertMayRunActivity, requireOwnVolunteer } from '../volunteers.policy.js';
import { volunteerActivityRoles, volunteers, volunteerSignups } from '../volunteers.schema.js';
import type { CancelSignup, SignupRequest, VolunteerSignupView } from './activities.contracts.js';
import { volunteerBlock } from './activities.block.js';
import { assertMayOrganise, assertMayTakePart, signupCanceller } from './activities.policy.js';
import { loadActivity, loadRole, lockActivity, type VolunteerActivityRow } from './activities.queries.js';
import { localLabel, signupOpenAt } from './activities.time.js';
import { fillRole } from './activities.waitlist.js';

/**
 * Sign-ups (报名) and cancellations. A volunteer signs themself up within the sign-up window; an organiser adds a
 * volunteer until the start. A full role puts the sign-up on its waitlist. A cancellation frees the slot for the
 * first waiting (activities.waitlist.ts). Every write takes the activity's row lock first (lockActivity): sign-ups,
 * cancellations and promotions of one activity happen one after another.
 */
export type SignupRow = typeof volunteerSignups.$inferSelect;
type VolunteerRow = typeof volunteers.$inferSelect;

export function selectSignups(db: Db) {
  return db
    .select({
      s: volunteerSignups,
      roleName: volunteerActivityRoles.name,
      roleSort: volunteerActivityRoles.sort,
      name: people.name,
      phone: people.phone,
      personId: people.id,
    })
    .from(volunteerSignups)
    .innerJoin(volunteerActivityRoles, eq(volunteerActivityRoles.id, volunteerSignups.roleId))
    .innerJoin(volunteers, eq(volunteers.id, volunteerSignups.volunteerId))
    .innerJoin(people, eq(people.id, volunteers.personId));
}
type SignupViewRow = Awaited<ReturnType<ReturnType<typeof selectSignups>['execute']>>[number];

export function presentSignup(r: SignupViewRow, queuePosition: number | null): VolunteerSignupView {
  const s = r.s;
  return {
    id: s.id,
    activityId: s.activityId,
    roleId: s.roleId,
    roleName: r.roleName,
    volunteerId: s.volunteerId,
    volunteerName: r.name,
    phone: maskPhone(r.phone),
    state: s.state,
    queuePosition: s.state === 'waitlisted' ? queuePosition : null,
    queuedAt: s.queuedAt.toISOString(),
    promotedAt: s.promotedAt?.toISOString() ?? null,
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkinMethod: s.checkinMethod,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    checkoutMethod: s.checkoutMethod,
    autoClosed: s.autoClosed,
    minutes: s.minutes,
    penaltyMinutes: s.penaltyMinutes,
  };
}

/** 1-based places on the waitlists of these roles, by queuedAt (then id), keyed by sign-up id. */
export async function queuePositions(db: Db, roleIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!roleIds.length) return out;
  const rows = await db
    .select({ id: volunteerSignups.id, roleId: volunteerSignups.roleId })
    .from(volunteerSignups)
    .where(and(inArray(volunteerSignups.roleId, [...roleIds]), eq(volunteerSignups.state, 'waitlisted')))
    .orderBy(asc(volunteerSignups.queuedAt), asc(volunteerSignups.id));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const n = (seen.get(r.roleId) ?? 0) + 1;
    seen.set(r.roleId, n);
    out.set(r.id, n);
  }
  return out;
}

export async function signupView(db: Db, id: string): Promise<VolunteerSignupView> {
  const [row] = await selectSignups(db).where(eq(volunteerSignups.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer_signup' });
  const positions = await queuePositions(db, [row.s.roleId]);
  return presentSignup(row, positions.get(id) ?? null);
}

/** The activity's roster for its organisers: by role, then holders before the waiting, in queue order. */
export async function listSignups(opts: { db: Db; actor: Actor; activityId: string }): Promise<VolunteerSignupView[]> {
  const { db, actor } = opts;
  assertMayOrganise(actor);
  const a = await loadActivity(db, opts.activityId);
  await assertMayRunActivity(db, actor, a);
  const rows = await selectSignups(db)
    .where(eq(volunteerSignups.activityId, a.id))
    .orderBy(asc(volunteerActivityRoles.sort), asc(volunteerSignups.queuedAt), asc(volunteerSignups.id));
  const positions = await queuePositions(db, [...new Set(rows.map((r) => r.s.roleId))]);
  return rows.map((r) => presentSignup(r, positions.get(r.s.id) ?? null));
}

/** Whose sign-up this is: the caller (self) or, when an organiser names one, that volunteer. */
async function volunteerFor(db: Db, actor: Actor, volunteerId: string | undefined): Promise<VolunteerRow> {
  if (volunteerId === undefined) {
    assertMayTakePart(actor);
    return requireOwnVolunteer(db, actor);
  }
  assertMayOrganise(actor);
  const [v] = await db.select().from(volunteers).where(eq(volunteers.id, volunteerId));
  if (!v) throw new AppError('NOT_FOUND', { entity: 'volunteer' });
  return v;
}

/**
 * What a sign-up needs to know under the lock, in one query: the role (of this activity), the slots it has taken, the
 * activity's latest queuedAt and the volunteer's live sign-up there, if any.
 */
async function signupFacts(tx: Db, a: VolunteerActivityRow, roleId: string, volunteerId: string) {
  // Written out with an alias: in a one-table select Drizzle leaves column names unqualified, and "role_id" = "id"
  // inside the subquery would compare the sign-up with itself.
  const holding = sql.join(
    SLOT_HOLDING_STATES.map((st) => sql`${st}`),
    sql`, `,
  );
  const [row] = await tx
    .select({
      role: volunteerActivityRoles,
      taken: sql<number>`(select count(*) from volunteer_signups vs
        where vs.role_id = volunteer_activity_roles.id and vs.state in (${holding}))`.mapWith(Number),
      latest:
        sql<Date | null>`(select max(vs.queued_at) from volunteer_signups vs where vs.activity_id = ${a.id})`.mapWith(
          volunteerSignups.queuedAt,
        ),
      live: sql<VolunteerSignupState | null>`(select vs.state from volunteer_signups vs where vs.activity_id = ${a.id}
        and vs.volunteer_id = ${volunteerId} and vs.state <> 'cancelled' limit 1)`,
    })
    .from(volunteerActivityRoles)
    .where(and(eq(volunteerActivityRoles.id, roleId), eq(volunteerActivityRoles.activityId, a.id)));
  if (!row) throw new AppError('VOLUNTEER_ROLE_UNKNOWN');
  return row;
}

/** The window (the volunteer's; the organiser may add until the start) and a cancelled activity. */
function assertOpenFor(a: VolunteerActivityRow, byOrganiser: boolean): void {
  if (a.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
  const now = clock.now();
  // The organiser may add someone until the start (a phone call, a walk-up); the window binds the volunteer.
  if (byOrganiser && now >= a.startsAt)
    throw new AppError('VOLUNTEER_ACTIVITY_STARTED', { startsAt: localLabel(a.startsAt) });
  if (!byOrganiser && !signupOpenAt(a, now))
    throw new AppError('VOLUNTEER_SIGNUP_CLOSED', {
      opensAt: localLabel(a.signupOpensAt),
      closesAt: localLabel(a.signupClosesAt),
    });
}

/**
 * Signs a volunteer up on a role: a free slot (signed_up) or the role's waitlist (waitlisted). Refusals write
 * nothing. The block is read before the activity's lock (it depends on other activities' no-shows, not on this one),
 * so the lock is held for three statements and the insert.
 */
export async function signUp(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  input: SignupRequest;
}): Promise<VolunteerSignupView> {
  const { db, actor, input } = opts;
  const byOrganiser = input.volunteerId !== undefined;
  const v = await volunteerFor(db, actor, input.volunteerId);
  if (v.state !== 'active') throw new AppError('VOLUNTEER_INACTIVE');
  const block = await volunteerBlock(db, v.id);
  const id = await db.transaction(async (tx) => {
    const a = await lockActivity(tx, opts.activityId);
    if (byOrganiser) await assertMayRunActivity(tx, actor, a);
    assertOpenFor(a, byOrganiser);
    const f = await signupFacts(tx, a, input.roleId, v.id);
    if (f.live) throw new AppError('VOLUNTEER_ALREADY_SIGNED_UP', { state: f.live });
    if (block) throw new AppError('VOLUNTEER_BLOCKED', { count: block.count, until: localLabel(block.until) });
    const now = clock.now();
    // Now, or 1 ms after the activity's latest when several arrive within a millisecond (or the clock stands still,
    // as in tests): under the lock queuedAt is strictly increasing per activity, so the queue is one total order.
    const queuedAt = f.latest && f.latest >= now ? new Date(f.latest.getTime() + 1) : now;
    const state = f.taken < f.role.slots ? 'signed_up' : 'waitlisted';
    const [row] = await tx
      .insert(volunteerSignups)
      .values({ activityId: a.id, roleId: f.role.id, volunteerId: v.id, state, queuedAt })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'volunteer_signup.create',
      entityType: 'volunteer_activity',
      entityId: a.id,
      after: row,
    });
    return row.id;
  });
  return signupView(db, id);
}

/**
 * Cancels a live sign-up (signed up or waiting): the volunteer until the cancellation deadline, the organiser until
 * the start. A freed slot goes to the first waiting on the role.
 */
export async function cancelSignup(opts: {
  db: Db;
  actor: Actor;
  signupId: string;
  input: CancelSignup;
}): Promise<VolunteerSignupView> {
  const { db, actor, signupId } = opts;
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ activityId: volunteerSignups.activityId })
      .from(volunteerSignups)
      .where(eq(volunteerSignups.id, signupId));
    if (!found) throw new AppError('NOT_FOUND', { entity: 'volunteer_signup' });
    const a = await lockActivity(tx, found.activityId);
    // Read again under the lock: a promotion or another cancellation may have changed it meanwhile.
    const [row] = await selectSignups(tx).where(eq(volunteerSignups.id, signupId));
    const who = await signupCanceller(tx, actor, a, row.personId);
    if (a.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
    const before = row.s;
    if (before.state !== 'signed_up' && before.state !== 'waitlisted') throw new AppError('VOLUNTEER_NOT_SIGNED_UP');
    const now = clock.now();
    if (who === 'self' && now > a.cancelDeadlineAt)
      throw new AppError('VOLUNTEER_CANCEL_DEADLINE_PASSED', { deadline: localLabel(a.cancelDeadlineAt) });
    if (now >= a.startsAt) throw new AppError('VOLUNTEER_ACTIVITY_STARTED', { startsAt: localLabel(a.startsAt) });
    const [after] = await tx
      .update(volunteerSignups)
      .set({ state: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(eq(volunteerSignups.id, before.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'volunteer_signup.cancel',
      entityType: 'volunteer_activity',
      entityId: a.id,
      before,
      after: { ...after, by: who, reason: opts.input?.reason ?? null },
    });
    if (before.state === 'signed_up') await fillRole(tx, actor, a, await loadRole(tx, a.id, before.roleId));
  });
  return signupView(db, signupId);
}
