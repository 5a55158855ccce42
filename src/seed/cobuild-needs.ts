import { asc, eq } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import { addDays, localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { cases } from '../modules/cases/cases.schema.js';
import { matchingRuns, needMatches, needs, needTasks, resources } from '../modules/cobuild/needs/needs.schema.js';
import {
  CASE_PRIORITY,
  caseDomain,
  ESTATES,
  type NeedRow,
  type NeedsTime,
  OFFERS,
  type ResourceRow,
  STREETS,
  TEMPLATES,
} from './cobuild-needs-plan.js';
import { matchingRun } from './cobuild-needs-run.js';
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
