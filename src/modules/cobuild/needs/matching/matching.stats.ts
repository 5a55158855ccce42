import type { RunStats } from './matching.contracts.js';
import type { MatchingProblem } from './matching.flow.js';

/**
 * The figures of a run. Amounts of different units of measure (hours, yuan, items) do not add up, so coverage is a
 * share per need: weighted coverage = Σ priority × min(1, proposed ÷ lacking) ÷ Σ priority. (The optimisation itself
 * never compares units: a need only meets resources counted in its own unit.)
 */
const EPS = 1e-9;

export function runStats(problem: MatchingProblem, flow: Float64Array, matches: number): RunStats {
  const n = problem.demand.length;
  const byPriority = [5, 4, 3, 2, 1].map((priority) => ({ priority, needs: 0, served: 0, covered: 0, coverage: 0 }));
  let weighted = 0,
    weights = 0;
  for (let i = 0; i < n; i++) {
    let got = 0;
    for (let e = problem.edgeStart[i]; e < problem.edgeStart[i + 1]; e++) got += flow[e];
    const share = problem.demand[i] > EPS ? Math.min(1, got / problem.demand[i]) : 1;
    const b = byPriority[5 - problem.weight[i]];
    b.needs++;
    b.coverage += share;
    if (got > EPS) b.served++;
    if (share >= 1 - 1e-6) b.covered++;
    weighted += problem.weight[i] * share;
    weights += problem.weight[i];
  }
  for (const b of byPriority) b.coverage = b.needs ? b.coverage / b.needs : 0;
  return {
    needs: n,
    resources: problem.capacity.length,
    candidates: problem.edgeResource.length,
    matches,
    needsServed: byPriority.reduce((s, b) => s + b.served, 0),
    needsCovered: byPriority.reduce((s, b) => s + b.covered, 0),
    weightedCoverage: weights > 0 ? weighted / weights : 0,
    byPriority,
  };
}
