import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, like, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { escapeLike } from '../../core/strings.js';
import { assertFound, updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { bboxOf, parseArea } from '../../core/geo.js';
import { orderBy, type Page, readPage } from '../../core/list.js';
import { assertNoReferrers } from '../../core/references.js';
import { organisations } from '../org/org.schema.js';
import { assertIsCommunity } from '../org/org.service.js';
import type { CreateGrid, GridDetail, GridListQuery, GridTreeNode, GridView, UpdateGrid } from './grid.contracts.js';
import { invalidateGridLocator } from './grid.locate.js';
import { assertCanManageCommunity } from './grid.policy.js';
import { grids } from './grid.schema.js';

/** Other modules locate a point's grid through the service (cases' intake routing). */
export { locateGrid } from './grid.locate.js';

export const COUNTY_CODE = '350723';
const parent = alias(grids, 'parent');

function selectViews(db: Db) {
  const { boundary: _boundary, ...columns } = getTableColumns(grids);
  return db
    .select({
      ...columns,
      parentName: parent.name,
      communityName: organisations.name,
      childCount: sql<number>`(select count(*)::int from grids c where c.parent_id = ${grids.id})`,
      peopleCount: sql<number>`(select count(*)::int from people p join grids h on h.id = p.home_grid_id
        where h.code like ${grids.code} || '%')`,
    })
    .from(grids)
    .innerJoin(organisations, eq(organisations.id, grids.communityId))
    .leftJoin(parent, eq(parent.id, grids.parentId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function present(r: ViewRow): GridView {
  const { minLng, minLat, maxLng, maxLat, ...rest } = r;
  return {
    ...rest,
    bbox:
      minLng === null || minLat === null || maxLng === null || maxLat === null
        ? null
        : [minLng, minLat, maxLng, maxLat],
    childCount: Number(r.childCount),
    peopleCount: Number(r.peopleCount),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function codeOf(db: Db, id: string): Promise<string> {
  const [g] = await db.select({ code: grids.code }).from(grids).where(eq(grids.id, id));
  return assertFound(g, 'grid').code;
}

export async function listGrids(opts: { db: Db; query: GridListQuery }): Promise<Page<GridView>> {
  const q = opts.query;
  const underCode = q.under ? await codeOf(opts.db, q.under) : undefined;
  const where = and(
    q.level?.length ? inArray(grids.level, q.level) : undefined,
    q.kind?.length ? inArray(grids.kind, q.kind) : undefined,
    q.communityId ? eq(grids.communityId, q.communityId) : undefined,
    q.parentId ? eq(grids.parentId, q.parentId) : undefined,
    underCode ? like(grids.code, `${escapeLike(underCode)}%`) : undefined,
    q.q ? or(ilike(grids.name, `%${escapeLike(q.q)}%`), like(grids.code, `${escapeLike(q.q)}%`)) : undefined,
  );
  const sort = orderBy(q.sort, { code: grids.code, name: grids.name, level: grids.level }, [asc(grids.code)], grids.id);
  return readPage(q, {
    rows: selectViews(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db.select({ total: count() }).from(grids).where(where),
    present,
  });
}

export async function getGrid(opts: { db: Db; id: string }): Promise<GridDetail> {
  const [row] = await selectViews(opts.db).where(eq(grids.id, opts.id));
  const view = present(assertFound(row, 'grid'));
  const [{ boundary }] = await opts.db.select({ boundary: grids.boundary }).from(grids).where(eq(grids.id, opts.id));
  const prefixes = Array.from({ length: (view.code.length - 9) / 3 }, (_, i) => view.code.slice(0, 9 + 3 * i));
  const path = prefixes.length
    ? await opts.db
        .select({ id: grids.id, code: grids.code, name: grids.name, level: grids.level })
        .from(grids)
        .where(inArray(grids.code, prefixes))
        .orderBy(asc(grids.level))
    : [];
  return { ...view, boundary: boundary ?? null, path };
}

/** The few fields a lookup needs, without the counts of the full view. */
export async function gridSummary(opts: { db: Db; id: string }) {
  const [g] = await opts.db
    .select({ id: grids.id, code: grids.code, name: grids.name, level: grids.level, communityId: grids.communityId })
    .from(grids)
    .where(eq(grids.id, opts.id));
  return assertFound(g, 'grid');
}

export async function gridTree(opts: { db: Db; communityId?: string; maxLevel?: number }): Promise<GridTreeNode[]> {
  const rows = await opts.db
    .select({
      id: grids.id,
      code: grids.code,
      name: grids.name,
      level: grids.level,
      kind: grids.kind,
      parentId: grids.parentId,
    })
    .from(grids)
    .where(
      and(
        opts.communityId ? eq(grids.communityId, opts.communityId) : undefined,
        opts.maxLevel ? lte(grids.level, opts.maxLevel) : undefined,
      ),
    )
    .orderBy(asc(grids.code));
  const nodes = new Map<string, GridTreeNode>(
    rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, level: r.level, kind: r.kind, children: [] }]),
  );
  const roots: GridTreeNode[] = [];
  for (const r of rows) {
    const p = r.parentId ? nodes.get(r.parentId) : undefined;
    (p ? p.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}

export async function gridFeatures(opts: { db: Db; level?: number[]; communityId?: string; parentId?: string }) {
  const rows = await opts.db
    .select({
      id: grids.id,
      code: grids.code,
      name: grids.name,
      level: grids.level,
      kind: grids.kind,
      parentId: grids.parentId,
      communityId: grids.communityId,
      boundary: grids.boundary,
    })
    .from(grids)
    .where(
      and(
        sql`${grids.boundary} is not null`,
        opts.level?.length ? inArray(grids.level, opts.level) : undefined,
        opts.communityId ? eq(grids.communityId, opts.communityId) : undefined,
        opts.parentId ? eq(grids.parentId, opts.parentId) : undefined,
      ),
    )
    .orderBy(asc(grids.code));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ boundary, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: boundary,
      properties,
    })),
  };
}

/** The next free child code: the parent's code (or the county's) plus the next 3-digit number. */
async function nextCode(db: Db, prefix: string): Promise<string> {
  const [last] = await db
    .select({ code: grids.code })
    .from(grids)
    .where(and(like(grids.code, `${prefix}___`), sql`length(${grids.code}) = ${prefix.length + 3}`))
    .orderBy(desc(grids.code))
    .limit(1);
  const n = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  if (n > 999) throw new AppError('CONFLICT', { reason: 'no free grid code under this parent' });
  return prefix + String(n).padStart(3, '0');
}

async function resolvePlacement(db: Db, input: CreateGrid) {
  if (input.level === 1) {
    if (input.parentId) throw new AppError('GRID_PARENT_LEVEL', { level: 1, expected: '—' });
    if (!input.communityId)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/communityId', message: 'a level-1 grid needs its community' },
      ]);
    await assertIsCommunity(db, input.communityId);
    return { parentId: null, communityId: input.communityId, prefix: COUNTY_CODE };
  }
  if (!input.parentId) throw new AppError('GRID_PARENT_LEVEL', { level: input.level, expected: input.level - 1 });
  const [p] = await db.select().from(grids).where(eq(grids.id, input.parentId));
  if (!p) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/parentId', message: 'parent grid does not exist' }]);
  if (p.level !== input.level - 1)
    throw new AppError('GRID_PARENT_LEVEL', { level: input.level, expected: input.level - 1 });
  if (input.communityId && input.communityId !== p.communityId) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/communityId', message: "must be the parent grid's community" },
    ]);
  }
  return { parentId: p.id, communityId: p.communityId, prefix: p.code };
}

