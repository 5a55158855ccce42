import { and, asc, count, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import type { AddSignup, MyPostActivity, PostSignupView } from './activities.contracts.js';
import { MEMBER_UPCOMING_DAYS } from './activities.enums.js';
import { assertMaySignUpSelf, signupsVisibleTo } from './activities.policy.js';
import {
  type ActivityRow,
  assertNotStarted,
  loadVisibleActivity,
  lockActivityForWrite,
  presentActivity,
  selectActivities,
} from './activities.service.js';
import { signupState } from './activities.time.js';
import { ownMember } from '../reports/reports.service.js';
import { postActivities, postActivitySignups, postAssignments, postOpenings } from '../posts/posts.schema.js';

/**
 * Sign-ups (报名): a member signs up for an activity of their residence community and may withdraw until it starts;
 * staff add and remove members the same way. Capacity counts every sign-up row (a walk-in checked in without one
 * gets a row too, but is never refused for capacity: they are already there). A sign-up is unique per activity and
 * member, so signing up twice is the first sign-up.
 */
export type SignupRow = typeof postActivitySignups.$inferSelect;

export function selectSignups(db: Db) {
  return db
    .select({
      s: postActivitySignups,
      memberName: people.name,
      unitName: organisations.name,
      minutes: serviceRecords.minutes,
    })
    .from(postActivitySignups)
    .innerJoin(partyMembers, eq(partyMembers.id, postActivitySignups.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(organisations, eq(organisations.id, partyMembers.unitId))
    .leftJoin(serviceRecords, eq(serviceRecords.id, postActivitySignups.serviceRecordId));
}

export function presentSignup(r: {
  s: SignupRow;
  memberName: string;
  unitName: string | null;
  minutes: number | null;
}): PostSignupView {
  const s = r.s;
  return {
    id: s.id,
    activityId: s.activityId,
    memberId: s.memberId,
    memberName: r.memberName,
    unitName: r.unitName,
    state: signupState(s),
    signedUpAt: s.signedUpAt?.toISOString() ?? null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkinMethod: s.checkinMethod,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    serviceRecordId: s.serviceRecordId,
    minutes: r.minutes,
  };
}

export async function signupOf(db: Db, activityId: string, memberId: string): Promise<PostSignupView | null> {
  const [row] = await selectSignups(db).where(
    and(eq(postActivitySignups.activityId, activityId), eq(postActivitySignups.memberId, memberId)),
  );
  return row ? presentSignup(row) : null;
}

export async function listSignups(opts: { db: Db; actor: Actor; activityId: string }): Promise<PostSignupView[]> {
  const view = await loadVisibleActivity(opts.db, opts.actor, opts.activityId);
  const rows = await selectSignups(opts.db)
    .where(
      and(
        eq(postActivitySignups.activityId, view.a.id),
        await signupsVisibleTo(opts.db, opts.actor, view.a.communityId),
      ),
    )
    .orderBy(asc(people.name), asc(postActivitySignups.id));
  return rows.map(presentSignup);
}

/** What the activity rules need to know of a member. */
export interface MemberFacts {
  kind: string;
  residence: string | null;
  name: string;
}

/**
 * The member as an activity needs them: in service (MEMBER_NOT_IN_SERVICE) and living in its community
 * (POST_MEMBER_OTHER_COMMUNITY): 双报到 is service where one lives.
 */
export async function assertServesAt(tx: Db, m: MemberFacts, a: Pick<ActivityRow, 'communityId'>): Promise<void> {
  if (m.kind !== 'in_service') throw new AppError('MEMBER_NOT_IN_SERVICE');
  if (m.residence !== a.communityId) {
    const [c] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, a.communityId));
    throw new AppError('POST_MEMBER_OTHER_COMMUNITY', { name: m.name, community: c?.name ?? '' });
  }
}

export const unknownMember = () =>
  new AppError('VALIDATION_FAILED', {}, [{ path: '/memberId', message: 'unknown Party member' }]);

export async function assertMemberFor(tx: Db, memberId: string, a: ActivityRow): Promise<void> {
  const [m] = await tx
    .select({ kind: partyMembers.kind, residence: partyMembers.residenceCommunityId, name: people.name })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(eq(partyMembers.id, memberId));
  if (!m) throw unknownMember();
  await assertServesAt(tx, m, a);
}

/** Signs a member up at a locked activity: the existing sign-up if any, else a new one within capacity. */
async function insertSignup(tx: Db, actor: Actor, a: ActivityRow, memberId: string): Promise<void> {
  const now = clock.now();
  assertNotStarted(a, now);
  await assertMemberFor(tx, memberId, a);
  const [existing] = await tx
    .select({ id: postActivitySignups.id })
    .from(postActivitySignups)
    .where(and(eq(postActivitySignups.activityId, a.id), eq(postActivitySignups.memberId, memberId)));
  if (existing) return;
  const [{ n }] = await tx
    .select({ n: count() })
    .from(postActivitySignups)
    .where(eq(postActivitySignups.activityId, a.id));
  if (n >= a.capacity) throw new AppError('POST_ACTIVITY_FULL', { capacity: a.capacity });
  const [row] = await tx
    .insert(postActivitySignups)
    .values({ activityId: a.id, memberId, signedUpAt: now })
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'post_activity_signup.create',
    entityType: 'post_activity',
    entityId: a.id,
    after: row,
  });
}

