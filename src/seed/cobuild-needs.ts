import { asc, eq } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import { addDays, localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { cases } from '../modules/cases/cases.schema.js';
import { buildCandidates } from '../modules/cobuild/needs/matching/matching.candidates.js';
import { solveMatching } from '../modules/cobuild/needs/matching/matching.flow.js';
import { runStats } from '../modules/cobuild/needs/matching/matching.stats.js';
import {
  matchingRuns,
  MEASURE_UNITS,
  needMatches,
  needs,
  needTasks,
  resources,
} from '../modules/cobuild/needs/needs.schema.js';
import type { ProjectDomain } from '../modules/cobuild/projects/projects.contracts.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { createRng, type Rng } from './rng.js';

/**
 * The needs and resources lists of the year (三张清单): the demo cases staff marked as needs, plus needs from the spring
 * survey and entered by each community; what each of the 83 units offers (people-hours for every unit, expertise,
 * equipment and money by its strengths); and the county's March matching run, solved by the same network flow as
 * the app, with most proposals accepted and their follow-up tasks in the state one would see on the demo's first
 * day. Needs raised after the run (later cases, later entries) are still open: the next run has something to propose.
 */
const NEEDS_SEED = 5_100_011;

/** When things happened: the latest March run at least a month before the demo's first day, and its year. */
interface NeedsTime {
  year: number;
  runDay: string;
  runAt: Date;
  /** The survey and the communities' own lists were entered at the start of that year. */
  listedAt: Date;
  today: string;
  now: Date;
}

function needsTime(time: DemoTime): NeedsTime {
  const year = `${time.year}-03-16` <= addDays(time.today, -30) ? time.year : time.year - 1;
  const runDay = `${year}-03-16`;
  return {
    year,
    runDay,
    runAt: localInstant(runDay, '10:00'),
    listedAt: localInstant(`${year}-01-05`, '08:30'),
    today: time.today,
    now: time.now,
  };
}

type Unit = (typeof MEASURE_UNITS)[number];
type NeedRow = typeof needs.$inferInsert & {
  id: string;
  served: number;
  status: NonNullable<typeof needs.$inferInsert.status>;
};
type ResourceRow = typeof resources.$inferInsert & { id: string; reserved: number };
interface Template {
  title: string;
  domain: ProjectDomain;
  unit: Unit;
  range: [number, number];
}

const t = (title: string, domain: ProjectDomain, unit: Unit, range: [number, number]): Template => ({
  title,
  domain,
  unit,
  range,
});
const TEMPLATES: readonly Template[] = [
  t('{e}小区楼道杂物清理与墙面粉刷', 'old_estate_renovation', 'person_hours', [16, 60]),
  t('{e}小区单元楼道加装扶手', 'old_estate_renovation', 'items', [10, 40]),
  t('{s}背街小巷卫生整治', 'living_environment', 'person_hours', [12, 48]),
  t('垃圾分类定时定点督导', 'living_environment', 'person_hours', [20, 80]),
  t('{s}绿化带补植苗木', 'living_environment', 'items', [30, 120]),
  t('文明劝导志愿服务', 'civilised_city', 'person_hours', [16, 64]),
  t('公益宣传栏更新', 'civilised_city', 'items', [4, 12]),
  t('扫黑除恶法治宣传进小区', 'anti_gang', 'sessions', [2, 8]),
  t('“平安三率”入户宣传', 'anti_gang', 'person_hours', [12, 40]),
  t('防汛沙袋储备', 'flood_control', 'items', [100, 400]),
  t('汛期沿河巡查值守', 'flood_control', 'person_hours', [24, 96]),
  t('沿街店铺消防安全检查', 'work_safety', 'sessions', [2, 10]),
  t('燃气安全入户排查', 'work_safety', 'person_hours', [16, 48]),
  t('高龄独居老人定期探访', 'elderly_care', 'person_hours', [20, 80]),
  t('爱心义诊进社区', 'elderly_care', 'sessions', [2, 8]),
  t('“红色共享餐厅”助老餐补贴', 'elderly_care', 'yuan', [3000, 15000]),
  t('社区书苑图书补充', 'culture', 'items', [50, 200]),
  t('“广场大家唱”文艺辅导', 'culture', 'sessions', [3, 10]),
  t('“四点半学校”课后辅导', 'other', 'person_hours', [20, 80]),
  t('“六一”慰问留守儿童', 'other', 'yuan', [2000, 8000]),
];
const ESTATES = ['水南', '北门', '东关', '粮站', '供销', '农机', '电厂', '纺织厂', '水电', '烟草'];
const STREETS = ['和平街', '中山路', '解放路', '府前路', '滨江路', '五一路', '胜利街', '建设路'];

/** What a unit brings by its strengths, besides every unit's members' volunteer hours. */
const OFFERS: Record<
  string,
  { kind: 'expertise' | 'equipment' | 'money'; title: string; unit: Unit; range: [number, number] }
> = {
  law: { kind: 'expertise', title: '法律咨询与普法讲座', unit: 'sessions', range: [6, 24] },
  health: { kind: 'expertise', title: '爱心义诊与健康讲座', unit: 'sessions', range: [4, 12] },
  education: { kind: 'expertise', title: '课后辅导与家长课堂', unit: 'person_hours', range: [40, 120] },
  public_security: { kind: 'expertise', title: '治安防范与反诈宣传', unit: 'sessions', range: [6, 20] },
  emergency: { kind: 'equipment', title: '防汛沙袋与应急物资', unit: 'items', range: [50, 200] },
  construction: { kind: 'equipment', title: '扶手、宣传栏等施工材料', unit: 'items', range: [10, 40] },
  environment: { kind: 'equipment', title: '绿化苗木与保洁工具', unit: 'items', range: [30, 120] },
  culture: { kind: 'expertise', title: '文艺辅导与图书捐赠', unit: 'sessions', range: [6, 16] },
  finance: { kind: 'money', title: '共建帮扶资金', unit: 'yuan', range: [3_000, 12_000] },
  social_work: { kind: 'expertise', title: '社工服务与心理疏导', unit: 'sessions', range: [6, 16] },
};

const CASE_PRIORITY = { urgent: 5, complex: 4, ordinary: 3 } as const;
const caseDomain = (code: string): ProjectDomain =>
  /renovation/.test(code)
    ? 'old_estate_renovation'
    : /elderly/.test(code)
      ? 'elderly_care'
      : /children/.test(code)
        ? 'other'
        : 'living_environment';

const round = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);
const jitter = (rng: Rng, v: number, d: number) => Math.round((v + rng.float(-d, d)) * 1e6) / 1e6;

