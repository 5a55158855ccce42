import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCandidates, distanceKm } from './matching.candidates.js';
import { dualViolation, type MatchingProblem, solveMatching } from './matching.flow.js';
import { loadHighs, solveWithHighs } from './matching.highs.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** A random bipartite instance: weights 1–5 (or any positive reals), integer or fractional demands, random edges. */
const arbProblem = fc
  .record({
    n: fc.integer({ min: 1, max: 14 }),
    m: fc.integer({ min: 1, max: 8 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 400, maxLength: 400 }),
    integerWeights: fc.boolean(),
    density: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  })
  .map(({ n, m, seed, integerWeights, density }): MatchingProblem => {
    let k = 0;
    const next = () => seed[k++ % seed.length];
    const weight = Float64Array.from({ length: n }, () =>
      integerWeights ? 1 + Math.floor(next() * 5) : 0.1 + next() * 5,
    );
    const demand = Float64Array.from({ length: n }, () => (next() < 0.1 ? 0 : Math.round(next() * 400) / 4));
    const capacity = Float64Array.from({ length: m }, () => Math.round(next() * 600) / 4);
    const edgeStart = new Int32Array(n + 1);
    const edgeResource: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) if (next() < density) edgeResource.push(j);
      edgeStart[i + 1] = edgeResource.length;
    }
    return { weight, demand, capacity, edgeStart, edgeResource: Int32Array.from(edgeResource) };
  });

function assertFeasible(p: MatchingProblem, flow: Float64Array): void {
  const served = new Float64Array(p.demand.length),
    used = new Float64Array(p.capacity.length);
  for (let i = 0; i < p.demand.length; i++) {
    for (let e = p.edgeStart[i]; e < p.edgeStart[i + 1]; e++) {
      expect(flow[e]).toBeGreaterThanOrEqual(-1e-9);
      served[i] += flow[e];
      used[p.edgeResource[e]] += flow[e];
    }
    expect(served[i]).toBeLessThanOrEqual(p.demand[i] + 1e-6);
  }
  p.capacity.forEach((c, j) => expect(used[j]).toBeLessThanOrEqual(c + 1e-6));
}

describe('needs ↔ resources matching (network flow)', () => {
  it('reaches the LP optimum HiGHS finds, within capacities and demands, on candidate edges only', () => {
    fc.assert(
      fc.property(arbProblem, (p) => {
        const flow = solveMatching(p);
        const lp = solveWithHighs(highs, p, { solver: 'simplex' });
        expect(lp.status).toBe('Optimal');
        expect(Math.abs(flow.objective - lp.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, lp.objective));
        // The flow is indexed by candidate edge, so it cannot use a pair that is not a candidate.
        expect(flow.flow.length).toBe(p.edgeResource.length);
        assertFeasible(p, flow.flow);
        // Its own certificate: a feasible dual whose value equals the objective.
        expect(dualViolation({ ...p, dualNeed: flow.dualNeed, dualResource: flow.dualResource })).toBeLessThanOrEqual(
          1e-9,
        );
        expect(Math.abs(flow.bound - flow.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, flow.objective));
      }),
      { numRuns: 150 },
    );
  });

  it('serves the more urgent need first when two compete for one resource', () => {
    const p: MatchingProblem = {
      weight: Float64Array.of(1, 5),
      demand: Float64Array.of(10, 10),
      capacity: Float64Array.of(12),
      edgeStart: Int32Array.of(0, 1, 2),
      edgeResource: Int32Array.of(0, 0),
    };
    const r = solveMatching(p);
    expect([...r.served]).toEqual([2, 10]);
    expect(r.objective).toBe(52);
  });

  it('reroutes an earlier need to make room for a later one (an augmenting path, not just greedy)', () => {
    // Need 0 (priority 5) may use resource 0 or 1 and greedily takes 0, the nearest; need 1 can only use resource 0.
    const p: MatchingProblem = {
      weight: Float64Array.of(5, 3),
      demand: Float64Array.of(10, 10),
      capacity: Float64Array.of(10, 10),
      edgeStart: Int32Array.of(0, 2, 3),
      edgeResource: Int32Array.of(0, 1, 0),
    };
    const r = solveMatching(p);
    expect([...r.served]).toEqual([10, 10]);
    expect(r.objective).toBe(80);
  });
});

describe('candidate pairs', () => {
  it('keeps only same-class resources within the distance, at most k per need, nearest first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 117.3, max: 117.4, noNaN: true }),
            fc.double({ min: 27.5, max: 27.6, noNaN: true }),
            fc.integer({ min: 0, max: 1 }),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        fc.array(
          fc.tuple(
            fc.double({ min: 117.3, max: 117.4, noNaN: true }),
            fc.double({ min: 27.5, max: 27.6, noNaN: true }),
            fc.integer({ min: -1, max: 1 }),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 6 }),
        (needs, resources, k) => {
          const set = (pts: [number, number, number][]) => ({
            lng: Float64Array.from(pts.map((p) => p[0])),
            lat: Float64Array.from(pts.map((p) => p[1])),
            group: Int32Array.from(pts.map((p) => p[2])),
          });
          const c = buildCandidates({ needs: set(needs), resources: set(resources), maxDistanceKm: 3, k });
          needs.forEach((nd, i) => {
            const within = resources
              .map((r, j) => ({ j, d: distanceKm({ lng: nd[0], lat: nd[1] }, { lng: r[0], lat: r[1] }), g: r[2] }))
              .filter((x) => x.g === nd[2] && x.d <= 2.99)
              .sort((a, b) => a.d - b.d);
            const got = [...c.edgeResource.slice(c.edgeStart[i], c.edgeStart[i + 1])];
            expect(got.length).toBeLessThanOrEqual(k);
            expect(got.length).toBeGreaterThanOrEqual(Math.min(k, within.length));
            for (const j of got) expect(resources[j][2]).toBe(nd[2]);
            const d = [...c.edgeDistanceKm.slice(c.edgeStart[i], c.edgeStart[i + 1])];
            expect(d).toEqual([...d].sort((a, b) => a - b));
            for (const x of d) expect(x).toBeLessThanOrEqual(3 + 1e-9);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
