import type { Db } from '../core/db.js';
import { insertRows } from '../core/bulk.js';
import { adoptedPairs } from '../modules/cobuild/pairing/pairing.queries.js';
import type { ProjectDomain } from '../modules/cobuild/projects/projects.contracts.js';
import { type MilestoneFacts, nextDue, rollUp } from '../modules/cobuild/projects/projects.rollup.js';
import {
  projectMilestones,
  projectPlans,
  projects,
  projectUnits,
} from '../modules/cobuild/projects/projects.schema.js';
import { BUDGET, FITS, MIX, NAMES, STEPS } from './cobuild-projects-plan.js';
import type { DemoData } from './demo.js';
import { ESTATES } from './demo-places.js';
import type { DemoTime, OrgRow } from './demo-types.js';
import { createRng, type Rng } from './rng.js';

/**
 * This year's co-building project lists (共建项目清单) of the 11 communities: each plan approved in January, 14 projects
 * per community over the six domains of the article (and a few on elderly care and culture), led by paired units
 * whose strengths fit, with milestones whose state is what one would see on the demo's first day — most done or
 * under way, some delayed, a few cancelled — and some renovation projects split into sub-projects. From October on,
 * 杭东社区 also has next year's draft. Deterministic for a day and bulk-inserted.
 */
const PROJECTS_SEED = 5_150_026;

type ProjectInsert = typeof projects.$inferInsert & { id: string };
type MilestoneInsert = typeof projectMilestones.$inferInsert;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const DAY = 86_400_000;

/** Units per community: the adopted pairing of the year, or the 7 nearest units when no pairing is seeded yet. */
async function unitsByCommunity(
  db: Db,
  year: number,
  communities: OrgRow[],
  units: OrgRow[],
): Promise<Map<string, OrgRow[]>> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const pairs = await adoptedPairs(db, { year });
  const out = new Map<string, OrgRow[]>();
  if (pairs.length) {
    for (const p of pairs) {
      const u = byId.get(p.unitId);
      if (u) out.set(p.communityId, [...(out.get(p.communityId) ?? []), u]);
    }
    return out;
  }
  const dist = (a: OrgRow, b: OrgRow) => Math.hypot((a.lng ?? 0) - (b.lng ?? 0), (a.lat ?? 0) - (b.lat ?? 0));
  for (const c of communities) out.set(c.id, [...units].sort((a, b) => dist(a, c) - dist(b, c)).slice(0, 7));
  // The demo login unit01 (U001) works with 杭东社区 whatever the distances say.
  const first = out.get(communities[0].id);
  if (first && units[0] && !first.includes(units[0])) first[first.length - 1] = units[0];
  return out;
}

function chooseUnits(rng: Rng, domain: ProjectDomain, pool: OrgRow[]): { lead: OrgRow; partners: OrgRow[] } {
  const fit = pool.filter((u) => (u.strengths ?? []).some((s) => FITS[domain].includes(s)));
  const lead = rng.pick(fit.length ? fit : pool);
  const others = rng.shuffle(pool.filter((u) => u !== lead)).slice(0, rng.int(0, 2));
  return { lead, partners: others };
}

interface Fate {
  cancelled: boolean;
  lagging: boolean;
}

/** Milestones spread over the project's dates; those due before asOf are mostly done, a lagging project's are not. */
function milestonesFor(
  rng: Rng,
  p: ProjectInsert,
  steps: readonly string[],
  fate: Fate,
  asOf: string,
): MilestoneInsert[] {
  const start = at(p.startOn),
    end = at(p.endOn);
  return steps.map((title, i) => {
    const dueOn = day(start + ((end - start) * (i + 1)) / steps.length);
    const past = dueOn < asOf;
    // Work due within the next few weeks is sometimes finished early; nothing further ahead is.
    const soon = at(dueOn) - at(asOf) < 45 * DAY;
    const done = past ? !(fate.lagging && i >= steps.length - 2) && rng.chance(0.99) : soon && rng.chance(0.2);
    const doneOn = done ? day(Math.min(at(dueOn) - rng.int(0, 12) * DAY, at(asOf) - DAY)) : null;
    return {
      projectId: p.id,
      title,
      dueOn,
      weight: i === steps.length - 2 ? 3 : rng.int(1, 2),
      doneOn: doneOn && doneOn < p.startOn ? p.startOn : doneOn,
      note: null,
    };
  });
}