type NeedFields = Omit<
  NeedRow,
  'id' | 'served' | 'status' | 'createdAt' | 'updatedAt' | 'version' | 'caseId' | 'description'
>;

function needRow(rng: Rng, o: NeedFields & { caseId?: string; description?: string | null; at: Date }): NeedRow {
  const { at, ...fields } = o;
  const stamp = { createdAt: at, updatedAt: at };
  return {
    id: rng.uuid(),
    served: 0,
    status: 'open',
    caseId: null,
    description: null,
    ...fields,
    ...stamp,
    version: 1,
  } as NeedRow;
}

/** A day between April and November (and before the demo's first day): needs entered after the March run. */
function laterDay(rng: Rng, nt: NeedsTime): Date {
  const from = `${nt.year}-04-01`;
  const last = addDays(nt.today, -1) < `${nt.year}-11-19` ? addDays(nt.today, -1) : `${nt.year}-11-19`;
  const span = Math.max(0, Math.round((localInstant(last).getTime() - localInstant(from).getTime()) / 86_400_000));
  return localInstant(addDays(from, rng.int(0, span)), '09:30');
}

async function caseNeeds(db: Db, rng: Rng, createdBy: Map<string, string>, nt: NeedsTime): Promise<NeedRow[]> {
  const rows = await db
    .select({
      id: cases.id,
      reportedAt: cases.reportedAt,
      title: cases.title,
      description: cases.description,
      communityId: cases.communityId,
      lng: cases.lng,
      lat: cases.lat,
      code: cases.categoryCode,
      priority: cases.priority,
    })
    .from(cases)
    .where(eq(cases.isNeed, true))
    .orderBy(asc(cases.number));
  return rows
    .filter((c) => c.lng !== null && c.lat !== null)
    .map((c) =>
      needRow(rng, {
        communityId: c.communityId,
        title: c.title,
        description: c.description,
        domain: caseDomain(c.code),
        priority: CASE_PRIORITY[c.priority],
        lng: c.lng as number,
        lat: c.lat as number,
        quantity: rng.int(2, 8) * 4,
        unit: 'person_hours',
        source: 'case',
        caseId: c.id,
        createdBy: createdBy.get(c.communityId) ?? null,
        at: earlier(new Date(c.reportedAt.getTime() + 86_400_000), nt.now),
      }),
    );
}

const earlier = (a: Date, b: Date) => (a < b ? a : b);

