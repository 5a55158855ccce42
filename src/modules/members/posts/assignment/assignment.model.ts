/**
 * The post assignment (设岗定责) as data, with no database and no solver: who may fill which seat, and what each pair
 * is worth. The solver (assignment.solver.ts) maximises the total worth with each member in at most one seat and
 * each opening within its open seats.
 *
 * Worth of member m in opening o (all weights are settings with the defaults below):
 *   base                       a seat filled counts first, so the plan fills every seat it can;
 * + skill · [o's type ∈ m's skills]        the skills the member offered when reporting (member_reports.skills);
 * + need · need(o)                          the community's need for the type where the post is: the share, within
 *                                           the community, of the cases of the last year in the opening's grid (or
 *                                           the community, with no grid) whose category maps to the type
 *                                           (CASE_CATEGORY_POST_TYPE), 0 … 1 (the grid with most such cases is 1);
 * − distance · min(d, cap) / cap            d = km from the member's home grid centre to the post (its point, or its
 *                                           grid's centre): near posts are kept, beyond `cap` all are equally far.
 * With the defaults a pair is worth 0.2 … 2.5 > 0, so a seat is never left empty for a candidate who could take it
 * unless that candidate is worth more elsewhere. Unknown places count as half the cap.
 *
 * Candidates are the members reporting at the opening's community (the query decides who reports): pairs across
 * communities are never built. The solver starts from each member's `nearest` best pairs and prices the others in
 * (column generation), so the model stays small and the answer is still the optimum over every pair.
 */
export interface AssignmentWeights {
  base: number;
  skill: number;
  need: number;
  distance: number;
  /** Distances beyond this many km count as this far. */
  capKm: number;
}

export const DEFAULT_ASSIGNMENT_WEIGHTS: AssignmentWeights = { base: 1, skill: 1, need: 0.5, distance: 0.8, capKm: 3 };

export interface CandidateMember {
  id: string;
  communityId: string;
  skills: readonly string[];
  lng: number | null;
  lat: number | null;
}

export interface OpenSeat {
  id: string;
  communityId: string;
  typeKey: string;
  /** Seats still open: the opening's seats less those already confirmed. */
  seats: number;
  /** 0 … 1, see above. */
  need: number;
  lng: number | null;
  lat: number | null;
}

export interface AssignmentProblem {
  members: CandidateMember[];
  openings: OpenSeat[];
  weights: AssignmentWeights;
  /** Pairs each member starts with (0 = all); only the time depends on it, not the answer. */
  nearest?: number;
}

/** Candidate pairs as parallel arrays (cheap to post to the solver thread and to build the model from). */
export interface Pairs {
  member: Int32Array;
  opening: Int32Array;
  score: Float64Array;
  distanceKm: Float64Array;
}

/**
 * Which post type a case category speaks for (by the category's top level, or a more precise second level):
 * disputes between neighbours need mediators, theft and hazards need security patrols, and so on.
 */
export const CASE_CATEGORY_POST_TYPE: Readonly<Record<string, string>> = {
  neighbour: 'dispute_mediation',
  security: 'public_security',
  safety: 'public_security',
  traffic: 'public_security',
  property: 'opinion_collection',
  facilities: 'opinion_collection',
  policy: 'social_work_counsel',
  'livelihood.assistance': 'social_work_counsel',
  'livelihood.employment': 'legal_service',
  'policy.housing': 'legal_service',
  'livelihood.elderly': 'elderly_disabled_help',
  'livelihood.medical': 'elderly_disabled_help',
  environment: 'environment',
  civility: 'environment',
  'livelihood.children': 'youth_care',
};

