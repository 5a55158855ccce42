import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import {
  buildTemplate,
  type Download,
  type ExcelColumn,
  type ExportColumn,
  writeSheetStream,
} from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import { organisations } from '../../org/org.schema.js';
import { adoptedPairs } from '../pairing/pairing.queries.js';
import type { MilestoneView, PairedUnit, ProjectExportQuery, ProjectView } from './projects.contracts.js';
import { DOMAIN_LABELS, STATUS_LABELS } from './projects.labels.js';
import { assertMayManageCommunity, assertMayReadProjects } from './projects.policy.js';
import { EXPORT_CAP, exportViews } from './projects.query.js';
import { projectMilestones, projects } from './projects.schema.js';

/**
 * Excel for the co-building plan: an import template with drop-downs (domains, the community's paired units), the
 * plan of a community exported in the same columns (so an export can be edited and imported again into another
 * year's draft), and an export of any project list.
 */
export const PLAN_COLUMNS: ExcelColumn[] = [
  {
    key: 'name',
    title: '项目名称',
    required: true,
    width: 30,
    note: '不超过 200 个字；同一文件中不能重名',
    example: '杭东小区老旧小区改造提升工程',
  },
  {
    key: 'domain',
    title: '领域',
    required: true,
    width: 14,
    note: `从下拉列表选择：${Object.values(DOMAIN_LABELS).join('、')}`,
    example: '老旧小区改造',
  },
  {
    key: 'leadUnit',
    title: '牵头单位',
    required: true,
    width: 22,
    note: '本年度与社区结对的单位全称，可从下拉列表选择',
    example: '县住建局党组',
  },
  { key: 'partnerUnits', title: '配合单位', width: 30, note: '可填多个，用顿号或逗号分隔；须为本年度结对单位' },
  { key: 'budget', title: '预算（元）', width: 12, note: '整数，单位：元', example: '500000' },
  { key: 'resources', title: '资源投入', width: 24, note: '人力、物资、设备等，不超过 2000 个字' },
  {
    key: 'startOn',
    title: '开始日期',
    required: true,
    width: 12,
    text: true,
    note: '如 2026-03-01；须在计划年度内',
    example: '2026-03-01',
  },
  {
    key: 'endOn',
    title: '结束日期',
    required: true,
    width: 12,
    text: true,
    note: '不早于开始日期',
    example: '2026-10-31',
  },
  {
    key: 'parent',
    title: '上级项目',
    width: 24,
    note: '子项目填写上级项目名称（本文件或已在计划中的项目）；子项目的起止日期须在上级项目之内',
  },
  {
    key: 'milestones',
    title: '里程碑',
    width: 40,
    example: '方案设计:2026-04-30:1；施工:2026-09-30:3',
    note: '每个里程碑写成“名称:截止日期:权重”，多个用分号分隔；权重为 1–100 的整数，省略时为 1；截止日期须在项目起止日期之内',
  },
  { key: 'description', title: '项目内容', width: 40, note: '不超过 5000 个字' },
];

/** The units paired with the community in the year (what a project may name), for the web's pickers. */
export async function pairedUnits(db: Db, actor: Actor, communityId: string, year: number): Promise<PairedUnit[]> {
  assertMayReadProjects(actor);
  const ids = (await adoptedPairs(db, { year, communityId })).map((p) => p.unitId);
  if (!ids.length) return [];
  const rows = await db
    .select({ unitId: organisations.id, name: organisations.name, strengths: organisations.strengths })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.code));
  return rows;
}

/** The units paired with the community in the year, by name (what the template offers and the import accepts). */
export async function pairedUnitsByName(db: Db, communityId: string, year: number): Promise<Map<string, string>> {
  const ids = (await adoptedPairs(db, { year, communityId })).map((p) => p.unitId);
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.code));
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function communityName(db: Db, communityId: string): Promise<string> {
  const [c] = await db
    .select({ name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, communityId));
  if (c?.kind !== 'community') throw new AppError('NOT_FOUND', { entity: 'organisation' });
  return c.name;
}

export async function planTemplate(opts: {
  db: Db;
  actor: Actor;
  communityId: string;
  year: number;
}): Promise<Download> {
  await assertMayManageCommunity(opts.db, opts.actor, opts.communityId);
  const name = await communityName(opts.db, opts.communityId);
  const units = [...(await pairedUnitsByName(opts.db, opts.communityId, opts.year)).keys()];
  const body = await buildTemplate({
    sheetName: '共建项目',
    columns: PLAN_COLUMNS,
    lists: { domain: Object.values(DOMAIN_LABELS), leadUnit: units },
    references: [{ title: `${opts.year} 年与${name}结对的单位`, header: ['单位名称'], rows: units.map((u) => [u]) }],
  });
  return {
    fileName: `${name}${opts.year}年共建项目计划导入模板.xlsx`,
    asciiName: `project-plan-template-${opts.year}.xlsx`,
    body,
  };
}

export const milestoneCell = (ms: Pick<MilestoneView, 'title' | 'dueOn' | 'weight'>[]) =>
  ms.map((m) => `${m.title}:${m.dueOn}:${m.weight}`).join('；');

const planColumn = (
  key: string,
  value: (p: ProjectView & { parentName: string | null; milestoneText: string }) => string | number | null,
) => {
  const c = PLAN_COLUMNS.find((x) => x.key === key) as ExcelColumn;
  return { title: c.title, width: c.width, value };
};

type PlanExportRow = ProjectView & { parentName: string | null; milestoneText: string };