function listedNeeds(rng: Rng, data: DemoData, createdBy: Map<string, string>, nt: NeedsTime): NeedRow[] {
  const out: NeedRow[] = [];
  const areas = new Map(data.grids.filter((g) => g.level === 1).map((g) => [g.communityId, g]));
  for (const c of data.organisations.filter((o) => o.kind === 'community')) {
    const area = areas.get(c.id);
    // Inside the community: the middle of its level-1 grid's bounding box (the grids are near-rectangular quads).
    const place = (lo: number | null | undefined, hi: number | null | undefined, centre: number) =>
      lo != null && hi != null
        ? Math.round(rng.float(lo + (hi - lo) * 0.2, hi - (hi - lo) * 0.2) * 1e6) / 1e6
        : jitter(rng, centre, 0.005);
    for (const tpl of rng.shuffle(TEMPLATES).slice(0, rng.int(10, 14))) {
      const [lo, hi] = tpl.range;
      const step =
        tpl.unit === 'yuan' ? 500 : tpl.unit === 'items' && hi > 100 ? 10 : tpl.unit === 'person_hours' ? 4 : 1;
      out.push(
        needRow(rng, {
          communityId: c.id,
          domain: tpl.domain,
          unit: tpl.unit,
          source: rng.chance(0.55) ? 'survey' : 'community',
          title: tpl.title.replace('{e}', rng.pick(ESTATES)).replace('{s}', rng.pick(STREETS)),
          priority: 1 + rng.weightedIndex([10, 25, 30, 22, 13]),
          quantity: round(rng.int(lo, hi), step),
          lng: place(area?.minLng, area?.maxLng, c.lng as number),
          lat: place(area?.minLat, area?.maxLat, c.lat as number),
          createdBy: createdBy.get(c.id) ?? null,
          at: rng.chance(0.2) ? laterDay(rng, nt) : nt.listedAt,
        }),
      );
    }
  }
  return out;
}

function unitResources(rng: Rng, data: DemoData, countyAdmin: string | null, nt: NeedsTime): ResourceRow[] {
  const out: ResourceRow[] = [];
  const row = (
    u: (typeof data.organisations)[number],
    o: Pick<ResourceRow, 'kind' | 'title' | 'unit' | 'capacity'>,
    description: string | null,
  ): ResourceRow => ({
    id: rng.uuid(),
    unitId: u.id,
    ...o,
    description,
    reserved: 0,
    availableFrom: `${nt.year}-01-01`,
    availableTo: `${nt.year}-12-31`,
    lng: u.lng as number,
    lat: u.lat as number,
    createdBy: countyAdmin,
    createdAt: nt.listedAt,
    updatedAt: nt.listedAt,
    version: 1,
  });
  for (const u of data.organisations.filter((o) => o.kind === 'unit')) {
    const staff = u.population ?? 40;
    out.push(
      row(
        u,
        {
          kind: 'people_hours',
          title: '在职党员志愿服务工时',
          unit: 'person_hours',
          capacity: round(staff * rng.float(0.15, 0.4), 4),
        },
        `${staff} 名干部职工，双报到服务`,
      ),
    );
    for (const s of (u.strengths ?? []).slice(0, 2)) {
      const offer = OFFERS[s];
      if (!offer) continue;
      const step = offer.unit === 'yuan' ? 1000 : offer.range[1] > 100 ? 10 : 1;
      out.push(
        row(
          u,
          { kind: offer.kind, title: offer.title, unit: offer.unit, capacity: round(rng.int(...offer.range), step) },
          null,
        ),
      );
    }
    if (rng.chance(0.12) && !(u.strengths ?? []).includes('finance')) {
      out.push(row(u, { kind: 'money', title: '结对共建经费', unit: 'yuan', capacity: rng.int(2, 6) * 1000 }, null));
    }
  }
  return out;
}

