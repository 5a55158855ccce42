import { and, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { escapeLike } from '../../../core/strings.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import type {
  CreatePostOpening,
  PostOpeningListQuery,
  PostOpeningView,
  UpdatePostOpening,
} from './posts.openings.contracts.js';
import {
  assertMayChange,
  assertMayManagePosts,
  assertMayReadPosts,
  openingsVisibleTo,
} from './posts.openings.policy.js';
import { postAssignments, postOpenings, postTypes } from './posts.schema.js';
import { activeTypeOf, ensureDefaultTypes } from './posts.types.js';

/**
 * Post openings (岗位): so many seats of a type in a community, optionally in one of its grids, for a year. Listed
 * with the counts of confirmed and suggested members; closing one keeps its assignments.
 */
function selectOpenings(db: Db) {
  const counts = db
    .select({
      openingId: postAssignments.openingId,
      confirmed: sql<number>`count(*) filter (where ${postAssignments.state} = 'confirmed')`.mapWith(Number).as('cn'),
      suggested: sql<number>`count(*) filter (where ${postAssignments.state} = 'suggested')`.mapWith(Number).as('sn'),
    })
    .from(postAssignments)
    .groupBy(postAssignments.openingId)
    .as('pa');
  return db
    .select({
      o: postOpenings,
      communityName: organisations.name,
      gridName: grids.name,
      typeKey: postTypes.key,
      typeName: postTypes.name,
      typeNameEn: postTypes.nameEn,
      confirmed: counts.confirmed,
      suggested: counts.suggested,
    })
    .from(postOpenings)
    .innerJoin(organisations, eq(organisations.id, postOpenings.communityId))
    .innerJoin(postTypes, eq(postTypes.id, postOpenings.postTypeId))
    .leftJoin(grids, eq(grids.id, postOpenings.gridId))
    .leftJoin(counts, eq(counts.openingId, postOpenings.id));
}
type OpeningRow = Awaited<ReturnType<ReturnType<typeof selectOpenings>['execute']>>[number];

function presentOpening(r: OpeningRow): PostOpeningView {
  const o = r.o;
  return {
    id: o.id,
    communityId: o.communityId,
    communityName: r.communityName,
    gridId: o.gridId,
    gridName: r.gridName,
    postTypeId: o.postTypeId,
    postTypeKey: r.typeKey,
    postTypeName: r.typeName,
    postTypeNameEn: r.typeNameEn,
    year: o.year,
    seats: o.seats,
    title: o.title,
    duties: o.duties,
    lng: o.lng,
    lat: o.lat,
    state: o.state,
    confirmedCount: Number(r.confirmed ?? 0),
    suggestedCount: Number(r.suggested ?? 0),
    version: o.version,
  };
}

const OPENING_SORT = {
  title: postOpenings.title,
  seats: postOpenings.seats,
  year: postOpenings.year,
  state: postOpenings.state,
  createdAt: postOpenings.createdAt,
};

async function openingsWhere(db: Db, actor: Actor, q: PostOpeningListQuery): Promise<SQL | undefined> {
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return and(
    await openingsVisibleTo(db, actor),
    q.communityId ? eq(postOpenings.communityId, q.communityId) : undefined,
    q.gridId ? eq(postOpenings.gridId, q.gridId) : undefined,
    q.postTypeId ? eq(postOpenings.postTypeId, q.postTypeId) : undefined,
    q.year ? eq(postOpenings.year, q.year) : undefined,
    q.state ? eq(postOpenings.state, q.state) : undefined,
    like ? or(ilike(postOpenings.title, like), ilike(postTypes.name, like), ilike(grids.name, like)) : undefined,
  );
}

export async function listOpenings(opts: {
  db: Db;
  actor: Actor;
  query: PostOpeningListQuery;
}): Promise<Page<PostOpeningView>> {
  assertMayReadPosts(opts.actor);
  const { db, query } = opts;
  const where = await openingsWhere(db, opts.actor, query);
  return readPage(query, {
    rows: selectOpenings(db)
      .where(where)
      .orderBy(
        ...orderBy(query.sort, OPENING_SORT, [sql`${organisations.name}`, sql`${postTypes.sort}`], postOpenings.id),
      )
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(postOpenings)
      .innerJoin(postTypes, eq(postTypes.id, postOpenings.postTypeId))
      .leftJoin(grids, eq(grids.id, postOpenings.gridId))
      .where(where),
    present: presentOpening,
  });
}

/** One opening the actor may read (404 otherwise). */
export async function getOpening(opts: { db: Db; actor: Actor; id: string }): Promise<PostOpeningView> {
  assertMayReadPosts(opts.actor);
  const [row] = await selectOpenings(opts.db).where(
    and(eq(postOpenings.id, opts.id), await openingsVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_opening' });
  return presentOpening(row);
}

async function readOpening(db: Db, id: string): Promise<PostOpeningView> {
  const [row] = await selectOpenings(db).where(eq(postOpenings.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_opening' });
  return presentOpening(row);
}

async function assertGridIn(db: Db, communityId: string, gridId: string | null | undefined): Promise<void> {
  if (!gridId) return;
  const [g] = await db.select({ communityId: grids.communityId }).from(grids).where(eq(grids.id, gridId));
  if (g?.communityId !== communityId) throw new AppError('POST_GRID_OUTSIDE_COMMUNITY');
}

export async function createOpening(opts: {
  db: Db;
  actor: Actor;
  input: CreatePostOpening;
}): Promise<PostOpeningView> {
  const { db, input } = opts;
  await assertIsCommunity(db, input.communityId);
  await assertMayManagePosts(db, opts.actor, input.communityId);
  await ensureDefaultTypes(db, [input.communityId]);
  await activeTypeOf(db, input.communityId, input.postTypeId);
  await assertGridIn(db, input.communityId, input.gridId);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(postOpenings)
      .values({ ...input, gridId: input.gridId ?? null, duties: input.duties ?? null })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'post_opening.create',
      entityType: 'post_opening',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return readOpening(db, id);
}

export async function updateOpening(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdatePostOpening;
}): Promise<PostOpeningView> {
  const { db, input } = opts;
  const current = await readOpening(db, opts.id);
  const [readable] = await selectOpenings(db).where(
    and(eq(postOpenings.id, opts.id), await openingsVisibleTo(db, opts.actor)),
  );
  await assertMayChange(db, opts.actor, current.communityId, Boolean(readable));
  if (input.postTypeId) await activeTypeOf(db, current.communityId, input.postTypeId);
  await assertGridIn(db, current.communityId, input.gridId);
  if (input.seats !== undefined && input.seats < current.confirmedCount)
    throw new AppError('POST_SEATS_BELOW_CONFIRMED', { confirmed: current.confirmedCount });
  await db.transaction(async (tx) => {
    const { version, ...values } = input;
    const row = await updateVersioned({
      db: tx,
      table: postOpenings,
      id: opts.id,
      version,
      values,
      entity: 'post_opening',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'post_opening.update',
      entityType: 'post_opening',
      entityId: row.id,
      before: current,
      after: row,
    });
  });
  return readOpening(db, opts.id);
}
