import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../src/core/auth/actor.js';
import { auditLog } from '../src/core/audit.schema.js';
import type { Db } from '../src/core/db.js';
import { users } from '../src/modules/auth/auth.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { people } from '../src/modules/people/people.schema.js';
import { SLOT_HOLDING_STATES } from '../src/modules/volunteers/volunteers.enums.js';
import { volunteerActivityRoles, volunteers, volunteerSignups } from '../src/modules/volunteers/volunteers.schema.js';
import { cancelSignup, signUp } from '../src/modules/volunteers/activities/activities.signups.js';

/**
 * The waitlist under load, shared by the concurrency API test and bench/volunteer-waitlist.ts: `n` volunteers
 * (inserted directly, with logins so that promotions are notified) sign up at once for one activity, and the first
 * `cancels` of them cancel as soon as their own sign-up is in — sign-ups, cancellations and promotions interleave on
 * the activity's row lock. `waitlistProblems` then lists every broken invariant (an empty list: correct).
 */
export interface LoadVolunteer {
  volunteerId: string;
  actor: Actor;
}

export async function insertLoadVolunteers(db: Db, n: number, communityId: string): Promise<LoadVolunteer[]> {
  const madePeople = await db
    .insert(people)
    .values(
      Array.from({ length: n }, (_, i) => ({ name: `Load volunteer ${i + 1}`, communityId, roles: ['volunteer'] })),
    )
    .returning({ id: people.id });
  const now = new Date(0);
  const vs = await db
    .insert(volunteers)
    .values(madePeople.map((p) => ({ personId: p.id, registeredAt: now })))
    .returning({ id: volunteers.id, personId: volunteers.personId });
  const logins = await db
    .insert(users)
    .values(
      madePeople.map((p, i) => ({
        username: `load${String(i + 1).padStart(3, '0')}${p.id.slice(0, 4)}`,
        displayName: `Load volunteer ${i + 1}`,
        passwordHash: '!',
        personId: p.id,
      })),
    )
    .returning({ id: users.id, username: users.username, personId: users.personId });
  return vs.map((v) => {
    const u = logins.find((l) => l.personId === v.personId);
    return {
      volunteerId: v.id,
      actor: {
        userId: u?.id ?? '',
        username: u?.username ?? '',
        displayName: u?.username ?? '',
        personId: v.personId,
        locale: 'zh-CN',
        bindings: [{ role: 'volunteer', scopeOrgId: null, scopeGridId: null }],
        ip: null,
        requestId: null,
      },
    };
  });
}

export interface LoadResult {
  operations: number;
  ms: number;
  failed: string[];
}

/** Volunteer i signs up on roleIds[i % roleIds.length]; the first `cancels` cancel right after. All in flight at once. */
export async function runWaitlistLoad(
  db: Db,
  activityId: string,
  roleIds: string[],
  vols: LoadVolunteer[],
  cancels: number,
): Promise<LoadResult> {
  const failed: string[] = [];
  const started = performance.now();
  await Promise.all(
    vols.map(async (v, i) => {
      try {
        const roleId = roleIds[i % roleIds.length];
        const s = await signUp({ db, actor: v.actor, activityId, input: { roleId } });
        if (i < cancels) await cancelSignup({ db, actor: v.actor, signupId: s.id, input: undefined });
      } catch (e) {
        failed.push(`${v.actor.username}: ${(e as Error).message}`);
      }
    }),
  );
  return { operations: vols.length + cancels, ms: performance.now() - started, failed };
}

/** Every broken invariant of an activity's sign-ups (empty when the waitlist is right). */
export async function waitlistProblems(db: Db, activityId: string): Promise<string[]> {
  const problems: string[] = [];
  const roles = await db.select().from(volunteerActivityRoles).where(eq(volunteerActivityRoles.activityId, activityId));
  const signups = await db
    .select()
    .from(volunteerSignups)
    .where(eq(volunteerSignups.activityId, activityId))
    .orderBy(asc(volunteerSignups.queuedAt));
  const times = new Set(signups.map((s) => s.queuedAt.getTime()));
  if (times.size !== signups.length) problems.push('two sign-ups share a queuedAt');
  const holding: readonly string[] = SLOT_HOLDING_STATES;
  for (const role of roles) {
    const mine = signups.filter((s) => s.roleId === role.id);
    const holders = mine.filter((s) => holding.includes(s.state));
    const waiting = mine.filter((s) => s.state === 'waitlisted');
    const live = holders.length + waiting.length;
    if (holders.length !== Math.min(role.slots, live))
      problems.push(`${role.name}: ${holders.length} hold a slot of ${role.slots} with ${live} live`);
    const lastHolder = Math.max(0, ...holders.map((s) => s.queuedAt.getTime()));
    const firstWaiting = Math.min(Number.POSITIVE_INFINITY, ...waiting.map((s) => s.queuedAt.getTime()));
    if (lastHolder >= firstWaiting) problems.push(`${role.name}: someone waits who queued before a slot holder`);
  }
  const promoted = signups.filter((s) => s.promotedAt !== null).map((s) => s.id);
  const audits = await db
    .select({ entityId: auditLog.entityId, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'volunteer_signup.promote'), eq(auditLog.entityId, activityId)));
  const promotedIds = audits.map((a) => (a.after as { id: string }).id);
  if (new Set(promotedIds).size !== promotedIds.length) problems.push('a sign-up was promoted twice');
  if (promotedIds.length !== promoted.length)
    problems.push(`${promotedIds.length} promotions audited, ${promoted.length} promoted`);
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.entityId, activityId), eq(notifications.kind, 'volunteer.promoted')));
  if (n !== promoted.length) problems.push(`${n} promotion notifications for ${promoted.length} promotions`);
  return problems;
}

/** Counts of an activity's sign-ups by state, and how many were promoted. */
export async function signupStates(db: Db, activityId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: volunteerSignups.state, n: count() })
    .from(volunteerSignups)
    .where(eq(volunteerSignups.activityId, activityId))
    .groupBy(volunteerSignups.state);
  const [{ promoted }] = await db
    .select({ promoted: count() })
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.activityId, activityId), isNotNull(volunteerSignups.promotedAt)));
  return { ...Object.fromEntries(rows.map((r) => [r.state, r.n])), promoted };
}
