import { and, eq } from 'drizzle-orm';
import { addDays, localInstant } from '../src/core/calendar.js';
import { clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import { DEFAULT_POST_TYPE_KEYS } from '../src/modules/members/posts/posts.enums.js';
import { postActivitySignups, postTypes } from '../src/modules/members/posts/posts.schema.js';
import { certificateToken } from '../src/modules/members/reports/reports.certificates.js';
import { memberCertificates, memberReports } from '../src/modules/members/reports/reports.schema.js';
import { partyMembers } from '../src/modules/people/members/members.schema.js';
import { people } from '../src/modules/people/people.schema.js';
import type { TestContext } from './app.js';
import { api, expectOk } from './http.js';

/** Test rows for post activities: post types per community, extra members, 报到证 tokens. */

/** The eight post types in a community (the posts part seeds them in the demo); returns key → id. */
export async function seedPostTypes(db: Db, communityId: string): Promise<Record<string, string>> {
  const rows = await db
    .insert(postTypes)
    .values(DEFAULT_POST_TYPE_KEYS.map((key, i) => ({ communityId, key, name: `岗位${i + 1}`, nameEn: key, sort: i })))
    .onConflictDoNothing()
    .returning();
  const all = rows.length ? rows : await db.select().from(postTypes).where(eq(postTypes.communityId, communityId));
  return Object.fromEntries(all.map((t) => [t.key, t.id]));
}

/** An in-service member living in the community (with a unit, as the register has them). */
export async function addMember(
  db: Db,
  opts: { name: string; communityId: string; unitId: string; kind?: 'in_service' | 'retired' },
): Promise<string> {
  const [person] = await db
    .insert(people)
    .values({ name: opts.name, communityId: opts.communityId, roles: ['resident'] })
    .returning();
  const [m] = await db
    .insert(partyMembers)
    .values({
      personId: person.id,
      kind: opts.kind ?? 'in_service',
      unitId: opts.unitId,
      residenceCommunityId: opts.communityId,
      joinedAt: '2015-07-01',
    })
    .returning();
  return m.id;
}

/** An approved report with its certificate for the member; the token its QR code carries. */
export async function issueToken(
  db: Db,
  secret: string,
  opts: { memberId: string; communityId: string; expiresAt: Date; revoked?: boolean; serial: string },
): Promise<string> {
  const issuedAt = new Date(opts.expiresAt.getTime() - 365 * 86_400_000);
  const [report] = await db
    .insert(memberReports)
    .values({
      memberId: opts.memberId,
      communityId: opts.communityId,
      state: 'approved',
      appliedAt: issuedAt,
      decidedAt: issuedAt,
    })
    .returning();
  const [cert] = await db
    .insert(memberCertificates)
    .values({
      reportId: report.id,
      memberId: opts.memberId,
      communityId: opts.communityId,
      serial: opts.serial,
      issuedAt,
      expiresAt: opts.expiresAt,
      revokedAt: opts.revoked ? issuedAt : null,
    })
    .returning();
  return certificateToken(secret, cert);
}

/**
 * The authorisation matrix's post-activity rows of one side (test/authz/world.ts): the eight post types of its
 * community, an activity a week ahead scheduled by its staff, and a sign-up of its member added by staff.
 */
export async function matrixPostActivityRows(
  ctx: TestContext,
  opts: { staff: string; community: string; member: string },
): Promise<{ postActivity: string; postSignup: string }> {
  const call = api(ctx);
  const types = await seedPostTypes(ctx.database.db, opts.community);
  const day = addDays(clock.today(), 7);
  const activity = expectOk<{ id: string }>(
    await call('POST', '/api/post-activities', {
      as: opts.staff,
      body: {
        communityId: opts.community,
        postTypeId: types.environment,
        title: '矩阵岗位活动',
        place: '党群服务中心',
        startsAt: localInstant(day, '09:00').toISOString(),
        endsAt: localInstant(day, '11:00').toISOString(),
        capacity: 10,
      },
    }),
    201,
  );
  return { postActivity: activity.id, postSignup: await matrixSignup(ctx, activity.id, opts.member) };
}

/** The member's sign-up at the activity, written again if a probe removed it (test/authz/fresh.ts). */
export async function matrixSignup(ctx: TestContext, activityId: string, memberId: string): Promise<string> {
  const db = ctx.database.db;
  await db.insert(postActivitySignups).values({ activityId, memberId, signedUpAt: clock.now() }).onConflictDoNothing();
  const [row] = await db
    .select({ id: postActivitySignups.id })
    .from(postActivitySignups)
    .where(and(eq(postActivitySignups.activityId, activityId), eq(postActivitySignups.memberId, memberId)));
  return row.id;
}
