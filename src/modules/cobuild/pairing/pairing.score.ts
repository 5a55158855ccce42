import type { Explanation, Objective, ResolvedSettings, SolveInfo, Violation } from './pairing.contracts.js';
import { type Compiled, evaluate, matchedStrengths, pairCost, pairsTotal, violations } from './pairing.model.js';
import type { pairings } from './pairing.schema.js';
import { compiledOf, type World } from './pairing.world.js';

/**
 * Scoring a plan's pairs, whoever made them: the objective per principle, the constraints it breaks, and each
 * pair's explanation. Stored on the plan (objective jsonb) and the pairs, recomputed after every hand edit.
 */
export interface StoredObjective {
  breakdown: Objective | null;
  violations: Violation[];
  solve: SolveInfo | null;
}
export interface PairKey {
  unitId: string;
  communityId: string;
  source: 'optimiser' | 'manual' | 'pinned';
}

export function explain(cp: Compiled, u: number, c: number): Explanation {
  const j = u * cp.C + c;
  const w = cp.problem.weights;
  const n = pairsTotal(cp);
  const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    distanceKm: round(cp.distKm[j], 2),
    matched: matchedStrengths(cp.problem.units[u], cp.problem.communities[c]).map((m) => ({
      tag: m.tag,
      share: round(m.share),
    })),
    needsMet: round(1 - cp.unmet[j]),
    terms: {
      distance: round((w.distance * cp.distKm[j]) / cp.distScale / n, 6),
      complement: round((w.complement * cp.unmet[j]) / n, 6),
    },
  };
}

export interface Scored {
  stored: StoredObjective;
  rows: Omit<typeof pairings.$inferInsert, 'planId' | 'year'>[];
}

/** Pairs whose unit or community has left the world (deleted, lost its location) are kept but not scored. */
export function score(
  world: World,
  settings: ResolvedSettings,
  pairs: readonly PairKey[],
  solve: SolveInfo | null = null,
): Scored {
  const cp = compiledOf(world, settings);
  const assignment: [number, number][] = [];
  const rows = pairs.map((p) => {
    const u = cp.unitIndex.get(p.unitId);
    const c = cp.communityIndex.get(p.communityId);
    if (u === undefined || c === undefined)
      return { unitId: p.unitId, communityId: p.communityId, source: p.source, distanceKm: null, explanation: null };
    assignment.push([u, c]);
    const explanation = explain(cp, u, c);
    return {
      unitId: p.unitId,
      communityId: p.communityId,
      source: p.source,
      distanceKm: explanation.distanceKm,
      explanation,
    };
  });
  return {
    stored: {
      breakdown: assignment.length ? evaluate(cp, assignment) : null,
      violations: violations(cp, assignment),
      solve,
    },
    rows,
  };
}

/** A solver's assignment as pair keys: pinned pairs keep that source, the rest are the optimiser's. */
export function keysOf(cp: Compiled, assignment: readonly (readonly [number, number])[]): PairKey[] {
  return assignment.map(([u, c]) => ({
    unitId: cp.problem.units[u].id,
    communityId: cp.problem.communities[c].id,
    source: cp.pinned[u * cp.C + c] ? 'pinned' : 'optimiser',
  }));
}

/** Exposed for tests: the objective value the solver minimised equals the breakdown's total. */
export function objectiveOf(cp: Compiled, assignment: readonly (readonly [number, number])[]): number {
  return assignment.reduce((s, [u, c]) => s + pairCost(cp, u * cp.C + c), 0);
}
