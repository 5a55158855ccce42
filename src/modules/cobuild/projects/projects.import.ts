import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError, isAppError } from '../../../core/errors.js';
import { cellDate, cellText, RowErrors, readSheet, type SheetRow } from '../../../core/excel/excel.js';
import { type Locale, translateError } from '../../../core/i18n.js';
import type {
  CreateProject,
  MilestoneInput,
  PlanImportQuery,
  PlanImportReport,
  ProjectUnitInput,
} from './projects.contracts.js';
import { pairedUnitsByName, PLAN_COLUMNS, planProjectsByName } from './projects.excel.js';
import { domainByLabel } from './projects.labels.js';
import { ensurePlan } from './projects.plans.js';
import { assertMayManageCommunity, assertPlanEditable } from './projects.policy.js';
import { createProjectInTx } from './projects.service.js';
import { assertDates, assertMilestoneWithin } from './projects.validate.js';

/**
 * Imports a community's plan from the template: every row is checked first (a report lists each problem by row and
 * column, in the request's language); then, unless it is a dry run or an all-or-nothing import with errors, the
 * valid rows become projects of the draft plan in one transaction, parents before their sub-projects.
 */
const REASONS = {
  'zh-CN': {
    required: '必填',
    domain: '不是可选的领域',
    unit: '“{name}”不是本年度与社区结对的单位',
    date: '日期无法识别',
    budget: '应为不小于 0 的整数',
    duplicate: '与第 {row} 行重名',
    exists: '计划中已有同名项目',
    parent: '找不到上级项目“{name}”',
    milestone: '无法识别“{text}”，应为“名称:截止日期:权重”',
    tooLong: '超过 {max} 个字',
  },
  en: {
    required: 'required',
    domain: 'not one of the domains',
    unit: '"{name}" is not paired with the community this year',
    date: 'unreadable date',
    budget: 'must be a whole number of at least 0',
    duplicate: 'same name as row {row}',
    exists: 'the plan already has a project of this name',
    parent: 'no parent project named "{name}"',
    milestone: 'cannot read "{text}"; write "title:due date:weight"',
    tooLong: 'longer than {max} characters',
  },
} as const;
type Reason = keyof (typeof REASONS)['en'];

interface Ctx {
  errors: RowErrors;
  locale: Locale;
  units: Map<string, string>;
  year: number;
  communityId: string;
}
interface Draft {
  row: number;
  input: CreateProject;
  parentName: string | null;
}

const say = (ctx: Ctx, reason: Reason, params: Record<string, string | number> = {}) =>
  REASONS[ctx.locale][reason].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

function parseMilestones(text: string, row: number, ctx: Ctx): MilestoneInput[] {
  const out: MilestoneInput[] = [];
  for (const part of text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.+?)[:：](\d{4}-\d{1,2}-\d{1,2})(?:[:：](\d{1,3}))?$/.exec(part);
    const due = m ? cellDate(m[2]) : null;
    const weight = m?.[3] ? Number(m[3]) : 1;
    if (!m || !due || weight < 1 || weight > 100)
      ctx.errors.add(row, 'milestones', say(ctx, 'milestone', { text: part }));
    else out.push({ title: m[1].trim().slice(0, 200), dueOn: due, weight });
  }
  return out;
}