const PLAN_EXPORT_COLUMNS: ExportColumn<PlanExportRow>[] = [
  planColumn('name', (p) => p.name),
  planColumn('domain', (p) => DOMAIN_LABELS[p.domain]),
  planColumn('leadUnit', (p) => p.units.find((u) => u.role === 'lead')?.unitName ?? null),
  planColumn('partnerUnits', (p) =>
    p.units
      .filter((u) => u.role === 'partner')
      .map((u) => u.unitName)
      .join('、'),
  ),
  planColumn('budget', (p) => p.budget),
  planColumn('resources', (p) => p.resources),
  planColumn('startOn', (p) => p.startOn),
  planColumn('endOn', (p) => p.endOn),
  planColumn('parent', (p) => p.parentName),
  planColumn('milestones', (p) => p.milestoneText),
  planColumn('description', (p) => p.description),
  { title: '进度（%）', width: 10, value: (p) => p.progress },
  { title: '状态', width: 10, value: (p) => STATUS_LABELS[p.status] },
];

/** A community's plan for a year in the import columns (parents before their sub-projects), plus progress and status. */
export async function exportPlan(opts: {
  db: Db;
  actor: Actor;
  communityId: string;
  year: number;
  today: string;
}): Promise<Download> {
  const { db } = opts;
  assertMayReadProjects(opts.actor);
  const name = await communityName(db, opts.communityId);
  const views = await exportViews({
    db,
    actor: opts.actor,
    query: { communityId: opts.communityId, year: opts.year },
    today: opts.today,
  });
  const ordered = parentsFirst(views);
  const names = new Map(views.map((v) => [v.id, v.name]));
  const ms = views.length
    ? await db
        .select()
        .from(projectMilestones)
        .where(
          inArray(
            projectMilestones.projectId,
            views.map((v) => v.id),
          ),
        )
        .orderBy(asc(projectMilestones.dueOn))
    : [];
  const rows: PlanExportRow[] = ordered.map((v) => ({
    ...v,
    parentName: v.parentId ? (names.get(v.parentId) ?? null) : null,
    milestoneText: milestoneCell(ms.filter((m) => m.projectId === v.id)),
  }));
  await recordAudit(db, {
    actor: opts.actor,
    action: 'project_plan.export',
    entityType: 'project_plan',
    after: { communityId: opts.communityId, year: opts.year, rows: rows.length },
  });
  return {
    fileName: `${name}${opts.year}年共建项目计划.xlsx`,
    asciiName: `project-plan-${opts.year}.xlsx`,
    body: (out) =>
      writeSheetStream(out, { sheetName: '共建项目', columns: PLAN_EXPORT_COLUMNS, batches: allAtOnce(rows) }),
  };
}

function parentsFirst(views: ProjectView[]): ProjectView[] {
  const out: ProjectView[] = [];
  const byParent = new Map<string | null, ProjectView[]>();
  const ids = new Set(views.map((v) => v.id));
  for (const v of views) {
    const key = v.parentId && ids.has(v.parentId) ? v.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), v]);
  }
  const visit = (parent: string | null) => {
    for (const v of byParent.get(parent) ?? []) {
      out.push(v);
      visit(v.id);
    }
  };
  visit(null);
  return out;
}

const LIST_EXPORT_COLUMNS: ExportColumn<ProjectView>[] = [
  { title: '社区', width: 12, value: (p) => p.communityName },
  { title: '年度', width: 8, value: (p) => p.year },
  { title: '项目名称', width: 30, value: (p) => p.name },
  { title: '领域', width: 12, value: (p) => DOMAIN_LABELS[p.domain] },
  { title: '牵头单位', width: 22, value: (p) => p.units.find((u) => u.role === 'lead')?.unitName ?? null },
  {
    title: '配合单位',
    width: 30,
    value: (p) =>
      p.units
        .filter((u) => u.role === 'partner')
        .map((u) => u.unitName)
        .join('、'),
  },
  { title: '预算（元）', width: 12, value: (p) => p.budget },
  { title: '开始日期', width: 12, value: (p) => p.startOn },
  { title: '结束日期', width: 12, value: (p) => p.endOn },
  { title: '进度（%）', width: 10, value: (p) => p.progress },
  { title: '状态', width: 10, value: (p) => STATUS_LABELS[p.status] },
  { title: '逾期', width: 8, value: (p) => (p.overdue || p.milestoneOverdue ? '是' : '') },
  { title: '子项目数', width: 10, value: (p) => p.childCount },
];

export async function exportProjects(opts: {
  db: Db;
  actor: Actor;
  query: ProjectExportQuery;
  today: string;
}): Promise<Download> {
  assertMayReadProjects(opts.actor);
  const views = await exportViews(opts);
  const truncated = views.length > EXPORT_CAP;
  const rows = views.slice(0, EXPORT_CAP);
  const day = opts.today.replaceAll('-', '');
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'project.export',
    entityType: 'project',
    filter: opts.query,
    rows: rows.length,
    truncated,
    fileName: `共建项目清单-${day}.xlsx`,
    asciiName: `projects-${day}.xlsx`,
    sheetName: '共建项目',
    columns: LIST_EXPORT_COLUMNS,
    batches: () => allAtOnce(rows),
  });
}

/** Existing projects of the plan by name (the import's parents may refer to them). */
export async function planProjectsByName(db: Db, communityId: string, year: number) {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      startOn: projects.startOn,
      endOn: projects.endOn,
      cancelled: projects.cancelled,
    })
    .from(projects)
    .where(and(eq(projects.communityId, communityId), eq(projects.year, year)));
  return new Map(rows.map((r) => [r.name, r]));
}
