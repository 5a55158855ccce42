/**
 * Needs ↔ resources matching at county scale: synthetic needs and resources (people-hours) over a county-sized area,
 * candidates = the 20 nearest resources within 3 km, solved exactly by the network flow; the result is compared with
 * bounds on the LP optimum. Run: node --import tsx bench/matching.ts [--highs] [--size=100000x10000]
 *   default: 100,000 × 10,000 with the flow's own proven bound (its dual certificate, checked edge by edge), the same
 *            dual repaired to cover every pair within 3 km (a proven bound for the uncapped problem), and HiGHS on a
 *            10,000 × 1,000 instance for comparison.
 *   --highs: also solve the 100,000 × 10,000 LP with HiGHS (ipm, ~1 min, ~1.2 GB).
 */
import { buildCandidates, type PointSet } from '../src/modules/cobuild/needs/matching/matching.candidates.js';
import {
  dualViolation,
  type MatchingProblem,
  repairedBound,
  solveMatching,
} from '../src/modules/cobuild/needs/matching/matching.flow.js';
import { loadHighs, solveWithHighs } from '../src/modules/cobuild/needs/matching/matching.highs.js';
import { createRng, type Rng } from '../src/seed/rng.js';

const MAX_KM = 3;
const K = 20;

/** A point: 60 % around one of 11 town centres (σ ≈ 4 km), 40 % anywhere in a 40 × 44 km county. */
function place(rng: Rng, centres: [number, number][]): [number, number] {
  if (rng.chance(0.4)) return [rng.float(117.25, 117.65), rng.float(27.35, 27.75)];
  const [lng, lat] = rng.pick(centres);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return [lng + gauss() * 0.04, lat + gauss() * 0.036];
}

interface Instance {
  needs: PointSet;
  resources: PointSet;
  weight: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
}

function instance(needCount: number, resourceCount: number, seed: number): Instance {
  const rng = createRng(seed);
  const centres = Array.from({ length: 11 }, (): [number, number] => [rng.float(117.3, 117.6), rng.float(27.4, 27.7)]);
  const points = (count: number): PointSet => {
    const set: PointSet = { lng: new Float64Array(count), lat: new Float64Array(count), group: new Int32Array(count) };
    for (let i = 0; i < count; i++) [set.lng[i], set.lat[i]] = place(rng, centres);
    return set;
  };
  const needs = points(needCount),
    resources = points(resourceCount);
  const weight = Float64Array.from({ length: needCount }, () => 1 + rng.weightedIndex([30, 30, 20, 12, 8]));
  const demand = Float64Array.from({ length: needCount }, () => rng.int(2, 40) * 2);
  const capacity = Float64Array.from({ length: resourceCount }, () => rng.int(4, 80) * 5);
  return { needs, resources, weight, demand, capacity };
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function run(inst: Instance) {
  const t0 = performance.now();
  const cand = buildCandidates({ needs: inst.needs, resources: inst.resources, maxDistanceKm: MAX_KM, k: K });
  const tCand = ms(t0);
  const problem: MatchingProblem = {
    weight: inst.weight,
    demand: inst.demand,
    capacity: inst.capacity,
    edgeStart: cand.edgeStart,
    edgeResource: cand.edgeResource,
  };
  const t1 = performance.now();
  const result = solveMatching(problem);
  const tFlow = ms(t1);
  let matches = 0;
  for (const x of result.flow) if (x > 1e-9) matches++;
  return { cand, problem, result, tCand, tFlow, total: ms(t0), matches };
}

async function main(): Promise<void> {
  const sizeArg = process.argv.find((a) => a.startsWith('--size='))?.slice(7) ?? '100000x10000';
  const [needCount, resourceCount] = sizeArg.split('x').map(Number);
  const withHighs = process.argv.includes('--highs');
  const inst = instance(needCount, resourceCount, 5_100_003);
  const big = run(inst);
  const { result, problem } = big;
  const violation = dualViolation({ ...problem, dualNeed: result.dualNeed, dualResource: result.dualResource });
  const t2 = performance.now();
  const all = buildCandidates({ needs: inst.needs, resources: inst.resources, maxDistanceKm: MAX_KM });
  const allBound = repairedBound({
    ...problem,
    edgeStart: all.edgeStart,
    edgeResource: all.edgeResource,
    dualNeed: result.dualNeed,
    dualResource: result.dualResource,
  });
  const tAll = ms(t2);
  let totalDemand = 0,
    served = 0;
  inst.demand.forEach((d, i) => {
    totalDemand += d;
    served += result.served[i];
  });
  console.log(`## ${fmt(needCount)} needs × ${fmt(resourceCount)} resources, ≤ ${K} nearest within ${MAX_KM} km`);
  console.log(
    `candidates: ${fmt(big.cand.edgeResource.length)} edges (all pairs within ${MAX_KM} km: ${fmt(all.edgeResource.length)})`,
  );
  console.log(
    `time: candidates ${fmt(big.tCand)} ms + flow ${fmt(big.tFlow)} ms (${result.phases} Dinic phases) = ${fmt(big.total)} ms end to end`,
  );
  console.log(
    `objective ${fmt(result.objective, 1)}; proven bound (flow dual, max violation ${violation.toExponential(1)}) ${fmt(result.bound, 1)}; gap ${(((result.bound - result.objective) / result.bound) * 100).toFixed(6)} %`,
  );
  console.log(
    `bound for the uncapped problem (every pair within ${MAX_KM} km, dual repaired in ${fmt(tAll)} ms): ${fmt(allBound, 1)}; gap ${(((allBound - result.objective) / allBound) * 100).toFixed(4)} %`,
  );
  console.log(
    `served ${fmt(served)} of ${fmt(totalDemand)} people-hours (${((served / totalDemand) * 100).toFixed(1)} %) in ${fmt(big.matches)} matches; heap ${fmt(process.memoryUsage().rss / 2 ** 20)} MB rss`,
  );
  const highs = await loadHighs();
  if (withHighs) {
    const lp = solveWithHighs(highs, problem, { solver: 'ipm' });
    console.log(
      `HiGHS ipm on the same LP: ${lp.status}, objective ${fmt(lp.objective, 1)}, ${fmt(lp.seconds, 1)} s; flow − HiGHS = ${(result.objective - lp.objective).toExponential(2)}`,
    );
  }
  const small = run(instance(10_000, 1_000, 5_100_004));
  const lp = solveWithHighs(highs, small.problem, { solver: 'ipm' });
  console.log(
    `## 10,000 × 1,000: ${fmt(small.cand.edgeResource.length)} edges; flow ${fmt(small.total)} ms end to end, objective ${fmt(small.result.objective, 2)}, bound ${fmt(small.result.bound, 2)}; HiGHS ipm ${fmt(lp.seconds * 1000)} ms (${lp.status}), objective ${fmt(lp.objective, 2)}; difference ${(small.result.objective - lp.objective).toExponential(2)}`,
  );
}

await main();
