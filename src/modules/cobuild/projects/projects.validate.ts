import { and, eq, gt, inArray, lt, or } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { organisations } from '../../org/org.schema.js';
import { adoptedPairs } from '../pairing/pairing.queries.js';
import type { ProjectUnitInput } from './projects.contracts.js';
import { mayOverridePairing } from './projects.policy.js';
import { MAX_DEPTH } from './projects.recompute.js';
import { projectMilestones, projects } from './projects.schema.js';

/** The checks behind the projects' own error codes (each a 4xx with a zh-CN/en message). */
export interface Dates {
  startOn: string;
  endOn: string;
}

export function assertDates(d: Dates, year: number): void {
  if (d.endOn < d.startOn) throw new AppError('PROJECT_DATES_INVALID', { startOn: d.startOn, endOn: d.endOn });
  if (Number(d.startOn.slice(0, 4)) !== year)
    throw new AppError('PROJECT_START_OUTSIDE_YEAR', { startOn: d.startOn, year });
}

export function assertMilestoneWithin(m: { title: string; dueOn: string }, d: Dates): void {
  if (m.dueOn < d.startOn || m.dueOn > d.endOn) {
    throw new AppError('PROJECT_MILESTONE_OUTSIDE_DATES', {
      title: m.title,
      dueOn: m.dueOn,
      startOn: d.startOn,
      endOn: d.endOn,
    });
  }
}

export function assertProgressValue(value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 100)
    throw new AppError('PROJECT_PROGRESS_OUT_OF_RANGE', { value });
}

export interface CheckedUnit extends ProjectUnitInput {
  overrideReason: string | null;
}

/**
 * Exactly one lead and no unit twice; every unit a unit organisation paired with the community that year (adopted
 * pairing). The county may name an unpaired unit when it gives a reason, which is kept on the row.
 */
export async function checkUnits(
  tx: Db,
  actor: Actor,
  opts: {
    communityId: string;
    year: number;
    units: ProjectUnitInput[];
    overrideReason?: string;
  },
): Promise<CheckedUnit[]> {
  const ids = opts.units.map((u) => u.unitId);
  if (new Set(ids).size !== ids.length || opts.units.filter((u) => u.role === 'lead').length !== 1)
    throw new AppError('PROJECT_LEAD_UNIT');
  const orgs = await tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const notUnit = ids.findIndex((id) => byId.get(id)?.kind !== 'unit');
  if (notUnit >= 0)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: `/units/${notUnit}/unitId`, message: 'not a unit' }]);
  const paired = new Set(
    (await adoptedPairs(tx, { year: opts.year, communityId: opts.communityId })).map((p) => p.unitId),
  );
  const override = mayOverridePairing(actor) && opts.overrideReason ? opts.overrideReason : null;
  return opts.units.map((u) => {
    if (paired.has(u.unitId)) return { ...u, overrideReason: null };
    if (!override)
      throw new AppError('PROJECT_UNIT_NOT_PAIRED', { unit: byId.get(u.unitId)?.name ?? u.unitId, year: opts.year });
    return { ...u, overrideReason: override };
  });
}

/**
 * A parent must be a live project of the same plan, must not be this project or one of its descendants, and must
 * enclose the child's dates; nesting stops at MAX_DEPTH.
 */
export async function checkParent(
  tx: Db,
  opts: { projectId: string | null; parentId: string; planId: string } & Dates,
): Promise<void> {
  let id: string | null = opts.parentId;
  let first: typeof projects.$inferSelect | undefined;
  for (let depth = 0; id; depth++) {
    if (id === opts.projectId) throw new AppError('PROJECT_PARENT_CYCLE');
    if (depth > MAX_DEPTH) throw new AppError('PROJECT_PARENT_CYCLE');
    const [row] = await tx.select().from(projects).where(eq(projects.id, id));
    if (!row) throw new AppError('PROJECT_PARENT_INVALID');
    first ??= row;
    id = row.parentId;
  }
  if (!first || first.planId !== opts.planId || first.cancelled) throw new AppError('PROJECT_PARENT_INVALID');
  assertChildWithin(opts, first);
}

function assertChildWithin(child: Dates, parent: Dates): void {
  if (child.startOn < parent.startOn || child.endOn > parent.endOn) {
    throw new AppError('PROJECT_CHILD_OUTSIDE_PARENT', {
      startOn: child.startOn,
      endOn: child.endOn,
      parentStart: parent.startOn,
      parentEnd: parent.endOn,
    });
  }
}

/** New dates of an existing project must still enclose its milestones and sub-projects. */
export async function checkContents(tx: Db, projectId: string, d: Dates): Promise<void> {
  const [m] = await tx
    .select({ title: projectMilestones.title, dueOn: projectMilestones.dueOn })
    .from(projectMilestones)
    .where(
      and(
        eq(projectMilestones.projectId, projectId),
        or(lt(projectMilestones.dueOn, d.startOn), gt(projectMilestones.dueOn, d.endOn)),
      ),
    )
    .limit(1);
  if (m) assertMilestoneWithin(m, d);
  const kids = await tx
    .select({ startOn: projects.startOn, endOn: projects.endOn })
    .from(projects)
    .where(eq(projects.parentId, projectId));
  for (const k of kids) assertChildWithin(k, d);
}