/** Removes a sign-up that has not checked in, before the activity starts. */
async function deleteSignup(tx: Db, actor: Actor, a: ActivityRow, where: SQL): Promise<void> {
  assertNotStarted(a, clock.now());
  const [row] = await tx
    .select()
    .from(postActivitySignups)
    .where(and(eq(postActivitySignups.activityId, a.id), where));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_activity_signup' });
  if (row.checkedInAt) throw new AppError('POST_SIGNUP_CHECKED_IN');
  await tx.delete(postActivitySignups).where(eq(postActivitySignups.id, row.id));
  await recordAudit(tx, {
    actor,
    action: 'post_activity_signup.remove',
    entityType: 'post_activity',
    entityId: a.id,
    before: row,
  });
}

/** Staff add a member (the community's managers). */
export async function addSignup(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  input: AddSignup;
}): Promise<PostSignupView> {
  await opts.db.transaction(async (tx) => {
    const a = await lockActivityForWrite(tx, opts.actor, opts.activityId);
    await insertSignup(tx, opts.actor, a, opts.input.memberId);
  });
  return (await signupOf(opts.db, opts.activityId, opts.input.memberId)) as PostSignupView;
}

export async function removeSignup(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  signupId: string;
}): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const a = await lockActivityForWrite(tx, opts.actor, opts.activityId);
    await deleteSignup(tx, opts.actor, a, eq(postActivitySignups.id, opts.signupId));
  });
}

/** The actor's own Party member record, if any. */
/** An activity of the member's own community, locked (404 for any other: a member sees only where they live). */
async function lockOwnActivity(tx: Db, activityId: string, residence: string | null): Promise<ActivityRow> {
  const [a] = await tx
    .select()
    .from(postActivities)
    .where(and(eq(postActivities.id, activityId), residence ? eq(postActivities.communityId, residence) : sql`false`))
    .for('update');
  if (!a) throw new AppError('NOT_FOUND', { entity: 'post_activity' });
  return a;
}

/** A member signs themself up (201 new, 200 already signed up). */
export async function signUpSelf(opts: { db: Db; actor: Actor; activityId: string }): Promise<PostSignupView> {
  const member = await ownMember(opts.db, opts.actor);
  assertMaySignUpSelf(opts.actor, member);
  await opts.db.transaction(async (tx) => {
    const a = await lockOwnActivity(tx, opts.activityId, member.residenceCommunityId);
    await insertSignup(tx, opts.actor, a, member.id);
  });
  return (await signupOf(opts.db, opts.activityId, member.id)) as PostSignupView;
}

export async function withdrawSelf(opts: { db: Db; actor: Actor; activityId: string }): Promise<void> {
  const member = await ownMember(opts.db, opts.actor);
  assertMaySignUpSelf(opts.actor, member);
  await opts.db.transaction(async (tx) => {
    const a = await lockOwnActivity(tx, opts.activityId, member.residenceCommunityId);
    await deleteSignup(tx, opts.actor, a, eq(postActivitySignups.memberId, member.id));
  });
}

/** The openings and post types of the member's confirmed post(s) this year. */
async function myPosts(db: Db, memberId: string): Promise<{ openingId: string; postTypeId: string }[]> {
  return db
    .select({ openingId: postOpenings.id, postTypeId: postOpenings.postTypeId })
    .from(postAssignments)
    .innerJoin(postOpenings, eq(postOpenings.id, postAssignments.openingId))
    .where(
      and(
        eq(postAssignments.memberId, memberId),
        eq(postAssignments.state, 'confirmed'),
        eq(postAssignments.year, clock.year()),
      ),
    );
}

/**
 * A member's list: the activities of their residence community not yet over and starting within the next
 * MEMBER_UPCOMING_DAYS (cancelled ones only if they had signed up), those of their own post first, then by start.
 */
export async function myActivities(opts: { db: Db; actor: Actor }): Promise<MyPostActivity[]> {
  const member = await ownMember(opts.db, opts.actor);
  assertMaySignUpSelf(opts.actor, member);
  if (!member.residenceCommunityId) return [];
  const now = clock.now();
  const signedUp = sql`exists (select 1 from ${postActivitySignups} where ${postActivitySignups.activityId} = ${postActivities.id}
    and ${postActivitySignups.memberId} = ${member.id})`;
  const rows = await selectActivities(opts.db)
    .where(
      and(
        eq(postActivities.communityId, member.residenceCommunityId),
        gte(postActivities.endsAt, now),
        lt(postActivities.startsAt, new Date(now.getTime() + MEMBER_UPCOMING_DAYS * 86_400_000)),
        or(eq(postActivities.state, 'scheduled'), signedUp),
      ),
    )
    .orderBy(asc(postActivities.startsAt), asc(postActivities.id))
    .limit(200);
  if (!rows.length) return [];
  const mine = new Map(
    (
      await selectSignups(opts.db).where(
        and(
          eq(postActivitySignups.memberId, member.id),
          inArray(
            postActivitySignups.activityId,
            rows.map((r) => r.a.id),
          ),
        ),
      )
    ).map((r) => [r.s.activityId, presentSignup(r)]),
  );
  const posts = await myPosts(opts.db, member.id);
  const items = rows.map((r): MyPostActivity => {
    const { noShowCount: _n, ...view } = presentActivity(r);
    const s = mine.get(r.a.id);
    return {
      ...view,
      myPost: posts.some((p) => p.openingId === r.a.openingId || p.postTypeId === r.a.postTypeId),
      mySignup: s
        ? {
            state: s.state,
            signedUpAt: s.signedUpAt,
            checkedInAt: s.checkedInAt,
            checkedOutAt: s.checkedOutAt,
            minutes: s.minutes,
          }
        : null,
    };
  });
  // Stable: by start within each group, the member's own post's activities first.
  return [...items.filter((i) => i.myPost), ...items.filter((i) => !i.myPost)];
}