export function postTypeOfCategory(code: string): string | undefined {
  return CASE_CATEGORY_POST_TYPE[code] ?? CASE_CATEGORY_POST_TYPE[code.split('.')[0]];
}

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineKm(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function distanceOf(m: CandidateMember, o: OpenSeat, capKm: number): number {
  if (m.lng === null || m.lat === null || o.lng === null || o.lat === null) return capKm / 2;
  return haversineKm({ lng: m.lng, lat: m.lat }, { lng: o.lng, lat: o.lat });
}

export function pairScore(m: CandidateMember, o: OpenSeat, w: AssignmentWeights, distanceKm: number): number {
  const skill = m.skills.includes(o.typeKey) ? w.skill : 0;
  const far = w.capKm > 0 ? Math.min(distanceKm, w.capKm) / w.capKm : 0;
  return w.base + skill + w.need * o.need - w.distance * far;
}

/** Every member × open opening of the same community, with its worth and distance. */
export function allPairs(problem: AssignmentProblem): Pairs {
  const { members, openings, weights } = problem;
  const byCommunity = new Map<string, number[]>();
  openings.forEach((o, i) => {
    if (o.seats <= 0) return;
    const list = byCommunity.get(o.communityId);
    if (list) list.push(i);
    else byCommunity.set(o.communityId, [i]);
  });
  let n = 0;
  for (const m of members) n += byCommunity.get(m.communityId)?.length ?? 0;
  const pairs: Pairs = {
    member: new Int32Array(n),
    opening: new Int32Array(n),
    score: new Float64Array(n),
    distanceKm: new Float64Array(n),
  };
  let e = 0;
  members.forEach((m, mi) => {
    for (const oi of byCommunity.get(m.communityId) ?? []) {
      const d = distanceOf(m, openings[oi], weights.capKm);
      pairs.member[e] = mi;
      pairs.opening[e] = oi;
      pairs.score[e] = pairScore(m, openings[oi], weights, d);
      pairs.distanceKm[e] = d;
      e++;
    }
  });
  return pairs;
}

/**
 * The pairs the solver starts from: each member's `nearest` best (all with 0), and for an opening none of them
 * reaches, its best twice its seats. The solver prices the rest in (assignment.solver.ts), so this choice
 * changes the time, never the answer. Pairs come grouped by member (allPairs builds them so).
 */
export function initialColumns(problem: AssignmentProblem, pairs: Pairs): number[] {
  const nearest = problem.nearest ?? 0;
  const n = pairs.score.length;
  if (!nearest) return Array.from({ length: n }, (_, e) => e);
  const kept: number[] = [];
  const covered = new Uint8Array(problem.openings.length);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && pairs.member[end] === pairs.member[start]) end++;
    const group = Array.from({ length: end - start }, (_, i) => start + i);
    if (group.length > nearest) group.sort((a, b) => pairs.score[b] - pairs.score[a]).length = nearest;
    for (const e of group) {
      kept.push(e);
      covered[pairs.opening[e]] = 1;
    }
    start = end;
  }
  const starved = new Map<number, number[]>();
  for (let e = 0; e < n; e++) {
    const o = pairs.opening[e];
    if (!covered[o]) starved.set(o, [...(starved.get(o) ?? []), e]);
  }
  for (const [o, list] of starved)
    kept.push(...list.sort((a, b) => pairs.score[b] - pairs.score[a]).slice(0, 2 * problem.openings[o].seats));
  return kept;
}

/** A chosen pair: indexes into the problem's members and openings. */
export interface ChosenPair {
  member: number;
  opening: number;
  score: number;
  distanceKm: number;
}

/** Checks chosen pairs against the two rules; returns their total worth (throws on a broken rule). */
export function checkAssignment(problem: AssignmentProblem, chosen: readonly ChosenPair[]): number {
  const perMember = new Map<number, number>();
  const perOpening = new Map<number, number>();
  let total = 0;
  for (const { member: m, opening: o, score } of chosen) {
    perMember.set(m, (perMember.get(m) ?? 0) + 1);
    perOpening.set(o, (perOpening.get(o) ?? 0) + 1);
    if ((perMember.get(m) ?? 0) > 1) throw new Error(`member ${problem.members[m].id} holds two seats`);
    if ((perOpening.get(o) ?? 0) > problem.openings[o].seats)
      throw new Error(`opening ${problem.openings[o].id} over its seats`);
    total += score;
  }
  return total;
}

/**
 * A fast greedy plan: pairs by worth, best first, each taken while its member is free and its opening has a seat.
 * Not optimal (the solver is); the demo seed uses it to stay fast on a cold start, where loading and warming HiGHS
 * alone costs seconds. Ties break by member then opening index, so it is deterministic.
 */
export function greedyAssignment(problem: AssignmentProblem): ChosenPair[] {
  const pairs = allPairs(problem);
  const order = Array.from({ length: pairs.score.length }, (_, e) => e).sort(
    (a, b) => pairs.score[b] - pairs.score[a] || a - b,
  );
  const taken = new Uint8Array(problem.members.length);
  const left = problem.openings.map((o) => o.seats);
  const chosen: ChosenPair[] = [];
  for (const e of order) {
    const m = pairs.member[e];
    const o = pairs.opening[e];
    if (taken[m] || left[o] <= 0) continue;
    taken[m] = 1;
    left[o]--;
    chosen.push({ member: m, opening: o, score: pairs.score[e], distanceKm: pairs.distanceKm[e] });
  }
  return chosen;
}
