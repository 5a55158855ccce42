import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { clock } from '../../../../core/clock.js';
import type { Db } from '../../../../core/db.js';
import { AppError } from '../../../../core/errors.js';
import { recordService } from '../../../ledger/ledger.service.js';
import { organisations } from '../../../org/org.schema.js';
import { partyMembers } from '../../../people/members/members.schema.js';
import { people } from '../../../people/people.schema.js';
import { resolveCertificate } from '../../reports/reports.certificates.js';
import type { CheckinOpen, PostCheckout, PostSignupView } from '../activities.contracts.js';
import { CHECKIN_OPENS_MINUTES_BEFORE } from '../activities.enums.js';
import { assertMayCheckIn, checkinCommunitiesOf, checksInAt } from '../activities.policy.js';
import { type ActivityRow, loadCheckinTarget, presentActivity, selectActivities } from '../activities.service.js';
import { signupOf } from '../activities.signups.js';
import { servedSpan, signupState } from '../activities.time.js';
import { postActivities, postActivitySignups } from '../../posts/posts.schema.js';
import type { CheckinResult } from './checkin.batch.js';

/**
 * Check-in and check-out at a post activity (岗位签到): staff scan the member's 报到证 (its token is resolved by
 * reports/ — forged, expired and revoked tokens are refused there) or pick the member from the list. Check-in is open
 * from CHECKIN_OPENS_MINUTES_BEFORE the start to the end; a member checks in once (the unique (activity, member)
 * sign-up row turns a repeat, or two scans racing, into the first check-in); check-ins are written in batches
 * (checkin.batch.ts). Checking out writes the one service record of the sign-up through the ledger, which refuses
 * overlaps and over-long records: then nothing is written.
 */
type SignupRow = typeof postActivitySignups.$inferSelect;

/** What a check-in stored under an Idempotency-Key, answered again. */
export async function replayCheckin(db: Db, activityId: string, stored: unknown): Promise<CheckinResult> {
  const memberId = (stored as { memberId: string }).memberId;
  return { created: false, signup: (await signupOf(db, activityId, memberId)) as PostSignupView };
}

/**
 * Closes a sign-up: the ledger record for the span served (check-in to `at`, inside the activity's times), then the
 * check-out with the record's id. The ledger's refusals (overlap 409, over a day 422, nothing served 400) propagate
 * and roll the caller's transaction back.
 */
export async function closeSignup(
  tx: Db,
  actor: Actor | null,
  target: { a: ActivityRow; typeName: string; signup: SignupRow; at: Date; verifiedByUserId: string | null },
): Promise<void> {
  const { a, signup } = target;
  const span = servedSpan(a, signup.checkedInAt as Date, target.at);
  const record = await recordService(tx, actor, {
    memberId: signup.memberId,
    kind: 'post_duty',
    sourceId: signup.id,
    communityId: a.communityId,
    title: `${target.typeName} · ${a.title}`,
    ...span,
    verifiedByUserId: target.verifiedByUserId,
  });
  const [after] = await tx
    .update(postActivitySignups)
    .set({
      checkedOutAt: target.at,
      serviceRecordId: record.id,
      updatedAt: clock.now(),
      version: sql`${postActivitySignups.version} + 1`,
    })
    .where(eq(postActivitySignups.id, signup.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'post_activity_checkin.checkout',
    entityType: 'post_activity',
    entityId: a.id,
    before: signup,
    after,
  });
}

/** Staff check a member out (again: the first check-out, unchanged); before check-in: 409 POST_NOT_CHECKED_IN. */
export async function checkOut(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  input: PostCheckout;
}): Promise<PostSignupView> {
  const { db, actor } = opts;
  const view = await loadCheckinTarget(db, actor, opts.activityId);
  await assertMayCheckIn(db, actor, { communityId: view.a.communityId, gridCode: view.gridCode });
  await db.transaction(async (tx) => {
    const [signup] = await tx
      .select()
      .from(postActivitySignups)
      .where(and(eq(postActivitySignups.activityId, view.a.id), eq(postActivitySignups.memberId, opts.input.memberId)))
      .for('update');
    if (!signup?.checkedInAt) throw new AppError('POST_NOT_CHECKED_IN');
    if (signup.checkedOutAt) return;
    const at = clock.now();
    await closeSignup(tx, actor, { a: view.a, typeName: view.typeName, signup, at, verifiedByUserId: actor.userId });
  });
  return (await signupOf(db, view.a.id, opts.input.memberId)) as PostSignupView;
}

/** The scanned member, with the community they live in (whose activities they may serve at). */
async function scannedMember(db: Db, secret: string, token: string) {
  const cert = await resolveCertificate(db, secret, token, clock.now());
  const [m] = await db
    .select({
      id: partyMembers.id,
      name: people.name,
      residence: partyMembers.residenceCommunityId,
      communityName: organisations.name,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(organisations, eq(organisations.id, partyMembers.residenceCommunityId))
    .where(eq(partyMembers.id, cert.memberId));
  if (!m) throw new AppError('CERTIFICATE_INVALID');
  return m;
}

/**
 * What a scanner may check in at right now: the scheduled activities whose window is open, in the actor's check-in
 * scope (a grid worker: their grids'), and — after a scan — of the member's residence community, with where the
 * member stands at each.
 */
export async function openForCheckin(opts: {
  db: Db;
  actor: Actor;
  token?: string;
  secret: string;
}): Promise<CheckinOpen> {
  const { db, actor } = opts;
  const communities = await checkinCommunitiesOf(db, actor);
  const member = opts.token ? await scannedMember(db, opts.secret, opts.token) : null;
  const now = clock.now();
  const rows = await selectActivities(db)
    .where(
      and(
        eq(postActivities.state, 'scheduled'),
        lte(postActivities.startsAt, new Date(now.getTime() + CHECKIN_OPENS_MINUTES_BEFORE * 60_000)),
        gte(postActivities.endsAt, now),
        communities ? (communities.length ? inArray(postActivities.communityId, communities) : sql`false`) : undefined,
        member ? (member.residence ? eq(postActivities.communityId, member.residence) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(postActivities.startsAt), asc(postActivities.id))
    .limit(50);
  const allowed = [];
  for (const r of rows)
    if (await checksInAt(db, actor, { communityId: r.a.communityId, gridCode: r.gridCode })) allowed.push(r);
  const states = new Map<string, SignupRow>();
  if (member && allowed.length) {
    const signups = await db
      .select()
      .from(postActivitySignups)
      .where(
        and(
          eq(postActivitySignups.memberId, member.id),
          inArray(
            postActivitySignups.activityId,
            allowed.map((r) => r.a.id),
          ),
        ),
      );
    for (const s of signups) states.set(s.activityId, s);
  }
  return {
    member: member ? { id: member.id, name: member.name, communityName: member.communityName } : null,
    items: allowed.map((r) => {
      const s = states.get(r.a.id);
      return { ...presentActivity(r), memberState: s ? signupState(s) : null };
    }),
  };
}
