import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { MilestoneInput, ProjectDetail, UpdateMilestone } from './projects.contracts.js';
import { assertMayTrack } from './projects.policy.js';
import { recomputeUpwards } from './projects.recompute.js';
import { projectMilestones } from './projects.schema.js';
import { getProject, lockProject, type ProjectRow } from './projects.service.js';
import { assertMilestoneWithin } from './projects.validate.js';
import { clock } from '../../../core/clock.js';

/**
 * Milestones (里程碑) of a project: added, edited, marked done (or undone) and removed by whoever tracks the project
 * (its community, its units, the county). Each write recomputes the project's and its ancestors' progress before
 * it commits.
 */
async function lockTracked(tx: Db, actor: Actor, projectId: string): Promise<ProjectRow> {
  const project = await lockProject(tx, actor, projectId);
  await assertMayTrack(tx, actor, project);
  if (project.cancelled) throw new AppError('PROJECT_CANCELLED');
  return project;
}

interface MilestoneWrite {
  db: Db;
  actor: Actor;
  projectId: string;
  today: string;
}

export async function addMilestone(opts: MilestoneWrite & { input: MilestoneInput }): Promise<ProjectDetail> {
  const { actor, input, today } = opts;
  await opts.db.transaction(async (tx) => {
    const project = await lockTracked(tx, actor, opts.projectId);
    assertMilestoneWithin(input, project);
    const [row] = await tx
      .insert(projectMilestones)
      .values({
        projectId: project.id,
        title: input.title,
        dueOn: input.dueOn,
        weight: input.weight,
        doneOn: input.doneOn ?? null,
        note: input.note ?? null,
      })
      .returning();
    await recomputeUpwards(tx, project.id, today);
    await recordAudit(tx, {
      actor,
      action: 'project_milestone.create',
      entityType: 'project_milestone',
      entityId: row.id,
      after: { projectId: project.id, ...input },
    });
  });
  return getProject({ db: opts.db, actor, id: opts.projectId, today });
}

export async function updateMilestone(
  opts: MilestoneWrite & { milestoneId: string; input: UpdateMilestone },
): Promise<ProjectDetail> {
  const { actor, input, today } = opts;
  await opts.db.transaction(async (tx) => {
    const project = await lockTracked(tx, actor, opts.projectId);
    const [before] = await tx
      .select()
      .from(projectMilestones)
      .where(and(eq(projectMilestones.id, opts.milestoneId), eq(projectMilestones.projectId, project.id)))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND', { entity: 'project_milestone' });
    if (before.version !== input.version) throw new AppError('STALE_UPDATE');
    assertMilestoneWithin({ title: input.title ?? before.title, dueOn: input.dueOn ?? before.dueOn }, project);
    const { version: _v, ...changes } = input;
    await tx
      .update(projectMilestones)
      .set({ ...changes, version: before.version + 1, updatedAt: clock.now() })
      .where(eq(projectMilestones.id, before.id));
    await recomputeUpwards(tx, project.id, today);
    const action =
      input.doneOn !== undefined && Boolean(input.doneOn) !== Boolean(before.doneOn)
        ? input.doneOn
          ? 'done'
          : 'reopen'
        : 'update';
    await recordAudit(tx, {
      actor,
      action: `project_milestone.${action}`,
      entityType: 'project_milestone',
      entityId: before.id,
      before: {
        title: before.title,
        dueOn: before.dueOn,
        weight: before.weight,
        doneOn: before.doneOn,
        note: before.note,
      },
      after: changes,
    });
  });
  return getProject({ db: opts.db, actor, id: opts.projectId, today });
}

export async function deleteMilestone(opts: MilestoneWrite & { milestoneId: string }): Promise<ProjectDetail> {
  const { actor, today } = opts;
  await opts.db.transaction(async (tx) => {
    const project = await lockTracked(tx, actor, opts.projectId);
    const [gone] = await tx
      .delete(projectMilestones)
      .where(and(eq(projectMilestones.id, opts.milestoneId), eq(projectMilestones.projectId, project.id)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', { entity: 'project_milestone' });
    await recomputeUpwards(tx, project.id, today);
    await recordAudit(tx, {
      actor,
      action: 'project_milestone.delete',
      entityType: 'project_milestone',
      entityId: gone.id,
      before: { title: gone.title, dueOn: gone.dueOn, projectId: project.id },
    });
  });
  return getProject({ db: opts.db, actor, id: opts.projectId, today });
}
