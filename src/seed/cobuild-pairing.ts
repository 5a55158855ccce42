import { localInstant } from '../core/calendar.js';
import { sql } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { DEFAULT_WEIGHTS } from '../modules/cobuild/pairing/pairing.model.js';
import { pairingPlans, pairings } from '../modules/cobuild/pairing/pairing.schema.js';
import { keysOf, score } from '../modules/cobuild/pairing/pairing.score.js';
import { compiledOf, loadWorld, resolveSettings, type World } from '../modules/cobuild/pairing/pairing.world.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { personName } from './names.js';
import { createRng, type Rng } from './rng.js';

/**
 * The demo pairing: the 83 units' Party leaders named, an adopted plan of last year (kept on record) and an
 * adopted plan of this year, each community with 7–8 units. The assignment is computed deterministically with a greedy
 * regret heuristic on the optimiser's own pair costs (HiGHS is not loaded at seed time: it would cost ~0.5 s cold),
 * so it follows 就近就便 and 优势互补 and is scored exactly like an optimiser run. U001 县司法局党组 is pinned to
 * 杭东社区 (the demo logins unit01 / hangdong rely on it).
 */
const PAIRING_SEED = 5_020_261;
const HANGDONG = '杭东社区';

function leaderTitle(unitName: string): string {
  for (const suffix of ['党组', '党委', '党总支', '党支部'] as const) {
    if (unitName.endsWith(suffix)) return `${suffix}书记`;
  }
  return '党组织书记';
}

async function nameLeaders(db: Db, data: DemoData, rng: Rng): Promise<void> {
  const rows = data.organisations
    .filter((o) => o.kind === 'unit')
    .map((o) => ({
      id: o.id,
      name: personName(rng, rng.chance(0.7) ? 'male' : 'female'),
      title: leaderTitle(o.name),
    }));
  await db.execute(sql`update organisations o set leader_name = v.name, leader_title = v.title
    from json_to_recordset(${JSON.stringify(rows)}::json) as v(id uuid, name text, title text) where o.id = v.id`);
}

/**
 * Units in order of regret (how much worse their second-best community is), each to its cheapest community with
 * room; room is 8 until as many communities as the remainder (83 − 11·7 = 6) have 8, then 7 — so every community
 * ends with 7 or 8.
 */
export function greedyPairing(
  cost: (u: number, c: number) => number,
  U: number,
  C: number,
  pinned: ReadonlyMap<number, number>,
): [number, number][] {
  const low = Math.floor(U / C);
  let bigLeft = U - low * C;
  const load = new Array<number>(C).fill(0);
  const out: [number, number][] = [];
  const take = (u: number, c: number) => {
    out.push([u, c]);
    load[c] += 1;
    if (load[c] === low + 1) bigLeft -= 1;
  };
  for (const [u, c] of pinned) take(u, c);
  const regret = (u: number) => {
    const costs = Array.from({ length: C }, (_, c) => cost(u, c)).sort((a, b) => a - b);
    return (costs[1] ?? costs[0]) - costs[0];
  };
  const order = Array.from({ length: U }, (_, u) => u)
    .filter((u) => !pinned.has(u))
    .sort((a, b) => regret(b) - regret(a) || a - b);
  for (const u of order) {
    let best = -1;
    for (let c = 0; c < C; c++) {
      const room = bigLeft > 0 ? low + 1 : low;
      if (load[c] < room && (best < 0 || cost(u, c) < cost(u, best))) best = c;
    }
    take(u, best);
  }
  return out;
}

/**
 * Swaps two units between communities while that lowers the total amount by which headcounts fall outside
 * [minMembers, maxMembers] (the greedy pass only watches unit counts); each step takes the swap that repairs most
 * for the least extra cost.
 */