function projectRow(
  rng: Rng,
  base: Pick<ProjectInsert, 'planId' | 'communityId' | 'year'>,
  name: string,
  domain: ProjectDomain,
  span: [string, string],
  parentId: string | null,
): ProjectInsert {
  const [lo, hi] = BUDGET[domain];
  return {
    id: rng.uuid(),
    planId: base.planId,
    communityId: base.communityId,
    year: base.year,
    parentId,
    name,
    domain,
    description: `${name}：由结对共建单位牵头，社区党委统筹推进，纳入年度共建项目清单。`,
    budget: rng.int(lo, hi) * 1000,
    resources: `党员志愿者 ${rng.int(5, 40)} 人次；${rng.pick(['资金', '物资', '设备', '技术指导'])}支持`,
    startOn: span[0],
    endOn: span[1],
    manualProgress: null,
    progress: 0,
    nextDueOn: null,
    completedOn: null,
    cancelled: false,
    cancelReason: null,
    source: 'manual',
    createdBy: null,
  };
}

function span(rng: Rng, year: number): [string, string] {
  const start = Date.UTC(year, rng.int(1, 4), rng.int(1, 28));
  const end = Math.min(start + rng.int(90, 280) * DAY, Date.UTC(year, 11, 31));
  return [day(start), day(end)];
}

interface Built {
  /** The demo's first day: the state of every milestone is as seen then. */
  asOf: string;
  /** Nothing was submitted or approved after this. */
  now: Date;
  plans: (typeof projectPlans.$inferInsert)[];
  projects: ProjectInsert[];
  units: (typeof projectUnits.$inferInsert)[];
  milestones: MilestoneInsert[];
}

function buildCommunity(
  rng: Rng,
  out: Built,
  c: OrgRow,
  pool: OrgRow[],
  index: number,
  year: number,
  approved: boolean,
): void {
  const planId = rng.uuid();
  out.plans.push({
    id: planId,
    communityId: c.id,
    year,
    status: approved ? 'approved' : 'draft',
    note: `${c.name}${year}年度共建项目清单`,
    submittedAt: approved ? notAfter(new Date(`${year}-01-0${5 + (index % 4)}T09:00:00+08:00`), out.now, 3) : null,
    approvedAt: approved ? notAfter(new Date(`${year}-01-1${5 + (index % 4)}T10:00:00+08:00`), out.now, 1) : null,
  });
  const short = c.name.replace(/社区$/, '');
  const mix = approved ? MIX : MIX.slice(0, 3);
  mix.forEach((domain, i) => {
    const estate = ESTATES[(index * 3 + i) % ESTATES.length];
    // The two projects of a domain in one community take different names.
    const names = NAMES[domain];
    const name = names[(index + i) % names.length].replace('{e}', estate).replace('{s}', short);
    const p = projectRow(
      rng,
      { planId, communityId: c.id, year },
      name.startsWith(estate) || name.startsWith(short) ? name : `${short}${name}`,
      domain,
      span(rng, year),
      null,
    );
    const fate: Fate = { cancelled: approved && (index * 14 + i) % 47 === 5, lagging: approved && rng.chance(0.1) };
    addProject(rng, out, p, pool, fate);
    if (approved && domain === 'old_estate_renovation' && i === 0 && index % 2 === 0) addChildren(rng, out, p, pool);
  });
}

function addProject(
  rng: Rng,
  out: Built,
  p: ProjectInsert,
  pool: OrgRow[],
  fate: Fate,
  steps = STEPS[p.domain],
): MilestoneInsert[] {
  const { lead, partners } = chooseUnits(rng, p.domain, pool);
  out.units.push(
    { projectId: p.id, unitId: lead.id, role: 'lead' },
    ...partners.map((u) => ({ projectId: p.id, unitId: u.id, role: 'partner' as const })),
  );
  const ms = milestonesFor(rng, p, steps, fate, out.asOf);
  out.milestones.push(...ms);
  if (fate.cancelled) Object.assign(p, { cancelled: true, cancelReason: '与市级同类项目合并实施，本项目取消' });
  finish(p, ms, [], out.asOf);
  out.projects.push(p);
  return ms;
}

