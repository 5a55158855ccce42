import { and, asc, count, eq, gte, inArray, isNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { clock } from '../../core/clock.js';
import { assertFound } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { pageWindow, type Page } from '../../core/list.js';
import { escapeLike } from '../../core/strings.js';
import { gridDuties } from '../duties/duties.schema.js';
import { alleyRegions, grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import type {
  AlleyItemView,
  AlleyRegionDetail,
  AlleyRegionQuery,
  AlleyRegionSummary,
  AlleyInspectionView,
  CreateInspection,
  SixHave,
  UpdateAlleyItem,
} from './alleys.contracts.js';
import { inspectionScore, SIX_HAVES } from './alleys.enums.js';
import { inspectionById, listInspections } from './alleys.inspections.js';
import { regionItems, teamOptions, updateItem as writeItem } from './alleys.items.js';
import { assertMayInspect, assertMayManage, regionsVisibleTo, rightsOn } from './alleys.policy.js';
import { alleyInspectionItems, alleyInspections, alleyRegionItems } from './alleys.schema.js';
import { regionTasks, syncTasksForInspection, taskCountsOf } from './alleys.tasks.js';

/** The latest inspection of the region being selected: its score and time (null before the first). */
const latest = (column: 'score' | 'inspected_at') =>
  sql.raw(
    `(select i.${column} from alley_inspections i where i.region_id = "alley_regions"."id" order by i.inspected_at desc limit 1)`,
  );

function selectRegions(db: Db) {
  return db
    .select({
      id: alleyRegions.id,
      code: alleyRegions.code,
      name: alleyRegions.name,
      communityId: alleyRegions.communityId,
      communityName: organisations.name,
      gridId: alleyRegions.gridId,
      gridName: grids.name,
      score: sql<number | null>`${latest('score')}`,
      inspectedAt: sql<Date | string | null>`${latest('inspected_at')}`,
    })
    .from(alleyRegions)
    .innerJoin(organisations, eq(organisations.id, alleyRegions.communityId))
    .leftJoin(grids, eq(grids.id, alleyRegions.gridId));
}

type RegionRow = Awaited<ReturnType<ReturnType<typeof selectRegions>['execute']>>[number];

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Weak items (missing or needing work) of each region, in the six's order. */
async function weakItemsOf(db: Db, regionIds: string[]): Promise<Map<string, SixHave[]>> {
  const out = new Map<string, SixHave[]>(regionIds.map((id) => [id, []]));
  if (!regionIds.length) return out;
  const rows = await db
    .select({ regionId: alleyRegionItems.regionId, item: alleyRegionItems.item })
    .from(alleyRegionItems)
    .where(and(inArray(alleyRegionItems.regionId, regionIds), ne(alleyRegionItems.status, 'present')));
  for (const r of rows) out.get(r.regionId)?.push(r.item);
  for (const items of out.values()) items.sort((a, b) => SIX_HAVES.indexOf(a) - SIX_HAVES.indexOf(b));
  return out;
}

type TaskCounts = Awaited<ReturnType<typeof taskCountsOf>>;

function summary(
  r: RegionRow,
  weak: Map<string, SixHave[]>,
  tasks: TaskCounts,
  heads: Map<string, string[]>,
): AlleyRegionSummary {
  return {
    ...r,
    headNames: (r.gridId && heads.get(r.gridId)) || [],
    score: r.score === null ? null : Number(r.score),
    inspectedAt: iso(r.inspectedAt),
    weakItems: weak.get(r.id) ?? [],
    ...(tasks.get(r.id) ?? { openTasks: 0, overdueTasks: 0 }),
  };
}

/** sort=score|-score (ranked: regions never inspected last either way), code, inspectedAt; default code. */
function regionOrder(sort: string | undefined): SQL[] {
  const desc = sort?.startsWith('-') ?? false;
  const dir = sql.raw(desc ? 'desc' : 'asc');
  switch (sort?.replace(/^-/, '')) {
    case 'score':
      return [sql`${latest('score')} ${dir} nulls last`, asc(alleyRegions.code)];
    case 'inspectedAt':
      return [sql`${latest('inspected_at')} ${dir} nulls last`, asc(alleyRegions.code)];
    default:
      return [sql`${alleyRegions.code} ${dir}`];
  }
}

/** The regions the actor may see (alleys.policy.ts), filtered by community and a search on name or code, paged. */
export async function listRegions(opts: {
  db: Db;
  actor: Actor;
  query: AlleyRegionQuery;
}): Promise<Page<AlleyRegionSummary>> {
  const q = opts.query;
  const pattern = q.q ? `%${escapeLike(q.q)}%` : undefined;
  const where = and(
    await regionsVisibleTo(opts.db, opts.actor),
    q.communityId ? eq(alleyRegions.communityId, q.communityId) : undefined,
    pattern
      ? or(like(alleyRegions.name, pattern), like(alleyRegions.code, pattern), like(grids.name, pattern))
      : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectRegions(opts.db)
      .where(where)
      .orderBy(...regionOrder(q.sort), asc(alleyRegions.id))
      .limit(limit)
      .offset(offset),
    opts.db
      .select({ total: count() })
      .from(alleyRegions)
      .leftJoin(grids, eq(grids.id, alleyRegions.gridId))
      .where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const gridIds = rows.flatMap((r) => (r.gridId ? [r.gridId] : []));
  const [weak, tasks, heads] = await Promise.all([
    weakItemsOf(opts.db, ids),
    taskCountsOf(opts.db, ids),
    headNamesOf(opts.db, gridIds),
  ]);
  return { items: rows.map((r) => summary(r, weak, tasks, heads)), total, page: q.page, pageSize: q.pageSize };
}

/** A region the actor may see, or NOT_FOUND: a region outside one's scope is not told apart from none. */
export async function visibleRegion(db: Db, actor: Actor, id: string): Promise<RegionRow> {
  const [row] = await selectRegions(db).where(and(eq(alleyRegions.id, id), await regionsVisibleTo(db, actor)));
  return assertFound(row, 'alley_region');
}

/** The active alley heads of the region's grid (grid duties with role alley_head in force today); intake tells them of a new case there. */
export async function headsOf(db: Db, gridId: string | null): Promise<AlleyRegionDetail['heads']> {
  if (!gridId) return [];
  const rows = await headRows(db, [gridId]);
  return rows.map(({ gridId: _, ...h }) => h);
}

/** The alley-head duties in force today on these grids, oldest first. */
function headRows(db: Db, gridIds: string[]) {
  return db
    .select({ gridId: gridDuties.gridId, personId: gridDuties.personId, name: people.name, since: gridDuties.since })
    .from(gridDuties)
    .innerJoin(people, eq(people.id, gridDuties.personId))
    .where(
      and(
        inArray(gridDuties.gridId, gridIds),
        eq(gridDuties.role, 'alley_head'),
        or(isNull(gridDuties.until), gte(gridDuties.until, clock.today())),
      ),
    )
    .orderBy(asc(gridDuties.since), asc(people.name));
}

/** The alley heads' names by grid, in one query for a page of regions. */
async function headNamesOf(db: Db, gridIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!gridIds.length) return out;
  for (const h of await headRows(db, gridIds)) out.set(h.gridId, [...(out.get(h.gridId) ?? []), h.name]);
  return out;
}

export async function getRegion(opts: { db: Db; actor: Actor; id: string }): Promise<AlleyRegionDetail> {
  const row = await visibleRegion(opts.db, opts.actor, opts.id);
  const [weak, counts, heads, items, rights, history, tasks] = await Promise.all([
    weakItemsOf(opts.db, [row.id]),
    taskCountsOf(opts.db, [row.id]),
    headsOf(opts.db, row.gridId),
    regionItems(opts.db, row.id),
    rightsOn(opts.db, opts.actor, row),
    listInspections({ db: opts.db, actor: opts.actor, query: { regionId: row.id, page: 1, pageSize: 20 } }),
    regionTasks(opts.db, opts.actor, row.id),
  ]);
  const names = new Map(row.gridId ? [[row.gridId, heads.map((h) => h.name)]] : []);
  return { ...summary(row, weak, counts, names), heads, items, ...rights, inspections: history.items, tasks };
}

/** The community keeps an item's evidence: the note and its link (alleys.items.ts), with the item's version. */
export async function updateItem(opts: {
  db: Db;
  actor: Actor;
  id: string;
  item: SixHave;
  input: UpdateAlleyItem;
}): Promise<AlleyItemView> {
  const region = await visibleRegion(opts.db, opts.actor, opts.id);
  await writeItem({ db: opts.db, actor: opts.actor, region, item: opts.item, input: opts.input });
  const items = await regionItems(opts.db, region.id);
  return assertFound(
    items.find((i) => i.item === opts.item),
    'alley_region',
  );
}

/** The teams the region's volunteerTeam item may link to (those of its community); asked by whoever manages it. */
export async function regionTeamOptions(opts: { db: Db; actor: Actor; id: string }) {
  const region = await visibleRegion(opts.db, opts.actor, opts.id);
  await assertMayManage(opts.db, opts.actor, region);
  return teamOptions(opts.db, region.communityId);
}

/**
 * An inspection (巡查) of a region the actor holds: the six findings, the score by the one rule (alleys.enums.ts), and
 * each item's standing status set to what was found. One transaction: a refusal writes nothing.
 */
export async function createInspection(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: CreateInspection;
}): Promise<AlleyInspectionView> {
  const inspectionId = await opts.db.transaction(async (tx) => {
    const region = await visibleRegion(tx, opts.actor, opts.id);
    await assertMayInspect(tx, opts.actor, region);
    const at = clock.now();
    const findings = SIX_HAVES.map((item) => {
      const f = opts.input.items.find((i) => i.item === item);
      if (!f) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/items', message: `${item} is missing` }]);
      return { item, status: f.status, note: f.note ?? null };
    });
    const [row] = await tx
      .insert(alleyInspections)
      .values({
        regionId: region.id,
        inspectedAt: at,
        inspectorUserId: opts.actor.userId,
        inspectorPersonId: opts.actor.personId,
        score: inspectionScore(findings.map((f) => f.status)),
        note: opts.input.note ?? null,
      })
      .returning();
    await tx.insert(alleyInspectionItems).values(findings.map((f) => ({ inspectionId: row.id, ...f })));
    await tx
      .insert(alleyRegionItems)
      .values(findings.map((f) => ({ regionId: region.id, item: f.item, status: f.status })))
      .onConflictDoUpdate({
        target: [alleyRegionItems.regionId, alleyRegionItems.item],
        set: {
          status: sql`excluded.status`,
          updatedAt: at,
          version: sql`${alleyRegionItems.version} + 1`,
        },
      });
    const tasks = await syncTasksForInspection(tx, {
      actor: opts.actor,
      regionId: region.id,
      inspectionId: row.id,
      at,
      day: clock.today(),
      findings,
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'alley_inspection.create',
      entityType: 'alley_region',
      entityId: region.id,
      after: { ...row, items: findings, tasks },
    });
    return row.id;
  });
  return inspectionById(opts.db, inspectionId);
}
