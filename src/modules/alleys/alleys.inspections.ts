import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { assertFound } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { pageWindow, type Page } from '../../core/list.js';
import { users } from '../auth/auth.schema.js';
import { alleyRegions } from '../grid/grid.schema.js';
import { people } from '../people/people.schema.js';
import type { AlleyInspectionQuery, AlleyInspectionView } from './alleys.contracts.js';
import { SIX_HAVES } from './alleys.enums.js';
import { regionsVisibleTo } from './alleys.policy.js';
import { alleyInspectionItems, alleyInspections } from './alleys.schema.js';

function selectInspections(db: Db) {
  return db
    .select({
      id: alleyInspections.id,
      regionId: alleyInspections.regionId,
      regionName: alleyRegions.name,
      inspectedAt: alleyInspections.inspectedAt,
      inspectorName: sql<string | null>`coalesce(${people.name}, ${users.displayName})`,
      score: alleyInspections.score,
      note: alleyInspections.note,
    })
    .from(alleyInspections)
    .innerJoin(alleyRegions, eq(alleyRegions.id, alleyInspections.regionId))
    .leftJoin(people, eq(people.id, alleyInspections.inspectorPersonId))
    .leftJoin(users, eq(users.id, alleyInspections.inspectorUserId));
}

type InspectionRow = Awaited<ReturnType<ReturnType<typeof selectInspections>['execute']>>[number];

/** The rows with their six findings each, in the six's order. */
async function withItems(db: Db, rows: InspectionRow[]): Promise<AlleyInspectionView[]> {
  const found = rows.length
    ? await db
        .select()
        .from(alleyInspectionItems)
        .where(
          inArray(
            alleyInspectionItems.inspectionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    inspectedAt: r.inspectedAt.toISOString(),
    items: found
      .filter((f) => f.inspectionId === r.id)
      .sort((a, b) => SIX_HAVES.indexOf(a.item) - SIX_HAVES.indexOf(b.item))
      .map((f) => ({ item: f.item, status: f.status, note: f.note })),
  }));
}

export async function inspectionById(db: Db, id: string): Promise<AlleyInspectionView> {
  const [row] = await selectInspections(db).where(eq(alleyInspections.id, id));
  return (await withItems(db, [assertFound(row, 'alley_region')]))[0];
}

/** Inspections of the regions the actor sees, newest first; `mine` keeps those the actor made. */
export async function listInspections(opts: {
  db: Db;
  actor: Actor;
  query: AlleyInspectionQuery;
}): Promise<Page<AlleyInspectionView>> {
  const q = opts.query;
  const where = and(
    await regionsVisibleTo(opts.db, opts.actor),
    q.regionId ? eq(alleyInspections.regionId, q.regionId) : undefined,
    q.mine
      ? or(
          eq(alleyInspections.inspectorUserId, opts.actor.userId),
          opts.actor.personId ? eq(alleyInspections.inspectorPersonId, opts.actor.personId) : undefined,
        )
      : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectInspections(opts.db)
      .where(where)
      .orderBy(desc(alleyInspections.inspectedAt), asc(alleyInspections.id))
      .limit(limit)
      .offset(offset),
    opts.db
      .select({ total: count() })
      .from(alleyInspections)
      .innerJoin(alleyRegions, eq(alleyRegions.id, alleyInspections.regionId))
      .where(where),
  ]);
  return { items: await withItems(opts.db, rows), total, page: q.page, pageSize: q.pageSize };
}