function parseUnits(r: SheetRow, ctx: Ctx): ProjectUnitInput[] {
  const lead = cellText(r.cells.leadUnit);
  const units: ProjectUnitInput[] = [];
  const add = (key: string, name: string, role: ProjectUnitInput['role']) => {
    const id = ctx.units.get(name);
    if (!id) ctx.errors.add(r.row, key, say(ctx, 'unit', { name }));
    else units.push({ unitId: id, role });
  };
  if (!lead) ctx.errors.add(r.row, 'leadUnit', say(ctx, 'required'));
  else add('leadUnit', lead, 'lead');
  for (const name of cellText(r.cells.partnerUnits)
    .split(/[、,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean))
    add('partnerUnits', name, 'partner');
  return units;
}

function text(r: SheetRow, key: string, max: number, ctx: Ctx): string | null {
  const t = cellText(r.cells[key]);
  if (t.length > max) ctx.errors.add(r.row, key, say(ctx, 'tooLong', { max }));
  return t || null;
}

/** One row to a project draft, or null when a cell is wrong (its errors are recorded). */
function parseRow(r: SheetRow, ctx: Ctx): Draft | null {
  const before = ctx.errors.count;
  const name = text(r, 'name', 200, ctx);
  if (!name) ctx.errors.add(r.row, 'name', say(ctx, 'required'));
  const domain = domainByLabel(cellText(r.cells.domain));
  if (!domain) ctx.errors.add(r.row, 'domain', say(ctx, cellText(r.cells.domain) ? 'domain' : 'required'));
  const dates = (['startOn', 'endOn'] as const).map((k) => {
    const d = cellDate(r.cells[k]);
    if (!d) ctx.errors.add(r.row, k, say(ctx, d === undefined ? 'required' : 'date'));
    return d;
  });
  const budgetText = cellText(r.cells.budget);
  const budget = budgetText ? Number(budgetText) : null;
  if (budget !== null && (!Number.isInteger(budget) || budget < 0 || budget > 2_000_000_000))
    ctx.errors.add(r.row, 'budget', say(ctx, 'budget'));
  const units = parseUnits(r, ctx);
  const milestones = parseMilestones(cellText(r.cells.milestones), r.row, ctx);
  const input: CreateProject = {
    communityId: ctx.communityId,
    year: ctx.year,
    name: name ?? '',
    domain: domain ?? 'other',
    units,
    budget,
    resources: text(r, 'resources', 2000, ctx),
    description: text(r, 'description', 5000, ctx),
    startOn: dates[0] ?? '',
    endOn: dates[1] ?? '',
    milestones,
  };
  if (ctx.errors.count === before) checkRules(r.row, input, ctx);
  return ctx.errors.count === before ? { row: r.row, input, parentName: cellText(r.cells.parent) || null } : null;
}

/** The service's own date and milestone rules, reported against the row instead of failing the file. */
function checkRules(row: number, input: CreateProject, ctx: Ctx): void {
  try {
    assertDates(input, ctx.year);
    for (const m of input.milestones ?? []) assertMilestoneWithin(m, input);
    if (
      input.units.filter((u) => u.role === 'lead').length !== 1 ||
      new Set(input.units.map((u) => u.unitId)).size !== input.units.length
    ) {
      throw new AppError('PROJECT_LEAD_UNIT');
    }
  } catch (e) {
    if (!isAppError(e)) throw e;
    const key =
      e.code === 'PROJECT_MILESTONE_OUTSIDE_DATES'
        ? 'milestones'
        : e.code === 'PROJECT_LEAD_UNIT'
          ? 'partnerUnits'
          : 'endOn';
    ctx.errors.add(row, key, translateError(ctx.locale, e.code, e.params));
  }
}

type Existing = Awaited<ReturnType<typeof planProjectsByName>>;

/** Names unique in the file and new to the plan; parents found in the file (earlier or later) or the plan. */
function checkNames(drafts: Draft[], existing: Existing, ctx: Ctx): Draft[] {
  const first = new Map<string, number>();
  const ok: Draft[] = [];
  for (const d of drafts) {
    const seen = first.get(d.input.name);
    if (seen !== undefined) ctx.errors.add(d.row, 'name', say(ctx, 'duplicate', { row: seen }));
    else if (existing.has(d.input.name)) ctx.errors.add(d.row, 'name', say(ctx, 'exists'));
    else {
      first.set(d.input.name, d.row);
      ok.push(d);
    }
  }
  const inFile = new Map(ok.map((d) => [d.input.name, d.input]));
  return ok.filter((d) => {
    if (!d.parentName) return true;
    const parent = inFile.get(d.parentName) ?? existing.get(d.parentName);
    if (!parent) ctx.errors.add(d.row, 'parent', say(ctx, 'parent', { name: d.parentName }));
    else if (d.input.startOn < parent.startOn || d.input.endOn > parent.endOn) {
      ctx.errors.add(
        d.row,
        'parent',
        translateError(ctx.locale, 'PROJECT_CHILD_OUTSIDE_PARENT', {
          startOn: d.input.startOn,
          endOn: d.input.endOn,
          parentStart: parent.startOn,
          parentEnd: parent.endOn,
        }),
      );
    } else return true;
    return false;
  });
}

/** Parents before children; a row whose parent chain loops is never reached and is reported. */
function order(drafts: Draft[], ctx: Ctx): Draft[] {
  const byName = new Map(drafts.map((d) => [d.input.name, d]));
  const out: Draft[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const d of drafts) {
      if (placed.has(d.input.name)) continue;
      if (!d.parentName || !byName.has(d.parentName) || placed.has(d.parentName)) {
        out.push(d);
        placed.add(d.input.name);
        progress = true;
      }
    }
  }
  for (const d of drafts)
    if (!placed.has(d.input.name))
      ctx.errors.add(d.row, 'parent', translateError(ctx.locale, 'PROJECT_PARENT_CYCLE', {}));
  return out;
}

export async function importPlan(opts: {
  db: Db;
  actor: Actor;
  file: Buffer;
  fileName: string;
  query: PlanImportQuery;
  locale: Locale;
  today: string;
}): Promise<PlanImportReport> {
  const { db, actor, query: q } = opts;
  await assertMayManageCommunity(db, actor, q.communityId);
  const rows = await readSheet(opts.file, { columns: PLAN_COLUMNS, locale: opts.locale, maxRows: 2000 });
  const ctx: Ctx = {
    errors: new RowErrors(PLAN_COLUMNS),
    locale: opts.locale,
    units: await pairedUnitsByName(db, q.communityId, q.year),
    year: q.year,
    communityId: q.communityId,
  };
  const existing = await planProjectsByName(db, q.communityId, q.year);
  const parsed = rows.map((r) => parseRow(r, ctx)).filter((d): d is Draft => d !== null);
  const planned = order(checkNames(parsed, existing, ctx), ctx);
  const report = {
    totalRows: rows.length,
    validRows: planned.length,
    errors: ctx.errors.list(),
    errorCount: ctx.errors.count,
  };
  if ((q.mode === 'all_or_nothing' && ctx.errors.count) || q.dryRun || !planned.length)
    return { ...report, inserted: 0, updated: 0, committed: false };
  await db.transaction(async (tx) => {
    assertPlanEditable(await ensurePlan(tx, q.communityId, q.year), actor);
    const ids = new Map([...existing].map(([name, p]) => [name, p.id]));
    for (const d of planned) {
      const parentId = d.parentName ? (ids.get(d.parentName) ?? null) : null;
      ids.set(
        d.input.name,
        await createProjectInTx(tx, { actor, input: { ...d.input, parentId }, today: opts.today, source: 'import' }),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'project_plan.import',
      entityType: 'project_plan',
      after: { ...q, fileName: opts.fileName, inserted: planned.length, errorCount: ctx.errors.count },
    });
  });
  return { ...report, inserted: planned.length, updated: 0, committed: true };
}
