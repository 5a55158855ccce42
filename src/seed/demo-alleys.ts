import { insertRows } from '../core/bulk.js';
import { localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { inspectionScore, type ItemStatus, SIX_HAVES, type SixHave } from '../modules/alleys/alleys.enums.js';
import { alleyInspectionItems, alleyInspections, alleyRegionItems } from '../modules/alleys/alleys.schema.js';
import type { AlleySeed } from './build-grids.js';
import type { DemoData } from './demo.js';
import { type DemoTime, STAMP } from './demo-types.js';
import { createRng, type Rng } from './rng.js';

/** The alleys' own generator: the rest of the demo draws nothing more for them, so its rows stay as they were. */
const ALLEYS_SEED = 14_062_085;

export type AlleyItemRow = typeof alleyRegionItems.$inferInsert & { id: string; status: ItemStatus; updatedAt: Date };
type InspectionRow = typeof alleyInspections.$inferInsert & { id: string };
type InspectionItemRow = typeof alleyInspectionItems.$inferInsert;

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
  await insertRows(db, alleyRegionItems, data.alleyRegionItems);
  await insertRows(db, alleyInspections, inspections);
  await insertRows(db, alleyInspectionItems, found);
}
