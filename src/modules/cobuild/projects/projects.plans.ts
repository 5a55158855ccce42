import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, pageWindow } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import type { CreatePlan, PlanListQuery, PlanStatus, PlanView } from './projects.contracts.js';
import {
  assertMayManageCommunity,
  assertMayMovePlan,
  assertMayReadProjects,
  plansVisibleTo,
} from './projects.policy.js';
import { projectPlans, projects } from './projects.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * The annual plan (共建项目计划) of a community: drafted by the community (only a draft is edited freely),
 * submitted, then approved by the county or returned with a reason (back to draft). Each step checks the version
 * the caller saw and is audited in its transaction.
 */
export type PlanRow = typeof projectPlans.$inferSelect;
export type PlanAction = 'submit' | 'approve' | 'return';

const TRANSITIONS: Record<PlanAction, { from: PlanStatus[]; to: PlanStatus; county: boolean }> = {
  submit: { from: ['draft'], to: 'submitted', county: false },
  approve: { from: ['submitted'], to: 'approved', county: true },
  // The county may also send an approved plan back for a mid-year adjustment.
  return: { from: ['submitted', 'approved'], to: 'draft', county: true },
};

/** The plan of a community and year, created as a draft when there is none yet; locked for the caller's transaction. */
export async function ensurePlan(tx: Db, communityId: string, year: number): Promise<PlanRow> {
  await tx.insert(projectPlans).values({ communityId, year }).onConflictDoNothing();
  const [plan] = await tx
    .select()
    .from(projectPlans)
    .where(and(eq(projectPlans.communityId, communityId), eq(projectPlans.year, year)))
    .for('update');
  return plan;
}

export async function createPlan(opts: { db: Db; actor: Actor; input: CreatePlan }): Promise<PlanView> {
  const { actor, input } = opts;
  await assertMayManageCommunity(opts.db, actor, input.communityId);
  const id = await opts.db.transaction(async (tx) => {
    await assertIsCommunity(tx, input.communityId);
    const [row] = await tx
      .insert(projectPlans)
      .values({ communityId: input.communityId, year: input.year, note: input.note ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('PROJECT_PLAN_EXISTS', { year: input.year });
    await recordAudit(tx, {
      actor,
      action: 'project_plan.create',
      entityType: 'project_plan',
      entityId: row.id,
      after: input,
    });
    return row.id;
  });
  return getPlan({ db: opts.db, actor, id });
}

function selectPlans(db: Db) {
  const stats = db
    .select({
      // Figures of the plan count top-level projects; sub-projects are parts of them.
      planId: projects.planId,
      n: sql<number>`count(*) filter (where ${projects.parentId} is null)`.mapWith(Number).as('n'),
      budget: sql<number>`coalesce(sum(${projects.budget}) filter (where ${projects.parentId} is null), 0)`
        .mapWith(Number)
        .as('budget'),
      progress:
        sql<number>`coalesce(avg(${projects.progress}) filter (where ${projects.parentId} is null and not ${projects.cancelled}), 0)`
          .mapWith(Number)
          .as('progress'),
    })
    .from(projects)
    .groupBy(projects.planId)
    .as('stats');
  return db
    .select({
      plan: projectPlans,
      communityName: organisations.name,
      code: organisations.code,
      n: stats.n,
      budget: stats.budget,
      progress: stats.progress,
    })
    .from(projectPlans)
    .innerJoin(organisations, eq(organisations.id, projectPlans.communityId))
    .leftJoin(stats, eq(stats.planId, projectPlans.id));
}
type PlanViewRow = Awaited<ReturnType<ReturnType<typeof selectPlans>['execute']>>[number];

function presentPlan(r: PlanViewRow): PlanView {
  const p = r.plan;
  return {
    id: p.id,
    communityId: p.communityId,
    communityName: r.communityName,
    year: p.year,
    status: p.status,
    note: p.note,
    returnReason: p.returnReason,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    projectCount: Number(r.n ?? 0),
    budget: Number(r.budget ?? 0),
    averageProgress: Math.round(Number(r.progress ?? 0) * 10) / 10,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export async function listPlans(opts: { db: Db; actor: Actor; query: PlanListQuery }): Promise<Page<PlanView>> {
  assertMayReadProjects(opts.actor);
  const q = opts.query;
  const where = and(
    await plansVisibleTo(opts.db, opts.actor),
    q.year ? eq(projectPlans.year, q.year) : undefined,
    q.communityId ? eq(projectPlans.communityId, q.communityId) : undefined,
    q.status ? eq(projectPlans.status, q.status) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { year: projectPlans.year, status: projectPlans.status, community: organisations.code },
    [desc(projectPlans.year), asc(organisations.code)],
    projectPlans.id,
  );
  const { limit, offset } = pageWindow(q);
  const rows = await selectPlans(opts.db)
    .where(where)
    .orderBy(...sort)
    .limit(limit)
    .offset(offset);
  const [{ total }] = await opts.db.select({ total: count() }).from(projectPlans).where(where);
  return { items: rows.map(presentPlan), total, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(opts: { db: Db; actor: Actor; id: string }): Promise<PlanView> {
  assertMayReadProjects(opts.actor);
  const [row] = await selectPlans(opts.db).where(
    and(eq(projectPlans.id, opts.id), await plansVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'project_plan' });
  return presentPlan(row);
}

/** submit / approve / return with the version the caller saw; the whole step is one audited transaction. */
export async function transitionPlan(opts: {
  db: Db;
  actor: Actor;
  id: string;
  action: PlanAction;
  version: number;
  reason?: string;
}): Promise<PlanView> {
  const { actor, action } = opts;
  const rule = TRANSITIONS[action];
  assertMayReadProjects(actor);
  await opts.db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(projectPlans)
      .where(and(eq(projectPlans.id, opts.id), await plansVisibleTo(tx, actor)))
      .for('update');
    if (!plan) throw new AppError('NOT_FOUND', { entity: 'project_plan' });
    await assertMayMovePlan(tx, actor, plan, rule.county);
    if (plan.version !== opts.version) throw new AppError('STALE_UPDATE');
    if (!rule.from.includes(plan.status))
      throw new AppError('PROJECT_PLAN_TRANSITION', { status: plan.status, action });
    if (action === 'submit') {
      const [{ n }] = await tx.select({ n: count() }).from(projects).where(eq(projects.planId, plan.id));
      if (n === 0) throw new AppError('PROJECT_PLAN_EMPTY');
    }
    const now = clock.now();
    const changes = {
      status: rule.to,
      ...(action === 'submit' ? { submittedAt: now } : {}),
      ...(action === 'approve' ? { approvedAt: now, approvedBy: actor.userId, returnReason: null } : {}),
      ...(action === 'return' ? { returnReason: opts.reason ?? null, approvedAt: null, approvedBy: null } : {}),
    };
    await tx
      .update(projectPlans)
      .set({ ...changes, version: sql`${projectPlans.version} + 1`, updatedAt: now })
      .where(eq(projectPlans.id, plan.id));
    await recordAudit(tx, {
      actor,
      action: `project_plan.${action}`,
      entityType: 'project_plan',
      entityId: plan.id,
      before: { status: plan.status },
      after: { status: rule.to, reason: opts.reason },
    });
  });
  return getPlan({ db: opts.db, actor, id: opts.id });
}
