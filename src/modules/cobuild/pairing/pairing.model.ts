/**
 * The pairing problem (结对) as plain data, with everything that does not need a solver: distances, the normalised
 * objective terms of a pair, the objective of a given assignment broken down per principle, and the list of
 * constraints an assignment breaks. The solver (pairing.solver.ts) and the hand-edit path both use these, so a plan
 * is scored the same way however it was made.
 */
export interface UnitInput {
  id: string;
  name: string;
  lng: number;
  lat: number;
  headcount: number;
  strengths: readonly string[];
}
export interface CommunityInput {
  id: string;
  name: string;
  lng: number;
  lat: number;
  needs: Readonly<Record<string, number>>;
}
/** Each weight in [0, 1]: 就近就便 (distance), 优势互补 (complement), 均衡分布 (balance of headcount). */
export interface Weights {
  distance: number;
  complement: number;
  balance: number;
}
/** Per community: how many units and how many unit staff (党员职工) it is paired with. */
export interface Bounds {
  minUnits: number;
  maxUnits: number;
  minMembers: number;
  maxMembers: number;
}
export interface PairRef {
  unitId: string;
  communityId: string;
}

export interface PairingProblem {
  units: readonly UnitInput[];
  communities: readonly CommunityInput[];
  /** Communities per unit (资源统筹: every unit is paired with exactly k). */
  k: number;
  bounds: Bounds;
  weights: Weights;
  pins: readonly PairRef[];
  forbids: readonly PairRef[];
  /** Keep only each unit's `nearest` closest communities as candidates (large instances); 0 = all. */
  nearest?: number;
}

/** An assignment as index pairs [unit, community] into the problem's arrays. */
export type Assignment = readonly (readonly [number, number])[];