export function repairHeadcounts(opts: {
  assignment: [number, number][];
  headcount: ArrayLike<number>;
  C: number;
  min: number;
  max: number;
  cost: (u: number, c: number) => number;
  fixed: ReadonlySet<number>;
}): void {
  const { assignment: a, headcount: h, min, max, cost, fixed } = opts;
  const members = new Array<number>(opts.C).fill(0);
  for (const [u, c] of a) members[c] += h[u];
  const outside = (m: number) => Math.max(0, min - m) + Math.max(0, m - max);
  for (let step = 0; step < 200; step++) {
    let best: { i: number; j: number; gain: number; extra: number } | null = null;
    for (let i = 0; i < a.length; i++) {
      for (let j = i + 1; j < a.length; j++) {
        const [u1, c1] = a[i];
        const [u2, c2] = a[j];
        if (c1 === c2 || fixed.has(u1) || fixed.has(u2)) continue;
        const d = h[u2] - h[u1];
        const gain = outside(members[c1]) + outside(members[c2]) - outside(members[c1] + d) - outside(members[c2] - d);
        if (gain <= 0) continue;
        const extra = cost(u1, c2) + cost(u2, c1) - cost(u1, c1) - cost(u2, c2);
        if (!best || gain > best.gain + 1e-9 || (Math.abs(gain - best.gain) <= 1e-9 && extra < best.extra))
          best = { i, j, gain, extra };
      }
    }
    if (!best) return;
    const [u1, c1] = a[best.i];
    const [u2, c2] = a[best.j];
    members[c1] += h[u2] - h[u1];
    members[c2] += h[u1] - h[u2];
    a[best.i] = [u1, c2];
    a[best.j] = [u2, c1];
  }
}

function planFor(world: World, year: number, weights: typeof DEFAULT_WEIGHTS) {
  const hangdong = world.communities.find((c) => c.name === HANGDONG);
  const u001 = world.units.find((u) => u.name === '县司法局党组');
  const pins = hangdong && u001 ? [{ unitId: u001.id, communityId: hangdong.id }] : [];
  const settings = { ...resolveSettings(world, { pins }), weights };
  const cp = compiledOf(world, settings);
  const pinned = new Map(
    pins.map((p) => [cp.unitIndex.get(p.unitId) ?? -1, cp.communityIndex.get(p.communityId) ?? -1]),
  );
  const w = settings.weights;
  const cost = (u: number, c: number) =>
    w.distance * (cp.distKm[u * cp.C + c] / cp.distScale) + w.complement * cp.unmet[u * cp.C + c];
  const assignment = greedyPairing(cost, cp.U, cp.C, pinned);
  const { minMembers: min, maxMembers: max } = settings.bounds;
  repairHeadcounts({ assignment, headcount: cp.headcount, C: cp.C, min, max, cost, fixed: new Set(pinned.keys()) });
  const keys = keysOf(cp, assignment);
  return { settings, scored: score(world, settings, keys), year };
}

/** A year's plan is adopted on 10 January (or, for a demo that starts before then, the evening before its first day). */
function adoptionOf(year: number, time: DemoTime): Date {
  const planned = localInstant(`${year}-01-10`, '10:00');
  return planned < time.now ? planned : time.now;
}

export async function seedCobuildPairing(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rng = createRng(PAIRING_SEED);
  await nameLeaders(db, data, rng);
  const world = await loadWorld(db, time.year);
  if (!world.units.length || !world.communities.length) return;
  const plans = [
    planFor(world, time.year - 1, { distance: 0.8, complement: 0.2, balance: 0 }),
    planFor(world, time.year, DEFAULT_WEIGHTS),
  ];
  for (const p of plans) {
    const id = rng.uuid();
    const adoptedAt = adoptionOf(p.year, time);
    await insertRows(db, pairingPlans, [
      {
        id,
        year: p.year,
        name: `${p.year} 年机关单位与社区结对方案`,
        status: 'adopted',
        settings: p.settings,
        objective: p.scored.stored,
        adoptedAt,
        createdAt: p.year === time.year ? time.createdAt : adoptedAt,
        updatedAt: adoptedAt,
        version: 1,
        createdBy: null,
        adoptedBy: null,
      },
    ]);
    await insertRows(
      db,
      pairings,
      p.scored.rows.map((r) => ({ id: rng.uuid(), planId: id, year: p.year, ...r, createdAt: adoptedAt })),
    );
  }
}
