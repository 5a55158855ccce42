import { and, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { hasRole, isCountyAdmin } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { anyOf } from '../../../core/auth/scope.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { projectPlans, projects, projectUnits } from './projects.schema.js';

/**
 * Who may do what with co-building plans and projects: the county everything (and alone approves or returns a
 * plan); a community admin runs its own community's plan and projects; a unit admin sees and tracks (milestones,
 * evidence, progress) the projects it is named on but never touches a plan; a grid worker reads the projects of
 * the communities its grids lie in. Everyone else: 403.
 */
export function assertMayReadProjects(actor: Actor): void {
  if (!hasRole(actor, 'county_admin', 'community_admin', 'grid_worker', 'unit_admin')) throw new AppError('FORBIDDEN');
}

/** Projects naming one of these units. */
export function onUnits(unitIds: string[]): SQL {
  return sql`exists (select 1 from ${projectUnits} where ${projectUnits.projectId} = ${projects.id} and ${inArray(projectUnits.unitId, unitIds)})`;
}

async function readableCommunities(
  db: Db,
  actor: Actor,
): Promise<{ all: boolean; communityIds: string[]; unitIds: string[] }> {
  const scope = await resolveScope(db, actor);
  const grid = hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [];
  return { all: scope.all, communityIds: [...new Set([...scope.communityIds, ...grid])], unitIds: scope.unitIds };
}

/** The row filter of every project read; undefined means everything. */
export async function projectsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const r = await readableCommunities(db, actor);
  if (r.all) return undefined;
  return (
    anyOf(
      r.communityIds.length ? inArray(projects.communityId, r.communityIds) : undefined,
      r.unitIds.length ? onUnits(r.unitIds) : undefined,
    ) ?? sql`false`
  );
}

/** A unit admin sees the plans of the communities where it is on at least one project. */
export async function plansVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const r = await readableCommunities(db, actor);
  if (r.all) return undefined;
  const unitPlans = r.unitIds.length
    ? exists(
        db
          .select({ one: sql`1` })
          .from(projects)
          .innerJoin(projectUnits, eq(projectUnits.projectId, projects.id))
          .where(and(eq(projects.planId, projectPlans.id), inArray(projectUnits.unitId, r.unitIds))),
      )
    : undefined;
  return (
    anyOf(r.communityIds.length ? inArray(projectPlans.communityId, r.communityIds) : undefined, unitPlans) ??
    sql`false`
  );
}

/** Drafting and submitting a community's plan, adding and editing its projects: the county or that community's admin. */
export async function mayManageCommunity(db: Db, actor: Actor, communityId: string): Promise<boolean> {
  if (isCountyAdmin(actor)) return true;
  if (!hasRole(actor, 'community_admin')) return false;
  return (await resolveScope(db, actor)).communityIds.includes(communityId);
}

export async function assertMayManageCommunity(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!(await mayManageCommunity(db, actor, communityId))) throw new AppError('FORBIDDEN');
}

/** Milestones, evidence and manual progress: the plan's managers or a unit named on the project. */
export async function mayTrack(db: Db, actor: Actor, project: { id: string; communityId: string }): Promise<boolean> {
  if (await mayManageCommunity(db, actor, project.communityId)) return true;
  const unitIds = (await resolveScope(db, actor)).unitIds;
  if (!unitIds.length || !hasRole(actor, 'unit_admin')) return false;
  const [row] = await db
    .select({ unitId: projectUnits.unitId })
    .from(projectUnits)
    .where(and(eq(projectUnits.projectId, project.id), inArray(projectUnits.unitId, unitIds)))
    .limit(1);
  return row !== undefined;
}

export async function assertMayTrack(
  db: Db,
  actor: Actor,
  project: { id: string; communityId: string },
): Promise<void> {
  if (!(await mayTrack(db, actor, project))) throw new AppError('FORBIDDEN');
}

/** A plan's own moves: submitting is the community's; approving and returning are the county's (projects.approve). */
export async function assertMayMovePlan(
  db: Db,
  actor: Actor,
  plan: { communityId: string },
  countyDecision: boolean,
): Promise<void> {
  if (countyDecision && !can(actor, 'projects.approve')) throw new AppError('FORBIDDEN');
  await assertMayManageCommunity(db, actor, plan.communityId);
}

/** The county (projects.approve) may amend a plan in any state; the community only its draft. */
export function assertPlanEditable(plan: { year: number; status: string }, actor: Actor): void {
  if (plan.status !== 'draft' && !can(actor, 'projects.approve'))
    throw new AppError('PROJECT_PLAN_LOCKED', { year: plan.year, status: plan.status });
}

/** Only the county (projects.approve) may put an unpaired unit on a project, with a reason. */
export function mayOverridePairing(actor: Actor): boolean {
  return can(actor, 'projects.approve');
}
