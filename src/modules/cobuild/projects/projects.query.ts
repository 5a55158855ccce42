import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { orderBy, type Page, pageWindow } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import type {
  ProjectDomain,
  ProjectExportQuery,
  ProjectListQuery,
  ProjectSummary,
  ProjectUnitView,
  ProjectView,
  SummaryQuery,
} from './projects.contracts.js';
import { onUnits, projectsVisibleTo } from './projects.policy.js';
import { isOverdue, type ProjectStatus } from './projects.rollup.js';
import { projectPlans, projects, projectUnits } from './projects.schema.js';

/**
 * Reading projects: the status is computed here from the stored progress and dates and the county's today, in
 * SQL (to filter and count), and only here: the list, the summary, the overdue filter and the joint meetings' agenda
 * (delayed projects) all use these builders. deriveStatus() in projects.rollup.ts is the same rule for code without
 * a database (the demo's checks, unit tests); projects.status.api.test.ts runs both over every case and fails if they
 * disagree.
 */
function lateSql(today: string): SQL {
  const d = sql`${today}::date`;
  // next_due_on is null when no milestone is open: "null < d" is null, so only the end date counts then.
  return sql`(${projects.endOn} < ${d} or ${projects.nextDueOn} < ${d})`;
}

export function statusSql(today: string): SQL<ProjectStatus> {
  const d = sql`${today}::date`;
  return sql<ProjectStatus>`(case when ${projects.cancelled} then 'cancelled' when ${projects.progress} >= 100 then 'done'
    when ${lateSql(today)} then 'delayed'
    when ${projects.progress} <= 0 and ${projects.startOn} > ${d} then 'planned' else 'in_progress' end)`;
}

/** Delayed (statusSql = 'delayed'): not cancelled, not done, and the end date or an own milestone's due date passed. */
export function delayedSql(today: string): SQL {
  return sql`(not ${projects.cancelled} and ${projects.progress} < 100 and ${lateSql(today)})`;
}

/** The list's overdue filter and the summary's count: the delayed projects. */
export const overdueSql = delayedSql;

const childCount = sql<number>`(select count(*) from ${projects} c where c.parent_id = ${projects.id})`.mapWith(Number);

function selectProjects(db: Db, today: string) {
  return db
    .select({
      p: projects,
      communityName: organisations.name,
      planStatus: projectPlans.status,
      status: statusSql(today),
      childCount,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.communityId))
    .innerJoin(projectPlans, eq(projectPlans.id, projects.planId));
}
type ProjectRow = Awaited<ReturnType<ReturnType<typeof selectProjects>['execute']>>[number];

/** Units of these projects with whether each is paired with the project's community in the project's year. */
export async function unitsOf(db: Db, projectIds: string[]): Promise<Map<string, ProjectUnitView[]>> {
  const out = new Map<string, ProjectUnitView[]>();
  if (!projectIds.length) return out;
  const unit = alias(organisations, 'unit');
  const rows = await db
    .select({
      projectId: projectUnits.projectId,
      unitId: projectUnits.unitId,
      role: projectUnits.role,
      unitName: unit.name,
      paired: sql<boolean>`exists(select 1 from pairings pr join pairing_plans pp on pp.id = pr.plan_id
      where pp.status = 'adopted' and pr.year = ${projects.year} and pr.community_id = ${projects.communityId}
      and pr.unit_id = ${projectUnits.unitId})`,
    })
    .from(projectUnits)
    .innerJoin(projects, eq(projects.id, projectUnits.projectId))
    .innerJoin(unit, eq(unit.id, projectUnits.unitId))
    .where(inArray(projectUnits.projectId, projectIds))
    .orderBy(asc(projectUnits.projectId), sql`${projectUnits.role} = 'partner'`, asc(unit.code));
  for (const r of rows) {
    const list = out.get(r.projectId) ?? [];
    list.push({ unitId: r.unitId, unitName: r.unitName, role: r.role, paired: Boolean(r.paired) });
    out.set(r.projectId, list);
  }
  return out;
}

