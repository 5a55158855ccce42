import { and, asc, count, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { addDays, localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { escapeLike } from '../../../core/strings.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import type {
  CancelPostActivity,
  CreatePostActivity,
  FormOptions,
  PostActivityDetail,
  PostActivityListQuery,
  PostActivityView,
  UpdatePostActivity,
} from './activities.contracts.js';
import {
  activitiesVisibleTo,
  assertMayManageActivities,
  assertMayReadActivities,
  checksInAt,
  managesActivities,
} from './activities.policy.js';
import { activityTimesProblem, checkinClosesAt, checkinOpensAt, localLabel } from './activities.time.js';
import { postActivities, postActivitySignups, postOpenings, postTypes } from '../posts/posts.schema.js';

/**
 * Post activities (岗位活动): a community schedules a duty of one of its post types (optionally for a post opening
 * and a grid); members sign up, staff check them in and out, and checking out writes the ledger. This file holds the
 * activities themselves; sign-ups (activities.signups.ts), check-in (checkin/checkin.ts) and the sweep
 * (activities.sweep.ts) have their own. Every write is audited in its own transaction.
 */
export type ActivityRow = typeof postActivities.$inferSelect;

/**
 * Per activity: sign-ups, check-ins and no-shows, as correlated counts over the (activity, member) index: only the
 * rows shown are counted (a grouped join counted every sign-up of the table for each request).
 */
const countOf = (filter: SQL) =>
  sql<number>`(select count(*) from ${postActivitySignups} where ${postActivitySignups.activityId} = ${postActivities.id} and ${filter})`.mapWith(
    Number,
  );

export function selectActivities(db: Db) {
  return db
    .select({
      a: postActivities,
      communityName: organisations.name,
      typeName: postTypes.name,
      typeNameEn: postTypes.nameEn,
      openingTitle: postOpenings.title,
      gridName: grids.name,
      gridCode: grids.code,
      signupN: countOf(sql`true`),
      inN: countOf(sql`${postActivitySignups.checkedInAt} is not null`),
      noShowN: countOf(sql`${postActivitySignups.noShow}`),
    })
    .from(postActivities)
    .innerJoin(organisations, eq(organisations.id, postActivities.communityId))
    .innerJoin(postTypes, eq(postTypes.id, postActivities.postTypeId))
    .leftJoin(postOpenings, eq(postOpenings.id, postActivities.openingId))
    .leftJoin(grids, eq(grids.id, postActivities.gridId));
}

/** An activity with what check-in and check-out need (its type's name, its grid's code), without the counts. */
export async function loadCheckinTarget(db: Db, actor: Actor, id: string) {
  const [row] = await loadCheckinTargets(db, actor, [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_activity' });
  return row;
}

/** loadCheckinTarget for several activities in one query (the batched check-in): those the actor sees, in any order. */
export async function loadCheckinTargets(db: Db, actor: Actor, ids: readonly string[]) {
  assertMayReadActivities(actor);
  return db
    .select({ a: postActivities, typeName: postTypes.name, gridCode: grids.code })
    .from(postActivities)
    .innerJoin(postTypes, eq(postTypes.id, postActivities.postTypeId))
    .leftJoin(grids, eq(grids.id, postActivities.gridId))
    .where(and(inArray(postActivities.id, [...ids]), await activitiesVisibleTo(db, actor)));
}
export type CheckinTarget = Awaited<ReturnType<typeof loadCheckinTargets>>[number];
export type ActivityViewRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['execute']>>[number];

export function presentActivity(r: ActivityViewRow): PostActivityView {
  const a = r.a;
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: r.communityName,
    postTypeId: a.postTypeId,
    postTypeName: r.typeName,
    postTypeNameEn: r.typeNameEn,
    openingId: a.openingId,
    openingTitle: r.openingTitle,
    gridId: a.gridId,
    gridName: r.gridName,
    title: a.title,
    place: a.place,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    capacity: a.capacity,
    state: a.state,
    cancelReason: a.cancelReason,
    signupCount: Number(r.signupN ?? 0),
    checkedInCount: Number(r.inN ?? 0),
    noShowCount: Number(r.noShowN ?? 0),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** The filters of a list (county days for the range: `to` is inclusive). */
function filtersOf(q: PostActivityListQuery): (SQL | undefined)[] {
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return [
    q.communityId ? eq(postActivities.communityId, q.communityId) : undefined,
    q.postTypeId ? eq(postActivities.postTypeId, q.postTypeId) : undefined,
    q.gridId ? eq(postActivities.gridId, q.gridId) : undefined,
    q.state ? eq(postActivities.state, q.state) : undefined,
    q.from ? gte(postActivities.startsAt, localInstant(q.from)) : undefined,
    q.to ? lt(postActivities.startsAt, localInstant(addDays(q.to, 1))) : undefined,
    like ? or(ilike(postActivities.title, like), ilike(postActivities.place, like)) : undefined,
  ];
}

const SORT = {
  startsAt: postActivities.startsAt,
  title: postActivities.title,
  state: postActivities.state,
  capacity: postActivities.capacity,
  createdAt: postActivities.createdAt,
};

export async function listActivities(opts: {
  db: Db;
  actor: Actor;
  query: PostActivityListQuery;
}): Promise<Page<PostActivityView>> {
  assertMayReadActivities(opts.actor);
  const q = opts.query;
  const where = and(await activitiesVisibleTo(opts.db, opts.actor), ...filtersOf(q));
  const sort = orderBy(q.sort, SORT, [asc(postActivities.startsAt)], postActivities.id);
  return readPage(q, {
    rows: selectActivities(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db.select({ total: count() }).from(postActivities).where(where),
    present: presentActivity,
  });
}

/** An activity this actor may read (404 otherwise). */
export async function loadVisibleActivity(db: Db, actor: Actor, id: string): Promise<ActivityViewRow> {
  assertMayReadActivities(actor);
  const [row] = await selectActivities(db).where(and(eq(postActivities.id, id), await activitiesVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_activity' });
  return row;
}

export async function getActivity(opts: { db: Db; actor: Actor; id: string }): Promise<PostActivityDetail> {
  const { db, actor } = opts;
  const row = await loadVisibleActivity(db, actor, opts.id);
  return {
    ...presentActivity(row),
    checkinOpensAt: checkinOpensAt(row.a).toISOString(),
    checkinClosesAt: checkinClosesAt(row.a).toISOString(),
    can: {
      manage: await managesActivities(db, actor, row.a.communityId),
      checkin: await checksInAt(db, actor, { communityId: row.a.communityId, gridCode: row.gridCode }),
    },
  };
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message }]);
}

interface ActivityParts {
  communityId: string;
  postTypeId: string;
  openingId: string | null;
  gridId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** The times in order and at most a day long; the type, opening and grid all of the activity's community. */
async function assertParts(tx: Db, p: ActivityParts): Promise<void> {
  const problem = activityTimesProblem(p.startsAt, p.endsAt);
  if (problem) throw invalid('/endsAt', problem);
  const [type] = await tx.select().from(postTypes).where(eq(postTypes.id, p.postTypeId));
  if (type?.communityId !== p.communityId || !type.active)
    throw invalid('/postTypeId', 'not a post type of the community');
  if (p.openingId) {
    const [opening] = await tx.select().from(postOpenings).where(eq(postOpenings.id, p.openingId));
    if (opening?.communityId !== p.communityId || opening.postTypeId !== p.postTypeId)
      throw invalid('/openingId', 'not an opening of this post type in the community');
  }
  if (p.gridId) {
    const [grid] = await tx.select({ communityId: grids.communityId }).from(grids).where(eq(grids.id, p.gridId));
    if (grid?.communityId !== p.communityId) throw invalid('/gridId', 'not a grid of the community');
  }
}

export async function createActivity(opts: {
  db: Db;
  actor: Actor;
  input: CreatePostActivity;
}): Promise<PostActivityDetail> {
  const { actor, input } = opts;
  await assertMayManageActivities(opts.db, actor, input.communityId);
  const parts: ActivityParts = {
    communityId: input.communityId,
    postTypeId: input.postTypeId,
    openingId: input.openingId ?? null,
    gridId: input.gridId ?? null,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
  };
  const id = await opts.db.transaction(async (tx) => {
    await assertIsCommunity(tx, input.communityId);
    await assertParts(tx, parts);
    const [row] = await tx
      .insert(postActivities)
      .values({
        ...parts,
        title: input.title,
        place: input.place,
        capacity: input.capacity,
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'post_activity.create',
      entityType: 'post_activity',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getActivity({ db: opts.db, actor, id });
}

/** The activity locked for a write by one of its managers, at the version they saw. */
export async function lockActivityForWrite(tx: Db, actor: Actor, id: string, version?: number): Promise<ActivityRow> {
  assertMayReadActivities(actor);
  const [row] = await tx
    .select()
    .from(postActivities)
    .where(and(eq(postActivities.id, id), await activitiesVisibleTo(tx, actor)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_activity' });
  await assertMayManageActivities(tx, actor, row.communityId);
  if (version !== undefined && row.version !== version) throw new AppError('STALE_UPDATE');
  return row;
}

/** A scheduled activity that has not started may still change (409 otherwise). */
export function assertNotStarted(a: ActivityRow, now: Date): void {
  if (a.state === 'cancelled') throw new AppError('POST_ACTIVITY_CANCELLED');
  if (now >= a.startsAt) throw new AppError('POST_ACTIVITY_STARTED', { startsAt: localLabel(a.startsAt) });
}

async function writeActivity(
  tx: Db,
  actor: Actor,
  before: ActivityRow,
  values: Partial<typeof postActivities.$inferInsert>,
  action: string,
): Promise<void> {
  const [after] = await tx
    .update(postActivities)
    .set({ ...values, version: sql`${postActivities.version} + 1`, updatedAt: clock.now() })
    .where(eq(postActivities.id, before.id))
    .returning();
  await recordAudit(tx, { actor, action, entityType: 'post_activity', entityId: before.id, before, after });
}

/** Edits an activity before it starts; its capacity may not drop below the members already signed up. */
export async function updateActivity(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdatePostActivity;
}): Promise<PostActivityDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockActivityForWrite(tx, actor, opts.id, input.version);
    assertNotStarted(before, clock.now());
    const parts: ActivityParts = {
      communityId: before.communityId,
      postTypeId: input.postTypeId ?? before.postTypeId,
      openingId: input.openingId === undefined ? before.openingId : input.openingId,
      gridId: input.gridId === undefined ? before.gridId : input.gridId,
      startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
      endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
    };
    await assertParts(tx, parts);
    const capacity = input.capacity ?? before.capacity;
    const [{ n }] = await tx
      .select({ n: count() })
      .from(postActivitySignups)
      .where(eq(postActivitySignups.activityId, before.id));
    if (capacity < n) throw invalid('/capacity', `${n} members have signed up`);
    const values = { ...parts, capacity, title: input.title ?? before.title, place: input.place ?? before.place };
    await writeActivity(tx, actor, before, values, 'post_activity.update');
  });
  return getActivity({ db: opts.db, actor, id: opts.id });
}

/** Cancels an activity before it starts, with the reason members see. */
export async function cancelActivity(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: CancelPostActivity;
}): Promise<PostActivityDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockActivityForWrite(tx, actor, opts.id, input.version);
    assertNotStarted(before, clock.now());
    await writeActivity(tx, actor, before, { state: 'cancelled', cancelReason: input.reason }, 'post_activity.cancel');
  });
  return getActivity({ db: opts.db, actor, id: opts.id });
}

/** The choices of the activity form for a community its manager runs. */
export async function formOptions(opts: { db: Db; actor: Actor; communityId: string }): Promise<FormOptions> {
  const { db, communityId } = opts;
  await assertMayManageActivities(db, opts.actor, communityId);
  const [types, openings, gridRows] = await Promise.all([
    db
      .select({ id: postTypes.id, name: postTypes.name, nameEn: postTypes.nameEn })
      .from(postTypes)
      .where(and(eq(postTypes.communityId, communityId), eq(postTypes.active, true)))
      .orderBy(asc(postTypes.sort), asc(postTypes.name)),
    db
      .select({
        id: postOpenings.id,
        title: postOpenings.title,
        postTypeId: postOpenings.postTypeId,
        gridId: postOpenings.gridId,
      })
      .from(postOpenings)
      .where(
        and(
          eq(postOpenings.communityId, communityId),
          eq(postOpenings.state, 'open'),
          eq(postOpenings.year, clock.year()),
        ),
      )
      .orderBy(asc(postOpenings.title)),
    db
      .select({ id: grids.id, name: grids.name, level: grids.level })
      .from(grids)
      .where(and(eq(grids.communityId, communityId), lt(grids.level, 4)))
      .orderBy(asc(grids.level), asc(grids.code)),
  ]);
  return { postTypes: types, openings, grids: gridRows };
}
