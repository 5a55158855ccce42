import { insertRows } from '../core/bulk.js';
import { addDays, localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import {
  inspectionScore,
  isWeak,
  type ItemStatus,
  SIX_HAVES,
  type SixHave,
  TASK_DUE_DAYS,
} from '../modules/alleys/alleys.enums.js';
import {
  alleyInspectionItems,
  alleyInspections,
  alleyRegionItems,
  alleyTasks,
} from '../modules/alleys/alleys.schema.js';
import type { AlleySeed } from './build-grids.js';
import type { DemoData } from './demo.js';
import { type DemoTime, STAMP } from './demo-types.js';
import { createRng, type Rng } from './rng.js';

/** The alleys' own generator: the rest of the demo draws nothing more for them, so its rows stay as they were. */
const ALLEYS_SEED = 14_062_085;

export type AlleyItemRow = typeof alleyRegionItems.$inferInsert & { id: string; status: ItemStatus; updatedAt: Date };
type InspectionRow = typeof alleyInspections.$inferInsert & { id: string };
type InspectionItemRow = typeof alleyInspectionItems.$inferInsert;
type TaskRow = typeof alleyTasks.$inferInsert & { id: string };

/** The register's first 六有 of each region (true: present, false: missing), before any inspection. */
export function alleyItemRows(alleys: AlleySeed[]): AlleyItemRow[] {
  const rng = createRng(ALLEYS_SEED);
  return alleys.flatMap((a) =>
    SIX_HAVES.map(
      (item): AlleyItemRow => ({
        id: rng.uuid(),
        regionId: a.region.id,
        item,
        status: a.sixHaves[item] ? 'present' : 'missing',
        evidenceNote: a.sixHaves[item] ? EVIDENCE[item] : null,
        ...STAMP,
      }),
    ),
  );
}

/** The register's evidence of an item the region has (the community's note: where it is, who does it). */
const EVIDENCE: Record<SixHave, string> = {
  guideline: '治理导则已上墙，文本存社区档案室',
  cleaningCompany: '由县环卫服务公司承包日常保洁，每日两扫',
  volunteerTeam: '巷内居民志愿服务队，每月开展一次清洁活动',
  residentsPact: '居民公约经居民代表会议通过，张贴于巷口',
  responsibilityBoard: '责任公示牌设于巷口，公示巷长、网格员及联系电话',
  culturalFeature: '文化墙展示老街历史与家风故事',
};

/** The county's cleaning contractors (demo names); a few regions have none on record. */
const COMPANIES = [
  { name: '光泽县环卫服务有限公司', phone: '0599-7921301' },
  { name: '光泽洁美保洁服务有限公司', phone: '13905997216' },
  { name: '杭川物业管理有限公司', phone: '0599-7935520' },
  { name: '南平绿洁环境服务有限公司', phone: '13859412087' },
];

/** The cleaning company on record for most regions (every seventh has none), its contract running to next year's end. */
function withCompanies(items: AlleyItemRow[], regionIds: string[], year: number): void {
  regionIds.forEach((regionId, k) => {
    if (k % 7 === 6) return;
    const row = items.find((i) => i.regionId === regionId && i.item === 'cleaningCompany');
    if (!row) return;
    const company = COMPANIES[k % COMPANIES.length];
    Object.assign(row, {
      companyName: company.name,
      companyPhone: company.phone,
      contractUntil: `${year + 1}-12-31`,
    });
  });
}

/**
 * 整改任务 as the inspections would have left them (alleys.tasks.ts's rule, replayed in order): a weak finding opens a
 * task (due 14 days after the inspection's day) unless one is open, a present one closes it (done, by that
 * inspection and its inspector). Open tasks are the weak items of each region's latest inspection.
 */
function taskRows(inspections: InspectionRow[], found: InspectionItemRow[], rng: Rng): TaskRow[] {
  const byInspection = new Map<string, InspectionItemRow[]>();
  for (const f of found) byInspection.set(f.inspectionId, [...(byInspection.get(f.inspectionId) ?? []), f]);
  const tasks: TaskRow[] = [];
  const open = new Map<string, TaskRow>();
  for (const i of inspections) {
    const at = i.inspectedAt as Date;
    for (const f of byInspection.get(i.id) ?? []) {
      const key = `${i.regionId}:${f.item}`;
      const current = open.get(key);
      if (isWeak(f.status) && !current) {
        const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        const task: TaskRow = {
          id: rng.uuid(),
          regionId: i.regionId,
          item: f.item,
          state: 'open',
          dueOn: addDays(day, TASK_DUE_DAYS),
          openedByInspectionId: i.id,
          note: null,
          closedAt: null,
          closedBy: null,
          closedByInspectionId: null,
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        tasks.push(task);
        open.set(key, task);
      } else if (!isWeak(f.status) && current) {
        Object.assign(current, {
          state: 'done',
          closedAt: at,
          closedBy: i.inspectorUserId ?? null,
          closedByInspectionId: i.id,
          updatedAt: at,
          version: 2,
        });
        open.delete(key);
      }
    }
  }
  return tasks;
}

/** How an item changes between two monthly inspections: most stay, what is missing gets worked on, a few slip. */
function drift(rng: Rng, status: ItemStatus): ItemStatus {
  const r = rng.next();
  if (status === 'missing') return r < 0.25 ? 'needs_work' : r < 0.35 ? 'present' : 'missing';
  if (status === 'needs_work') return r < 0.4 ? 'present' : r < 0.5 ? 'missing' : 'needs_work';
  return r < 0.06 ? 'needs_work' : r < 0.07 ? 'missing' : 'present';
}

const WEAK_NOTES: Record<SixHave, string> = {
  guideline: '治理导则未上墙',
  cleaningCompany: '保洁不到位，巷口有垃圾堆放',
  volunteerTeam: '志愿服务队本月未开展活动',
  residentsPact: '居民公约需重新张贴',
  responsibilityBoard: '责任公示牌破损，信息未更新',
  culturalFeature: '文化墙褪色，需修补',
};

/** The 1st of each of the twelve months from historyFrom (the month eleven months back) to this one. */
function months(time: DemoTime): string[] {
  const [y, m] = time.historyFrom.split('-').map(Number);
  return Array.from({ length: 12 }, (_, k) => {
    const d = new Date(Date.UTC(y, m - 1 + k, 1));
    return d.toISOString().slice(0, 10);
  });
}

/**
 * A year of monthly inspections of the 62 regions up to yesterday, by their alley heads in turn (alley01's own are
 * theirs as a login too), each item drifting from the register's first state; the items' standing status is the
 * last inspection's. Deterministic for a first day; written in bulk.
 */
export async function seedDemoAlleys(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rng = createRng(ALLEYS_SEED + 1);
  const heads = new Map<string, string[]>();
  for (const d of data.gridDuties)
    if (d.role === 'alley_head') heads.set(d.gridId, [...(heads.get(d.gridId) ?? []), d.personId]);
  const userOf = new Map(data.users.flatMap((u) => (u.personId ? [[u.personId, u.id] as const] : [])));
  const inspections: InspectionRow[] = [];
  const found: InspectionItemRow[] = [];
  for (const region of data.alleyRegions) {
    const items = data.alleyRegionItems.filter((i) => i.regionId === region.id);
    const inspectors = heads.get(region.gridId ?? '') ?? [];
    months(time).forEach((first, k) => {
      const day = `${first.slice(0, 8)}${String(rng.int(3, 26)).padStart(2, '0')}`;
      const time24 = `${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      if (day > time.lastDay) return;
      const at = localInstant(day, time24);
      for (const i of items) {
        i.status = drift(rng, i.status);
        i.updatedAt = at;
      }
      const person = inspectors.length ? inspectors[k % inspectors.length] : null;
      const id = rng.uuid();
      inspections.push({
        id,
        regionId: region.id,
        inspectedAt: at,
        inspectorPersonId: person,
        inspectorUserId: person ? (userOf.get(person) ?? null) : null,
        score: inspectionScore(items.map((i) => i.status)),
        note: null,
        createdAt: at,
      });
      for (const i of items)
        found.push({
          inspectionId: id,
          item: i.item,
          status: i.status,
          note: i.status === 'present' ? null : WEAK_NOTES[i.item],
        });
    });
  }
  withCompanies(
    data.alleyRegionItems,
    data.alleyRegions.map((r) => r.id),
    Number(time.lastDay.slice(0, 4)),
  );
  await insertRows(db, alleyRegionItems, data.alleyRegionItems);
  await insertRows(db, alleyInspections, inspections);
  await insertRows(db, alleyInspectionItems, found);
  // Their own generator, so the inspections above stay as they were.
  await insertRows(db, alleyTasks, taskRows(inspections, found, createRng(ALLEYS_SEED + 2)));
}