function boundaryColumns(boundary: unknown) {
  if (boundary === undefined) return {};
  if (boundary === null) return { boundary: null, minLng: null, minLat: null, maxLng: null, maxLat: null };
  const area = parseArea(boundary);
  const [minLng, minLat, maxLng, maxLat] = bboxOf(area);
  return { boundary: area, minLng, minLat, maxLng, maxLat };
}

export async function createGrid(opts: { db: Db; actor: Actor; input: CreateGrid }): Promise<GridDetail> {
  const { input } = opts;
  const id = await opts.db.transaction(async (tx) => {
    const placement = await resolvePlacement(tx, input);
    await assertCanManageCommunity(tx, opts.actor, placement.communityId, 'grid.write');
    const code = input.code ?? (await nextCode(tx, placement.prefix));
    if (code.length !== placement.prefix.length + 3 || !code.startsWith(placement.prefix)) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/code', message: `code must be ${placement.prefix} followed by 3 digits` },
      ]);
    }
    const [dupe] = await tx.select({ id: grids.id }).from(grids).where(eq(grids.code, code));
    if (dupe) throw new AppError('DUPLICATE', { field: 'code', value: code });
    const [row] = await tx
      .insert(grids)
      .values({
        code,
        name: input.name,
        level: input.level,
        kind: input.kind,
        parentId: placement.parentId,
        communityId: placement.communityId,
        ...boundaryColumns(input.boundary),
      })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'grid.create',
      entityType: 'grid',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  invalidateGridLocator();
  return getGrid({ db: opts.db, id });
}

export async function updateGrid(opts: { db: Db; actor: Actor; id: string; input: UpdateGrid }): Promise<GridDetail> {
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(grids).where(eq(grids.id, opts.id));
    assertFound(before, 'grid');
    await assertCanManageCommunity(tx, opts.actor, before.communityId, 'grid.write');
    const { version, boundary, ...rest } = opts.input;
    const after = await updateVersioned({
      db: tx,
      table: grids,
      id: opts.id,
      version,
      values: { ...rest, ...boundaryColumns(boundary) },
      entity: 'grid',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'grid.update',
      entityType: 'grid',
      entityId: opts.id,
      before,
      after,
    });
  });
  invalidateGridLocator();
  return getGrid({ db: opts.db, id: opts.id });
}

export async function deleteGrid(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(grids).where(eq(grids.id, opts.id));
    assertFound(before, 'grid');
    await assertCanManageCommunity(tx, opts.actor, before.communityId, 'grid.write');
    await assertNoReferrers(tx, grids, opts.id);
    await tx.delete(grids).where(eq(grids.id, opts.id));
    await recordAudit(tx, { actor: opts.actor, action: 'grid.delete', entityType: 'grid', entityId: opts.id, before });
  });
  invalidateGridLocator();
}
