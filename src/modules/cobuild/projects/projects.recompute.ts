import { eq } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { nextDue, rollUp } from './projects.rollup.js';
import { projectMilestones, projects } from './projects.schema.js';

/** Sub-projects nest at most this deep below a top-level project (cycles are refused before; this is a backstop). */
export const MAX_DEPTH = 5;

/**
 * Recomputes a project's stored progress, next open due date and completion day from its milestones, live
 * sub-projects or manual figure, then does the same for each ancestor: called inside the transaction of every
 * write that can move a figure, so a parent is never out of step with its children.
 */
export async function recomputeUpwards(tx: Db, projectId: string, today: string): Promise<void> {
  let id: string | null = projectId;
  for (let depth = 0; id && depth <= MAX_DEPTH + 1; depth++) id = await recomputeOne(tx, id, today);
}

async function recomputeOne(tx: Db, id: string, today: string): Promise<string | null> {
  const [p] = await tx
    .select({
      parentId: projects.parentId,
      manualProgress: projects.manualProgress,
      completedOn: projects.completedOn,
      progress: projects.progress,
    })
    .from(projects)
    .where(eq(projects.id, id))
    .for('update');
  if (!p) return null;
  const milestones = await tx
    .select({ weight: projectMilestones.weight, dueOn: projectMilestones.dueOn, doneOn: projectMilestones.doneOn })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, id));
  const children = await tx
    .select({ progress: projects.progress, budget: projects.budget, cancelled: projects.cancelled })
    .from(projects)
    .where(eq(projects.parentId, id));
  const progress = rollUp({ milestones, children, manualProgress: p.manualProgress });
  const lastDone = milestones.reduce<string | null>(
    (best, m) => (m.doneOn && (!best || m.doneOn > best) ? m.doneOn : best),
    null,
  );
  const completedOn = progress >= 100 ? (p.completedOn ?? lastDone ?? today) : null;
  await tx
    .update(projects)
    .set({ progress, nextDueOn: nextDue(milestones), completedOn })
    .where(eq(projects.id, id));
  return p.parentId;
}