/** The March run: solve, then decide each proposal as the communities did (most accepted, a few turned down). */
function matchingRun(
  rng: Rng,
  needRows: NeedRow[],
  resourceRows: ResourceRow[],
  createdBy: string | null,
  nt: NeedsTime,
) {
  const { runAt, runDay } = nt;
  const points = (rows: { lng: number; lat: number; unit: Unit }[]) => ({
    lng: Float64Array.from(rows, (r) => r.lng),
    lat: Float64Array.from(rows, (r) => r.lat),
    group: Int32Array.from(rows, (r) => MEASURE_UNITS.indexOf(r.unit)),
  });
  const cand = buildCandidates({ needs: points(needRows), resources: points(resourceRows), maxDistanceKm: 3, k: 20 });
  const problem = {
    weight: Float64Array.from(needRows, (n) => n.priority),
    demand: Float64Array.from(needRows, (n) => n.quantity),
    capacity: Float64Array.from(resourceRows, (r) => r.capacity),
    edgeStart: cand.edgeStart,
    edgeResource: cand.edgeResource,
  };
  const result = solveMatching(problem);
  const runId = rng.uuid();
  const matches: (typeof needMatches.$inferInsert)[] = [];
  const tasks: (typeof needTasks.$inferInsert)[] = [];
  needRows.forEach((n, i) => {
    for (let e = cand.edgeStart[i]; e < cand.edgeStart[i + 1]; e++) {
      if (result.flow[e] <= 1e-9) continue;
      const r = resourceRows[cand.edgeResource[e]];
      const decision = rng.weightedIndex([82, 6, 12]);
      const status = (['accepted', 'rejected', 'proposed'] as const)[decision];
      const m = {
        id: rng.uuid(),
        runId,
        needId: n.id,
        resourceId: r.id,
        amount: result.flow[e],
        distanceKm: Math.round(cand.edgeDistanceKm[e] * 1000) / 1000,
        status,
        decidedBy: status === 'proposed' ? null : createdBy,
        decidedAt: status === 'proposed' ? null : runAt,
        createdAt: runAt,
      };
      matches.push(m);
      if (status !== 'accepted') continue;
      n.served += m.amount;
      r.reserved += m.amount;
      const month = rng.int(4, 10);
      const dueOn = `${nt.year}-${String(month).padStart(2, '0')}-${String(rng.int(10, 28)).padStart(2, '0')}`;
      const taskStatus =
        addDays(dueOn, 90) < nt.today
          ? rng.chance(0.9)
            ? 'done'
            : 'in_progress'
          : rng.pick(['done', 'in_progress', 'open'] as const);
      const stamp = { createdAt: runAt, updatedAt: runAt };
      tasks.push({
        id: rng.uuid(),
        matchId: m.id,
        needId: n.id,
        ownerUnitId: r.unitId,
        title: `${n.title}（${r.title}）`,
        amount: m.amount,
        dueOn,
        status: taskStatus,
        ...stamp,
        version: 1,
      });
    }
  });
  const run = {
    id: runId,
    communityId: null,
    parameters: { maxDistanceKm: 3, k: 20, on: runDay, minPriority: 1, solver: 'flow' },
    solver: 'flow',
    status: 'done',
    objective: result.objective,
    bound: result.bound,
    gap: 0,
    stats: runStats(problem, result.flow, matches.length),
    elapsedMs: 4,
    createdBy,
    createdAt: runAt,
  };
  return { run, matches, tasks };
}

/** A need follows its tasks: in progress while any is, met once fully served with every task done. */
function needStatuses(needRows: NeedRow[], tasks: (typeof needTasks.$inferInsert)[]): void {
  const byNeed = new Map<string, string[]>();
  for (const task of tasks) byNeed.set(task.needId, [...(byNeed.get(task.needId) ?? []), task.status ?? 'open']);
  for (const n of needRows) {
    const states = byNeed.get(n.id);
    if (!states) continue;
    n.status = states.includes('in_progress')
      ? 'in_progress'
      : states.every((s) => s === 'done') && n.served >= n.quantity - 1e-9
        ? 'met'
        : 'matched';
  }
}

export async function seedCobuildNeeds(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rng = createRng(NEEDS_SEED);
  const nt = needsTime(time);
  const adminByCommunity = new Map<string, string>();
  let countyAdmin: string | null = null;
  for (const b of data.roleBindings) {
    if (b.role === 'community_admin' && b.scopeOrgId && !adminByCommunity.has(b.scopeOrgId))
      adminByCommunity.set(b.scopeOrgId, b.userId);
    if (b.role === 'county_admin') countyAdmin ??= b.userId;
  }
  const needRows = [
    ...(await caseNeeds(db, rng, adminByCommunity, nt)),
    ...listedNeeds(rng, data, adminByCommunity, nt),
  ];
  const resourceRows = unitResources(rng, data, countyAdmin, nt);
  const { run, matches, tasks } = matchingRun(
    rng,
    needRows.filter((n) => (n.createdAt as Date) <= nt.runAt),
    resourceRows,
    countyAdmin,
    nt,
  );
  needStatuses(needRows, tasks);
  await insertRows(db, needs, needRows);
  await insertRows(db, resources, resourceRows);
  await insertRows(db, matchingRuns, [run]);
  await insertRows(db, needMatches, matches);
  await insertRows(db, needTasks, tasks);
}
