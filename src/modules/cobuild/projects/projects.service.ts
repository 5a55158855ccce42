import { and, asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { CreateProject, ProjectDetail, UpdateProject } from './projects.contracts.js';
import { evidenceOf, evidencePaths } from './projects.evidence.js';
import {
  assertMayManageCommunity,
  assertMayReadProjects,
  assertMayTrack,
  assertPlanEditable,
  mayManageCommunity,
  mayTrack,
  projectsVisibleTo,
} from './projects.policy.js';
import { assertIsCommunity } from '../../org/org.service.js';
import { ensurePlan } from './projects.plans.js';
import { childViews, projectViews } from './projects.query.js';
import { recomputeUpwards } from './projects.recompute.js';
import { isMilestoneOverdue, progressSource } from './projects.rollup.js';
import { projectMilestones, projectPlans, projects, projectUnits } from './projects.schema.js';
import {
  assertDates,
  assertMilestoneWithin,
  assertProgressValue,
  checkContents,
  checkParent,
  checkUnits,
  type CheckedUnit,
} from './projects.validate.js';
import { clock } from '../../../core/clock.js';

/** The domains' spreadsheet labels, also used by the needs export. */
export { DOMAIN_LABELS } from './projects.labels.js';

/**
 * Co-building projects (共建项目): created into their community's plan for the year, with units, milestones and a
 * rolled-up progress. Every write checks role and scope, runs in one transaction with its audit row and recomputes
 * the roll-up of the project and its ancestors before it commits.
 */
export type ProjectRow = typeof projects.$inferSelect;

export interface CreateProjectOptions {
  actor: Actor;
  input: CreateProject;
  today: string;
  /** Where the project comes from ('manual', 'import', 'matching', …), kept on the row and in the audit. */
  source?: string;
  /** Add to a plan that is already submitted or approved (a mid-year addition, e.g. from an accepted match). */
  amendApprovedPlan?: boolean;
}

/**
 * Creates a project inside the caller's transaction and returns its id. Other modules call this (e.g. when a
 * needs↔resources match is accepted) with amendApprovedPlan: true; the actor must manage the community.
 */
export async function createProjectInTx(tx: Db, opts: CreateProjectOptions): Promise<string> {
  const { actor, input } = opts;
  await assertMayManageCommunity(tx, actor, input.communityId);
  await assertIsCommunity(tx, input.communityId);
  assertDates(input, input.year);
  for (const m of input.milestones ?? []) assertMilestoneWithin(m, input);
  if (input.manualProgress !== undefined && input.manualProgress !== null) {
    assertProgressValue(input.manualProgress);
    if (input.milestones?.length) throw new AppError('PROJECT_PROGRESS_DERIVED', { source: 'milestones' });
  }
  const plan = await ensurePlan(tx, input.communityId, input.year);
  if (!opts.amendApprovedPlan) assertPlanEditable(plan, actor);
  const units = await checkUnits(tx, actor, { ...input, overrideReason: input.pairingOverrideReason });
  if (input.parentId)
    await checkParent(tx, {
      projectId: null,
      parentId: input.parentId,
      planId: plan.id,
      startOn: input.startOn,
      endOn: input.endOn,
    });
  const [row] = await tx
    .insert(projects)
    .values({
      planId: plan.id,
      communityId: input.communityId,
      year: input.year,
      parentId: input.parentId ?? null,
      name: input.name,
      domain: input.domain,
      description: input.description ?? null,
      budget: input.budget ?? null,
      resources: input.resources ?? null,
      startOn: input.startOn,
      endOn: input.endOn,
      manualProgress: input.manualProgress ?? null,
      source: opts.source ?? 'manual',
      createdBy: actor.userId,
    })
    .returning();
  await insertUnits(tx, row.id, units);
  if (input.milestones?.length) {
    await tx.insert(projectMilestones).values(
      input.milestones.map((m) => ({
        projectId: row.id,
        title: m.title,
        dueOn: m.dueOn,
        weight: m.weight,
        doneOn: m.doneOn ?? null,
        note: m.note ?? null,
      })),
    );
  }
  await recomputeUpwards(tx, row.id, opts.today);
  await recordAudit(tx, {
    actor,
    action: 'project.create',
    entityType: 'project',
    entityId: row.id,
    after: { ...input, source: opts.source ?? 'manual', planStatus: plan.status },
  });
  return row.id;
}

async function insertUnits(tx: Db, projectId: string, units: CheckedUnit[]): Promise<void> {
  await tx
    .insert(projectUnits)
    .values(units.map((u) => ({ projectId, unitId: u.unitId, role: u.role, overrideReason: u.overrideReason })));
}

export async function createProject(opts: { db: Db } & CreateProjectOptions): Promise<ProjectDetail> {
  const id = await opts.db.transaction((tx) => createProjectInTx(tx, opts));
  return getProject({ db: opts.db, actor: opts.actor, id, today: opts.today });
}

/** The project visible to this actor, locked for a write (out of scope is NOT_FOUND, like a missing one). */
export async function lockProject(tx: Db, actor: Actor, id: string): Promise<ProjectRow> {
  assertMayReadProjects(actor);
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), await projectsVisibleTo(tx, actor)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'project' });
  return row;
}