/** The problem with ids resolved to indices and the per-pair data precomputed (row-major u * C + c). */
export interface Compiled {
  problem: PairingProblem;
  U: number;
  C: number;
  headcount: Float64Array;
  totalHeadcount: number;
  distKm: Float64Array;
  /** Share of the community's needs that the unit's strengths do NOT meet, in [0, 1]. */
  unmet: Float64Array;
  pinned: Uint8Array;
  forbidden: Uint8Array;
  /** The largest unit–community distance: distances are divided by it, so the distance term lies in [0, 1]. */
  distScale: number;
  unitIndex: Map<string, number>;
  communityIndex: Map<string, number>;
}

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineKm(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The needs profile as shares summing to 1 (an empty profile: every tag counts the same, i.e. nothing is favoured). */
export function needShares(needs: Readonly<Record<string, number>>): Map<string, number> {
  const entries = Object.entries(needs).filter(([, v]) => v > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  return new Map(entries.map(([tag, v]) => [tag, v / total]));
}

/** The strengths of a unit that meet needs of the community, most needed first. */
export function matchedStrengths(unit: UnitInput, community: CommunityInput): { tag: string; share: number }[] {
  const shares = needShares(community.needs);
  return unit.strengths
    .filter((s) => shares.has(s))
    .map((tag) => ({ tag, share: shares.get(tag) ?? 0 }))
    .sort((a, b) => b.share - a.share);
}

function pairKeySet(
  C: number,
  index: Compiled['unitIndex'],
  cIndex: Compiled['communityIndex'],
  refs: readonly PairRef[],
): Uint8Array {
  const set = new Uint8Array(index.size * C);
  for (const r of refs) {
    const u = index.get(r.unitId);
    const c = cIndex.get(r.communityId);
    if (u !== undefined && c !== undefined) set[u * C + c] = 1;
  }
  return set;
}

export function compile(problem: PairingProblem): Compiled {
  const U = problem.units.length;
  const C = problem.communities.length;
  const unitIndex = new Map(problem.units.map((u, i) => [u.id, i]));
  const communityIndex = new Map(problem.communities.map((c, i) => [c.id, i]));
  const headcount = Float64Array.from(problem.units, (u) => u.headcount);
  const distKm = new Float64Array(U * C);
  const unmet = new Float64Array(U * C);
  const shares = problem.communities.map((c) => needShares(c.needs));
  let distScale = 0;
  problem.units.forEach((unit, u) => {
    problem.communities.forEach((community, c) => {
      const d = haversineKm(unit, community);
      distKm[u * C + c] = d;
      if (d > distScale) distScale = d;
      const met = unit.strengths.reduce((s, tag) => s + (shares[c].get(tag) ?? 0), 0);
      unmet[u * C + c] = shares[c].size ? Math.max(0, 1 - met) : 0;
    });
  });
  return {
    problem,
    U,
    C,
    headcount,
    totalHeadcount: headcount.reduce((s, h) => s + h, 0),
    distKm,
    unmet,
    pinned: pairKeySet(C, unitIndex, communityIndex, problem.pins),
    forbidden: pairKeySet(C, unitIndex, communityIndex, problem.forbids),
    distScale: distScale || 1,
    unitIndex,
    communityIndex,
  };
}

/** Normalisers: per-pair terms are averaged over the U·k pairs; headcount deviation is relative to k·H. */
export function pairsTotal(cp: Compiled): number {
  return Math.max(1, cp.U * cp.problem.k);
}
export function balanceScale(cp: Compiled): number {
  return Math.max(1, cp.problem.k * cp.totalHeadcount);
}
/** The headcount each community would get if shares were perfectly equal. */
export function headcountTarget(cp: Compiled): number {
  return (cp.problem.k * cp.totalHeadcount) / Math.max(1, cp.C);
}

/** The objective coefficient of x[u,c] (minimised): weighted normalised distance plus weighted unmet needs. */
export function pairCost(cp: Compiled, j: number): number {
  const w = cp.problem.weights;
  return (w.distance * (cp.distKm[j] / cp.distScale) + w.complement * cp.unmet[j]) / pairsTotal(cp);
}

export interface PrincipleTerm {
  term: number;
  weighted: number;
}
export interface ObjectiveBreakdown {
  /** 就近就便: mean normalised distance; km figures for people. */
  distance: PrincipleTerm & { totalKm: number; meanKm: number; maxKm: number };
  /** 优势互补: share of needs NOT met, averaged over pairs; coverage = 1 − term. */
  complement: PrincipleTerm & { coverage: number };
  /** 均衡分布: Σ|headcount − target| / (k·H); also the spread of unit counts. */
  balance: PrincipleTerm & { minUnits: number; maxUnits: number; minMembers: number; maxMembers: number };
  /** 资源统筹: units paired with exactly k communities. */
  allocation: { unitsPaired: number; units: number; pairs: number };
  total: number;
}

export function communityLoads(
  cp: Compiled,
  assignment: Assignment,
): { units: number[]; members: number[]; perUnit: number[] } {
  const units = new Array<number>(cp.C).fill(0);
  const members = new Array<number>(cp.C).fill(0);
  const perUnit = new Array<number>(cp.U).fill(0);
  for (const [u, c] of assignment) {
    units[c] += 1;
    members[c] += cp.headcount[u];
    perUnit[u] += 1;
  }
  return { units, members, perUnit };
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

export function evaluate(cp: Compiled, assignment: Assignment): ObjectiveBreakdown {
  const w = cp.problem.weights;
  const n = pairsTotal(cp);
  let km = 0;
  let maxKm = 0;
  let unmet = 0;
  for (const [u, c] of assignment) {
    const j = u * cp.C + c;
    km += cp.distKm[j];
    maxKm = Math.max(maxKm, cp.distKm[j]);
    unmet += cp.unmet[j];
  }
  const loads = communityLoads(cp, assignment);
  const target = headcountTarget(cp);
  const deviation = loads.members.reduce((s, m) => s + Math.abs(m - target), 0);
  const dTerm = km / cp.distScale / n;
  const cTerm = unmet / n;
  const bTerm = deviation / balanceScale(cp);
  const distance = {
    term: round(dTerm),
    weighted: round(w.distance * dTerm),
    totalKm: round(km, 3),
    meanKm: round(assignment.length ? km / assignment.length : 0, 3),
    maxKm: round(maxKm, 3),
  };
  const complement = {
    term: round(cTerm),
    weighted: round(w.complement * cTerm),
    coverage: round(assignment.length ? 1 - unmet / assignment.length : 0),
  };
  const balance = {
    term: round(bTerm),
    weighted: round(w.balance * bTerm),
    minUnits: Math.min(...loads.units),
    maxUnits: Math.max(...loads.units),
    minMembers: Math.min(...loads.members),
    maxMembers: Math.max(...loads.members),
  };
  return {
    distance,
    complement,
    balance,
    allocation: {
      unitsPaired: loads.perUnit.filter((p) => p === cp.problem.k).length,
      units: cp.U,
      pairs: assignment.length,
    },
    total: round(distance.weighted + complement.weighted + balance.weighted),
  };
}

/** A constraint an assignment breaks (shown as a warning on a hand-edited plan). */
export interface Violation {
  code:
    | 'unit_pairs'
    | 'community_units_min'
    | 'community_units_max'
    | 'community_members_min'
    | 'community_members_max'
    | 'pin_missing'
    | 'forbid_used';
  unitId?: string;
  communityId?: string;
  actual?: number;
  limit?: number;
}

export function violations(cp: Compiled, assignment: Assignment): Violation[] {
  const { bounds, k, units, communities } = cp.problem;
  const loads = communityLoads(cp, assignment);
  const out: Violation[] = [];
  loads.perUnit.forEach((n, u) => {
    if (n !== k) out.push({ code: 'unit_pairs', unitId: units[u].id, actual: n, limit: k });
  });
  communities.forEach((community, c) => {
    const communityId = community.id;
    if (loads.units[c] < bounds.minUnits)
      out.push({ code: 'community_units_min', communityId, actual: loads.units[c], limit: bounds.minUnits });
    if (loads.units[c] > bounds.maxUnits)
      out.push({ code: 'community_units_max', communityId, actual: loads.units[c], limit: bounds.maxUnits });
    if (loads.members[c] < bounds.minMembers)
      out.push({ code: 'community_members_min', communityId, actual: loads.members[c], limit: bounds.minMembers });
    if (loads.members[c] > bounds.maxMembers)
      out.push({ code: 'community_members_max', communityId, actual: loads.members[c], limit: bounds.maxMembers });
  });
  const chosen = new Set(assignment.map(([u, c]) => u * cp.C + c));
  for (let j = 0; j < cp.U * cp.C; j++) {
    const ref = { unitId: units[Math.floor(j / cp.C)].id, communityId: communities[j % cp.C].id };
    if (cp.pinned[j] && !chosen.has(j)) out.push({ code: 'pin_missing', ...ref });
    if (cp.forbidden[j] && chosen.has(j)) out.push({ code: 'forbid_used', ...ref });
  }
  return out;
}

/** Default bounds from the averages: floor/ceil of the pairs per community, ±30 % of the mean headcount. */
export function defaultBounds(units: readonly { headcount: number }[], communities: number, k: number): Bounds {
  const C = Math.max(1, communities);
  const perCommunity = (units.length * k) / C;
  const meanMembers = (k * units.reduce((s, u) => s + u.headcount, 0)) / C;
  return {
    minUnits: Math.floor(perCommunity),
    maxUnits: Math.ceil(perCommunity),
    minMembers: Math.floor(meanMembers * 0.7),
    maxMembers: Math.ceil(meanMembers * 1.3),
  };
}

/**
 * Balance is off by default: the headcount bounds already enforce 均衡分布, and an absolute-deviation term weakens
 * the LP relaxation (83 × 11 goes from ~50 ms to seconds).
 */
export const DEFAULT_WEIGHTS: Weights = { distance: 0.5, complement: 0.5, balance: 0 };