function present(r: ProjectRow, units: ProjectUnitView[], today: string): ProjectView {
  const p = r.p;
  return {
    id: p.id,
    planId: p.planId,
    planStatus: r.planStatus,
    communityId: p.communityId,
    communityName: r.communityName,
    year: p.year,
    parentId: p.parentId,
    name: p.name,
    domain: p.domain,
    description: p.description,
    budget: p.budget,
    resources: p.resources,
    startOn: p.startOn,
    endOn: p.endOn,
    progress: p.progress,
    manualProgress: p.manualProgress,
    status: r.status,
    overdue: isOverdue(p, today),
    milestoneOverdue: !p.cancelled && p.progress < 100 && p.nextDueOn !== null && p.nextDueOn < today,
    nextDueOn: p.nextDueOn,
    completedOn: p.completedOn,
    cancelReason: p.cancelReason,
    childCount: r.childCount,
    units,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

async function presentAll(db: Db, rows: ProjectRow[], today: string): Promise<ProjectView[]> {
  const units = await unitsOf(
    db,
    rows.map((r) => r.p.id),
  );
  return rows.map((r) => present(r, units.get(r.p.id) ?? [], today));
}

/** The WHERE of a list or export: the actor's scope and the DESIGN §4 filters. */
export async function projectsWhere(
  db: Db,
  actor: Actor,
  q: ProjectExportQuery,
  today: string,
): Promise<SQL | undefined> {
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return and(
    await projectsVisibleTo(db, actor),
    q.year ? eq(projects.year, q.year) : undefined,
    q.communityId ? eq(projects.communityId, q.communityId) : undefined,
    q.unitId ? onUnits([q.unitId]) : undefined,
    q.domain ? eq(projects.domain, q.domain) : undefined,
    q.status ? sql`${statusSql(today)} = ${q.status}` : undefined,
    q.overdue === undefined ? undefined : q.overdue ? overdueSql(today) : sql`not ${overdueSql(today)}`,
    q.topLevel ? isNull(projects.parentId) : undefined,
    q.parentId ? eq(projects.parentId, q.parentId) : undefined,
    like
      ? or(ilike(projects.name, like), ilike(projects.description, like), ilike(projects.resources, like))
      : undefined,
  );
}

export function projectSort(sort: string | undefined): SQL[] {
  return orderBy(
    sort,
    {
      name: projects.name,
      startOn: projects.startOn,
      endOn: projects.endOn,
      progress: projects.progress,
      budget: projects.budget,
      domain: projects.domain,
      createdAt: projects.createdAt,
      community: organisations.code,
    },
    [asc(organisations.code), asc(projects.startOn), asc(projects.name)],
    projects.id,
  );
}

export async function listProjects(opts: {
  db: Db;
  actor: Actor;
  query: ProjectListQuery;
  today: string;
}): Promise<Page<ProjectView>> {
  const { db, query: q, today } = opts;
  const where = await projectsWhere(db, opts.actor, q, today);
  const { limit, offset } = pageWindow(q);
  const rows = await selectProjects(db, today)
    .where(where)
    .orderBy(...projectSort(q.sort))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: count() }).from(projects).where(where);
  return { items: await presentAll(db, rows, today), total, page: q.page, pageSize: q.pageSize };
}

/** Projects by id (already known to be visible), in the given order. */
export async function projectViews(db: Db, ids: string[], today: string): Promise<ProjectView[]> {
  if (!ids.length) return [];
  const rows = await selectProjects(db, today).where(inArray(projects.id, ids));
  const views = new Map((await presentAll(db, rows, today)).map((v) => [v.id, v]));
  return ids.flatMap((id) => views.get(id) ?? []);
}

export async function childViews(db: Db, parentId: string, today: string): Promise<ProjectView[]> {
  const rows = await selectProjects(db, today)
    .where(eq(projects.parentId, parentId))
    .orderBy(asc(projects.startOn), asc(projects.name));
  return presentAll(db, rows, today);
}

/** Counts by status and domain of the top-level projects the actor sees (sub-projects are inside their parents). */
export async function projectSummary(opts: {
  db: Db;
  actor: Actor;
  query: SummaryQuery;
  today: string;
}): Promise<ProjectSummary> {
  const { db, today } = opts;
  const where = await projectsWhere(db, opts.actor, { ...opts.query, topLevel: true }, today);
  const status = statusSql(today);
  const rows = await db
    .select({
      domain: projects.domain,
      status,
      n: count(),
      budget: sql<number>`coalesce(sum(${projects.budget}), 0)`.mapWith(Number),
      progress: sql<number>`coalesce(sum(${projects.progress}) filter (where not ${projects.cancelled}), 0)`.mapWith(
        Number,
      ),
      overdue: sql<number>`count(*) filter (where ${overdueSql(today)})`.mapWith(Number),
    })
    .from(projects)
    .where(where)
    // By position: the status expression carries a parameter, so repeating it would not match the select list.
    .groupBy(sql`1`, sql`2`);
  return summarise(rows);
}

interface SummaryRow {
  domain: ProjectDomain;
  status: ProjectStatus;
  n: number;
  budget: number;
  progress: number;
  overdue: number;
}

function summarise(rows: SummaryRow[]): ProjectSummary {
  const byStatus: Record<string, number> = {};
  const domains = new Map<ProjectDomain, { total: number; done: number; progress: number; live: number }>();
  let total = 0,
    budget = 0,
    progress = 0,
    live = 0,
    overdue = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const d = domains.get(r.domain) ?? { total: 0, done: 0, progress: 0, live: 0 };
    const liveN = r.status === 'cancelled' ? 0 : r.n;
    d.total += r.n;
    d.done += r.status === 'done' ? r.n : 0;
    d.progress += r.progress;
    d.live += liveN;
    domains.set(r.domain, d);
    total += r.n;
    budget += r.budget;
    progress += r.progress;
    live += liveN;
    overdue += r.overdue;
  }
  const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : 0);
  return {
    total,
    budget,
    averageProgress: avg(progress, live),
    overdue,
    byStatus,
    byDomain: [...domains].map(([domain, d]) => ({
      domain,
      total: d.total,
      done: d.done,
      averageProgress: avg(d.progress, d.live),
    })),
  };
}

export const EXPORT_CAP = 10_000;

/** The rows of an export: the list's filters and order, at most EXPORT_CAP (+1 to tell that more were left out). */
export async function exportViews(opts: {
  db: Db;
  actor: Actor;
  query: ProjectExportQuery;
  today: string;
}): Promise<ProjectView[]> {
  const where = await projectsWhere(opts.db, opts.actor, opts.query, opts.today);
  const rows = await selectProjects(opts.db, opts.today)
    .where(where)
    .orderBy(...projectSort(opts.query.sort))
    .limit(EXPORT_CAP + 1);
  return presentAll(opts.db, rows, opts.today);
}