export async function getProject(opts: { db: Db; actor: Actor; id: string; today: string }): Promise<ProjectDetail> {
  const { db, actor, today } = opts;
  assertMayReadProjects(actor);
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, opts.id), await projectsVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'project' });
  const [[view], milestones, children, evidence, [plan], parent] = await Promise.all([
    projectViews(db, [row.id], today),
    db
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, row.id))
      .orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.createdAt)),
    childViews(db, row.id, today),
    evidenceOf(db, row.id),
    db.select({ status: projectPlans.status }).from(projectPlans).where(eq(projectPlans.id, row.planId)),
    row.parentId
      ? db.select({ name: projects.name }).from(projects).where(eq(projects.id, row.parentId))
      : Promise.resolve([]),
  ]);
  const manages = await mayManageCommunity(db, actor, row.communityId);
  return {
    ...view,
    progressSource: progressSource({
      milestones,
      children: children.map((c) => ({ progress: c.progress, budget: c.budget, cancelled: c.status === 'cancelled' })),
    }),
    parentName: parent[0]?.name ?? null,
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.dueOn,
      weight: m.weight,
      doneOn: m.doneOn,
      note: m.note,
      overdue: !row.cancelled && isMilestoneOverdue(m, today),
      version: m.version,
    })),
    children,
    evidence,
    can: {
      editPlanFields:
        !row.cancelled && manages && (plan.status === 'draft' || actor.bindings.some((b) => b.role === 'county_admin')),
      track: !row.cancelled && (await mayTrack(db, actor, row)),
      cancel: !row.cancelled && manages,
    },
  };
}

const PLAN_FIELDS = [
  'name',
  'domain',
  'description',
  'units',
  'budget',
  'resources',
  'startOn',
  'endOn',
  'parentId',
] as const;

/**
 * Edits a project with the version the caller saw. Plan fields (what the plan approved: name, domain, units, budget,
 * dates, parent) need the plan's managers and a draft plan (the county may amend any); the manual progress of a
 * project without milestones or sub-projects may be set by anyone who tracks it.
 */
export async function updateProject(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateProject;
  today: string;
}): Promise<ProjectDetail> {
  const { actor, input, today } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockProject(tx, actor, opts.id);
    if (before.version !== input.version) throw new AppError('STALE_UPDATE');
    if (before.cancelled) throw new AppError('PROJECT_CANCELLED');
    const touchesPlan = PLAN_FIELDS.some((f) => input[f] !== undefined);
    if (touchesPlan) await checkPlanEdit(tx, actor, before, input);
    else await assertMayTrack(tx, actor, before);
    if (input.manualProgress !== undefined && input.manualProgress !== null)
      await checkManualProgress(tx, before.id, input.manualProgress);
    const { units: _units, version: _version, pairingOverrideReason: _reason, ...fields } = input;
    await tx
      .update(projects)
      .set({ ...fields, version: before.version + 1, updatedAt: clock.now() })
      .where(eq(projects.id, before.id));
    if (input.units) {
      const units = await checkUnits(tx, actor, {
        communityId: before.communityId,
        year: before.year,
        units: input.units,
        overrideReason: input.pairingOverrideReason,
      });
      await tx.delete(projectUnits).where(eq(projectUnits.projectId, before.id));
      await insertUnits(tx, before.id, units);
    }
    await recomputeUpwards(tx, before.id, today);
    if (input.parentId !== undefined && before.parentId && before.parentId !== input.parentId)
      await recomputeUpwards(tx, before.parentId, today);
    await recordAudit(tx, {
      actor,
      action: 'project.update',
      entityType: 'project',
      entityId: before.id,
      before: pick(before, input),
      after: input,
    });
  });
  return getProject({ db: opts.db, actor, id: opts.id, today });
}

