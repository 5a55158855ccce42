import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import type { Db } from '../../../../core/db.js';
import { AppError } from '../../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../../core/list.js';
import { organisations } from '../../../org/org.schema.js';
import { createProjectInTx } from '../../projects/projects.service.js';
import type { NeedTaskListQuery, NeedTaskView, TaskToProject, UpdateNeedTask } from './matching.contracts.js';
import { assertMayWorkTask, tasksVisibleTo } from '../needs.policy.js';
import { needs, needTasks } from '../needs.schema.js';
import { clock } from '../../../../core/clock.js';

/**
 * Follow-up tasks of accepted matches: the resource's unit works them (open → in progress → done); the need follows
 * (in progress while any task is, met once it is fully served and every task is finished). A task can also become a
 * co-building project in the need's community, led by the unit.
 */
const community = alias(organisations, 'task_community');
const owner = alias(organisations, 'task_owner');
const EPS = 1e-6;
const TERMINAL = new Set(['done', 'cancelled']);
const NEXT: Record<string, readonly string[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['done', 'cancelled', 'open'],
};

function selectTasks(db: Db) {
  return db
    .select({ t: needTasks, need: needs, communityName: community.name, ownerName: owner.name })
    .from(needTasks)
    .innerJoin(needs, eq(needs.id, needTasks.needId))
    .innerJoin(community, eq(community.id, needs.communityId))
    .innerJoin(owner, eq(owner.id, needTasks.ownerUnitId));
}
type TaskJoin = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

function presentTask(j: TaskJoin, today: string): NeedTaskView {
  const t = j.t;
  return {
    id: t.id,
    matchId: t.matchId,
    needId: t.needId,
    needTitle: j.need.title,
    communityId: j.need.communityId,
    communityName: j.communityName,
    ownerUnitId: t.ownerUnitId,
    ownerUnitName: j.ownerName,
    title: t.title,
    amount: t.amount,
    unit: j.need.unit,
    dueOn: t.dueOn,
    overdue: !TERMINAL.has(t.status) && t.dueOn < today,
    status: t.status,
    projectId: t.projectId,
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export async function listNeedTasks(opts: {
  db: Db;
  actor: Actor;
  query: NeedTaskListQuery;
  today: string;
}): Promise<Page<NeedTaskView>> {
  const { db, query: q } = opts;
  const where = and(
    await tasksVisibleTo(db, opts.actor),
    q.ownerUnitId ? eq(needTasks.ownerUnitId, q.ownerUnitId) : undefined,
    q.communityId ? eq(needs.communityId, q.communityId) : undefined,
    q.needId ? eq(needTasks.needId, q.needId) : undefined,
    q.status ? eq(needTasks.status, q.status) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { dueOn: needTasks.dueOn, status: needTasks.status, updatedAt: needTasks.updatedAt },
    [asc(needTasks.dueOn)],
    needTasks.id,
  );
  return readPage(q, {
    rows: selectTasks(db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: db.select({ total: count() }).from(needTasks).innerJoin(needs, eq(needs.id, needTasks.needId)).where(where),
    present: (r) => presentTask(r, opts.today),
  });
}

export async function getNeedTask(opts: { db: Db; actor: Actor; id: string; today: string }): Promise<NeedTaskView> {
  const [row] = await selectTasks(opts.db).where(
    and(eq(needTasks.id, opts.id), await tasksVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'need_task' });
  return presentTask(row, opts.today);
}

async function lockTask(tx: Db, actor: Actor, id: string) {
  const [row] = await tx
    .select({ t: needTasks, need: needs })
    .from(needTasks)
    .innerJoin(needs, eq(needs.id, needTasks.needId))
    .where(and(eq(needTasks.id, id), await tasksVisibleTo(tx, actor)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'need_task' });
  await assertMayWorkTask(tx, actor, { ownerUnitId: row.t.ownerUnitId, communityId: row.need.communityId });
  return row;
}

/** The need's status after one of its tasks changed. */
async function followNeed(tx: Db, needId: string): Promise<void> {
  const [need] = await tx.select().from(needs).where(eq(needs.id, needId));
  if (!need || need.status === 'closed') return;
  const [{ live }] = await tx
    .select({ live: count() })
    .from(needTasks)
    .where(and(eq(needTasks.needId, needId), inArray(needTasks.status, ['open', 'in_progress'])));
  const [{ working }] = await tx
    .select({ working: count() })
    .from(needTasks)
    .where(and(eq(needTasks.needId, needId), eq(needTasks.status, 'in_progress')));
  const status =
    live === 0 && need.served >= need.quantity - EPS
      ? 'met'
      : working > 0
        ? 'in_progress'
        : need.served > EPS
          ? 'matched'
          : 'open';
  if (status !== need.status) {
    await tx
      .update(needs)
      .set({ status, updatedAt: clock.now(), version: sql`${needs.version} + 1` })
      .where(and(eq(needs.id, needId), ne(needs.status, status)));
  }
}

export async function updateNeedTask(opts: { db: Db; actor: Actor; id: string; input: UpdateNeedTask }): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const { t } = await lockTask(tx, actor, opts.id);
    if (t.version !== input.version) throw new AppError('STALE_UPDATE');
    if (t.status === input.status) return;
    if (!(NEXT[t.status] ?? []).includes(input.status))
      throw new AppError('CONFLICT', { reason: `${t.status} → ${input.status}` });
    await tx
      .update(needTasks)
      .set({ status: input.status, updatedAt: clock.now(), version: sql`${needTasks.version} + 1` })
      .where(eq(needTasks.id, t.id));
    await followNeed(tx, t.needId);
    await recordAudit(tx, {
      actor,
      action: 'need_task.update',
      entityType: 'need_task',
      entityId: t.id,
      before: { status: t.status },
      after: { status: input.status },
    });
  });
}

/**
 * "Turn into a project": a co-building project (source 'matching') added to the community's plan for the start
 * year, led by the task's unit. The projects module checks the community scope and the pairing. Asking again
 * returns the project already made.
 */
export async function taskToProject(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: TaskToProject;
  today: string;
}): Promise<string> {
  const { actor, input } = opts;
  return opts.db.transaction(async (tx) => {
    const { t, need } = await lockTask(tx, actor, opts.id);
    if (t.projectId) return t.projectId;
    if (t.status === 'cancelled') throw new AppError('CONFLICT', { reason: 'task_cancelled_reason' });
    const projectId = await createProjectInTx(tx, {
      actor,
      today: opts.today,
      source: 'matching',
      amendApprovedPlan: true,
      input: {
        communityId: need.communityId,
        year: Number(input.startOn.slice(0, 4)),
        name: input.name ?? need.title,
        domain: need.domain,
        description: need.description ?? null,
        units: [{ unitId: t.ownerUnitId, role: 'lead' }],
        resources: `${t.title}：${t.amount}`,
        startOn: input.startOn,
        endOn: input.endOn,
        pairingOverrideReason: input.pairingOverrideReason,
      },
    });
    await tx
      .update(needTasks)
      .set({ projectId, updatedAt: clock.now(), version: sql`${needTasks.version} + 1` })
      .where(eq(needTasks.id, t.id));
    await recordAudit(tx, {
      actor,
      action: 'need_task.to_project',
      entityType: 'need_task',
      entityId: t.id,
      after: { projectId },
    });
    return projectId;
  });
}