/** Splits a renovation project into building-by-building sub-projects; the parent rolls up from them by budget. */
function addChildren(rng: Rng, out: Built, parent: ProjectInsert, pool: OrgRow[]): void {
  // The parent's own steps give way to its sub-projects' milestones.
  out.milestones = out.milestones.filter((m) => m.projectId !== parent.id);
  const kids = ['1#—4#楼', '5#—8#楼', '配套管网'].map((part, i) => {
    const child = projectRow(
      rng,
      parent,
      `${parent.name}（${part}）`,
      'old_estate_renovation',
      [parent.startOn, day(at(parent.endOn) - (2 - i) * 10 * DAY)],
      parent.id,
    );
    addProject(
      rng,
      out,
      child,
      pool,
      { cancelled: false, lagging: i === 2 && rng.chance(0.5) },
      STEPS.old_estate_renovation.slice(1),
    );
    return child;
  });
  parent.budget = kids.reduce((s, k) => s + (k.budget ?? 0), 0);
  finish(parent, [], kids, out.asOf);
}

function finish(p: ProjectInsert, ms: MilestoneInsert[], kids: ProjectInsert[], asOf: string): void {
  const facts: MilestoneFacts[] = ms.map((m) => ({ weight: m.weight ?? 1, dueOn: m.dueOn, doneOn: m.doneOn ?? null }));
  p.progress = rollUp({
    milestones: facts,
    manualProgress: null,
    children: kids.map((k) => ({
      progress: k.progress ?? 0,
      budget: k.budget ?? null,
      cancelled: Boolean(k.cancelled),
    })),
  });
  p.nextDueOn = nextDue(facts);
  const lastDone = facts.reduce<string | null>((b, m) => (m.doneOn && (!b || m.doneOn > b) ? m.doneOn : b), null);
  const kidsDone = kids.reduce<string | null>(
    (b, k) => (k.completedOn && (!b || k.completedOn > b) ? k.completedOn : b),
    null,
  );
  p.completedOn = p.progress >= 100 ? (lastDone ?? kidsDone ?? asOf) : null;
}

/** A plan step dated after the demo's "now" (a demo started in early January) happened `hours` before it instead. */
function notAfter(at: Date, now: Date, hours: number): Date {
  return at < now ? at : new Date(now.getTime() - hours * 3_600_000);
}

export async function seedCobuildProjects(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rng = createRng(PROJECTS_SEED);
  const byCode = (a: OrgRow, b: OrgRow) => String(a.code).localeCompare(String(b.code));
  const communities = data.organisations.filter((o) => o.kind === 'community').sort(byCode);
  const units = data.organisations.filter((o) => o.kind === 'unit').sort(byCode);
  if (!communities.length || !units.length) return;
  const pools = await unitsByCommunity(db, time.year, communities, units);
  const out: Built = { asOf: time.today, now: time.now, plans: [], projects: [], units: [], milestones: [] };
  communities.forEach((c, i) => buildCommunity(rng, out, c, pools.get(c.id) ?? units.slice(0, 7), i, time.year, true));
  if (time.today >= `${time.year}-10-01`) {
    buildCommunity(
      rng,
      out,
      communities[0],
      pools.get(communities[0].id) ?? units.slice(0, 7),
      0,
      time.year + 1,
      false,
    );
  }
  await insertRows(db, projectPlans, out.plans);
  // Parents first: a sub-project's foreign key needs its parent's row.
  await insertRows(db, projects, [
    ...out.projects.filter((p) => !p.parentId),
    ...out.projects.filter((p) => p.parentId),
  ]);
  await insertRows(db, projectUnits, out.units);
  await insertRows(db, projectMilestones, out.milestones);
}