async function checkPlanEdit(tx: Db, actor: Actor, before: ProjectRow, input: UpdateProject): Promise<void> {
  await assertMayManageCommunity(tx, actor, before.communityId);
  const [plan] = await tx.select().from(projectPlans).where(eq(projectPlans.id, before.planId)).for('update');
  assertPlanEditable(plan, actor);
  const dates = { startOn: input.startOn ?? before.startOn, endOn: input.endOn ?? before.endOn };
  assertDates(dates, before.year);
  await checkContents(tx, before.id, dates);
  const parentId = input.parentId === undefined ? before.parentId : input.parentId;
  if (parentId) await checkParent(tx, { projectId: before.id, parentId, planId: before.planId, ...dates });
}

async function checkManualProgress(tx: Db, id: string, value: number): Promise<void> {
  assertProgressValue(value);
  const [{ m }] = await tx.select({ m: count() }).from(projectMilestones).where(eq(projectMilestones.projectId, id));
  const [{ c }] = await tx
    .select({ c: count() })
    .from(projects)
    .where(and(eq(projects.parentId, id), eq(projects.cancelled, false)));
  if (c > 0) throw new AppError('PROJECT_PROGRESS_DERIVED', { source: 'sub_projects' });
  if (m > 0) throw new AppError('PROJECT_PROGRESS_DERIVED', { source: 'milestones' });
}

function pick(row: ProjectRow, input: UpdateProject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(input)) if (k in row) out[k] = row[k as keyof ProjectRow];
  return out;
}

/** Cancelling is explicit and kept with its reason; the parent's roll-up then leaves the project out. */
export async function cancelProject(opts: {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  reason: string;
  today: string;
}): Promise<ProjectDetail> {
  const { actor, today } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockProject(tx, actor, opts.id);
    await assertMayManageCommunity(tx, actor, before.communityId);
    if (before.version !== opts.version) throw new AppError('STALE_UPDATE');
    if (before.cancelled) throw new AppError('PROJECT_CANCELLED');
    await tx
      .update(projects)
      .set({ cancelled: true, cancelReason: opts.reason, version: before.version + 1, updatedAt: clock.now() })
      .where(eq(projects.id, before.id));
    if (before.parentId) await recomputeUpwards(tx, before.parentId, today);
    await recordAudit(tx, {
      actor,
      action: 'project.cancel',
      entityType: 'project',
      entityId: before.id,
      after: { reason: opts.reason },
    });
  });
  return getProject({ db: opts.db, actor, id: opts.id, today });
}

/** Deleting belongs to drafting: a draft plan's project without sub-projects. Returns the evidence files to remove. */
export async function deleteProject(opts: { db: Db; actor: Actor; id: string; today: string }): Promise<string[]> {
  const { actor } = opts;
  return opts.db.transaction(async (tx) => {
    const before = await lockProject(tx, actor, opts.id);
    await assertMayManageCommunity(tx, actor, before.communityId);
    const [plan] = await tx.select().from(projectPlans).where(eq(projectPlans.id, before.planId)).for('update');
    assertPlanEditable(plan, actor);
    const [{ n }] = await tx.select({ n: count() }).from(projects).where(eq(projects.parentId, before.id));
    if (n > 0) throw new AppError('REFERENCED', { count: n, referrer: 'sub_projects' });
    const files = await evidencePaths(tx, before.id);
    await tx.delete(projects).where(eq(projects.id, before.id));
    if (before.parentId) await recomputeUpwards(tx, before.parentId, opts.today);
    await recordAudit(tx, {
      actor,
      action: 'project.delete',
      entityType: 'project',
      entityId: before.id,
      before: { name: before.name, planId: before.planId },
    });
    return files;
  });
}
