import { and, asc, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { addDays } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import { assertFound } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { pageWindow, type Page } from '../../core/list.js';
import { users } from '../auth/auth.schema.js';
import { alleyRegions } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import type { AlleyTaskQuery, AlleyTaskView } from './alleys.contracts.js';
import { type ItemStatus, isWeak, type SixHave, TASK_DUE_DAYS } from './alleys.enums.js';
import { assertMayCloseTask, assertMayManage, regionsVisibleTo, rightsFor } from './alleys.policy.js';
import { alleyTasks } from './alleys.schema.js';

/**
 * 整改任务 (docs/ALLEYS.md § Tasks): an inspection that finds an item weak opens a task for it unless one is open; one
 * that finds it present closes the open one (done, by that inspection). By hand, the region's heads and staff close a
 * task with a note; staff cancel one with a reason. The region is the assignee: whoever holds it sees its tasks.
 */

/** Opens and closes the region's tasks for an inspection's findings, in the inspection's transaction. */
export async function syncTasksForInspection(
  tx: Db,
  opts: {
    actor: Actor;
    regionId: string;
    inspectionId: string;
    at: Date;
    day: string;
    findings: { item: SixHave; status: ItemStatus }[];
  },
): Promise<{ opened: SixHave[]; closed: SixHave[] }> {
  const open = await tx
    .select({ id: alleyTasks.id, item: alleyTasks.item })
    .from(alleyTasks)
    .where(and(eq(alleyTasks.regionId, opts.regionId), eq(alleyTasks.state, 'open')))
    .for('update');
  const openItems = new Set(open.map((t) => t.item));
  const toOpen = opts.findings.filter((f) => isWeak(f.status) && !openItems.has(f.item)).map((f) => f.item);
  const fixed = new Set(opts.findings.filter((f) => !isWeak(f.status)).map((f) => f.item));
  const toClose = open.filter((t) => fixed.has(t.item));
  if (toOpen.length)
    await tx.insert(alleyTasks).values(
      toOpen.map((item) => ({
        regionId: opts.regionId,
        item,
        dueOn: addDays(opts.day, TASK_DUE_DAYS),
        openedByInspectionId: opts.inspectionId,
      })),
    );
  if (toClose.length)
    await tx
      .update(alleyTasks)
      .set({
        state: 'done',
        closedAt: opts.at,
        closedBy: opts.actor.userId,
        closedByInspectionId: opts.inspectionId,
        updatedAt: opts.at,
        version: sql`${alleyTasks.version} + 1`,
      })
      .where(
        inArray(
          alleyTasks.id,
          toClose.map((t) => t.id),
        ),
      );
  return { opened: toOpen, closed: toClose.map((t) => t.item) };
}

/** Open and overdue task counts per region (overdue: open and due before today). */
export async function taskCountsOf(
  db: Db,
  regionIds: string[],
): Promise<Map<string, { openTasks: number; overdueTasks: number }>> {
  const out = new Map(regionIds.map((id) => [id, { openTasks: 0, overdueTasks: 0 }]));
  if (!regionIds.length) return out;
  const rows = await db
    .select({
      regionId: alleyTasks.regionId,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${alleyTasks.dueOn} < ${clock.today()})`.mapWith(Number),
    })
    .from(alleyTasks)
    .where(and(inArray(alleyTasks.regionId, regionIds), eq(alleyTasks.state, 'open')))
    .groupBy(alleyTasks.regionId);
  for (const r of rows) out.set(r.regionId, { openTasks: r.open, overdueTasks: r.overdue });
  return out;
}

function selectTasks(db: Db) {
  return db
    .select({
      task: alleyTasks,
      regionCode: alleyRegions.code,
      regionName: alleyRegions.name,
      communityId: alleyRegions.communityId,
      communityName: organisations.name,
      gridId: alleyRegions.gridId,
      closedByName: users.displayName,
    })
    .from(alleyTasks)
    .innerJoin(alleyRegions, eq(alleyRegions.id, alleyTasks.regionId))
    .innerJoin(organisations, eq(organisations.id, alleyRegions.communityId))
    .leftJoin(users, eq(users.id, alleyTasks.closedBy));
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

async function present(db: Db, actor: Actor, rows: TaskRow[]): Promise<AlleyTaskView[]> {
  const rights = await rightsFor(db, actor);
  const today = clock.today();
  return rows.map(({ task: t, ...r }) => {
    const may = rights({ communityId: r.communityId, gridId: r.gridId });
    const open = t.state === 'open';
    return {
      id: t.id,
      regionId: t.regionId,
      regionCode: r.regionCode,
      regionName: r.regionName,
      communityId: r.communityId,
      communityName: r.communityName,
      item: t.item,
      state: t.state,
      dueOn: t.dueOn,
      overdue: open && t.dueOn < today,
      openedAt: t.createdAt.toISOString(),
      openedByInspectionId: t.openedByInspectionId,
      note: t.note,
      closedAt: t.closedAt?.toISOString() ?? null,
      closedByName: t.closedAt ? r.closedByName : null,
      closedByInspectionId: t.closedByInspectionId,
      mayClose: open && may.mayCloseTasks,
      mayCancel: open && may.mayManage,
    };
  });
}

/** Open first, then by due date; or by due date / opening time either way. */
function taskOrder(sort: string | undefined): SQL[] {
  const dir = sort?.startsWith('-') ? desc : asc;
  switch (sort?.replace(/^-/, '')) {
    case 'dueOn':
      return [dir(alleyTasks.dueOn)];
    case 'openedAt':
      return [dir(alleyTasks.createdAt)];
    default:
      return [sql`(${alleyTasks.state} = 'open') desc`, asc(alleyTasks.dueOn), desc(alleyTasks.closedAt)];
  }
}

/** The tasks of the regions the actor sees (alleys.policy.ts), filtered, paged. */
export async function listTasks(opts: { db: Db; actor: Actor; query: AlleyTaskQuery }): Promise<Page<AlleyTaskView>> {
  const q = opts.query;
  const where = and(
    await regionsVisibleTo(opts.db, opts.actor),
    q.regionId ? eq(alleyTasks.regionId, q.regionId) : undefined,
    q.communityId ? eq(alleyRegions.communityId, q.communityId) : undefined,
    q.state ? eq(alleyTasks.state, q.state) : undefined,
    q.overdue ? and(eq(alleyTasks.state, 'open'), lt(alleyTasks.dueOn, clock.today())) : undefined,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectTasks(opts.db)
      .where(where)
      .orderBy(...taskOrder(q.sort), asc(alleyTasks.id))
      .limit(limit)
      .offset(offset),
    opts.db
      .select({ total: count() })
      .from(alleyTasks)
      .innerJoin(alleyRegions, eq(alleyRegions.id, alleyTasks.regionId))
      .where(where),
  ]);
  return { items: await present(opts.db, opts.actor, rows), total, page: q.page, pageSize: q.pageSize };
}

/** A region's open tasks and the ten closed most recently (the region page's card). */
export async function regionTasks(db: Db, actor: Actor, regionId: string): Promise<AlleyTaskView[]> {
  const [open, closed] = await Promise.all([
    selectTasks(db)
      .where(and(eq(alleyTasks.regionId, regionId), eq(alleyTasks.state, 'open')))
      .orderBy(asc(alleyTasks.dueOn), asc(alleyTasks.id)),
    selectTasks(db)
      .where(and(eq(alleyTasks.regionId, regionId), sql`${alleyTasks.state} <> 'open'`))
      .orderBy(desc(alleyTasks.closedAt), asc(alleyTasks.id))
      .limit(10),
  ]);
  return present(db, actor, [...open, ...closed]);
}

async function taskById(db: Db, actor: Actor, id: string): Promise<AlleyTaskView> {
  const [row] = await selectTasks(db).where(eq(alleyTasks.id, id));
  return (await present(db, actor, [assertFound(row, 'alley_task')]))[0];
}

/**
 * Closes an open task by hand: done with a note (the region's heads and staff) or cancelled with a reason (staff).
 * A task out of sight is 404, one in sight but not the actor's to close 403, one no longer open 409.
 */
export async function closeTask(opts: {
  db: Db;
  actor: Actor;
  id: string;
  outcome: 'done' | 'cancelled';
  note: string;
}): Promise<AlleyTaskView> {
  await opts.db.transaction(async (tx) => {
    const [row] = await selectTasks(tx)
      .where(and(eq(alleyTasks.id, opts.id), await regionsVisibleTo(tx, opts.actor)))
      .for('update', { of: alleyTasks });
    const { task } = assertFound(row, 'alley_task');
    const region = { communityId: row.communityId, gridId: row.gridId };
    if (opts.outcome === 'done') await assertMayCloseTask(tx, opts.actor, region);
    else await assertMayManage(tx, opts.actor, region);
    if (task.state !== 'open') throw new AppError('ALLEY_TASK_STATE', {}, { state: task.state });
    const at = clock.now();
    const [after] = await tx
      .update(alleyTasks)
      .set({
        state: opts.outcome,
        note: opts.note,
        closedAt: at,
        closedBy: opts.actor.userId,
        updatedAt: at,
        version: sql`${alleyTasks.version} + 1`,
      })
      .where(eq(alleyTasks.id, task.id))
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: opts.outcome === 'done' ? 'alley_task.done' : 'alley_task.cancel',
      entityType: 'alley_region',
      entityId: task.regionId,
      before: task,
      after,
    });
  });
  return taskById(opts.db, opts.actor, opts.id);
}
