import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AssignmentProblem,
  allPairs,
  checkAssignment,
  DEFAULT_ASSIGNMENT_WEIGHTS,
  greedyAssignment,
  initialColumns,
  pairScore,
  postTypeOfCategory,
} from './assignment.model.js';
import { solveAssignment } from './assignment.solver.js';

let highs: Highs;
beforeAll(async () => {
  const mod = await import('highs');
  highs = await (mod.default as unknown as () => Promise<Highs>)();
});

/** The best total worth by trying every seat for every member (tiny instances only). */
function bruteForce(problem: AssignmentProblem): number {
  const pairs = allPairs(problem);
  const byMember = problem.members.map((_, m) => [...pairs.member.keys()].filter((e) => pairs.member[e] === m));
  const used = new Array(problem.openings.length).fill(0);
  const go = (m: number): number => {
    if (m === problem.members.length) return 0;
    let best = go(m + 1);
    for (const e of byMember[m]) {
      const o = pairs.opening[e];
      if (used[o] >= problem.openings[o].seats) continue;
      used[o]++;
      best = Math.max(best, pairs.score[e] + go(m + 1));
      used[o]--;
    }
    return best;
  };
  return go(0);
}

const TYPES = ['dispute_mediation', 'environment', 'youth_care'];

const arbProblem = fc
  .record({
    members: fc.array(
      fc.record({
        c: fc.integer({ min: 0, max: 1 }),
        skills: fc.subarray(TYPES),
        lng: fc.double({ min: 117.3, max: 117.4, noNaN: true }),
        lat: fc.double({ min: 27.5, max: 27.6, noNaN: true }),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    openings: fc.array(
      fc.record({
        c: fc.integer({ min: 0, max: 1 }),
        type: fc.constantFrom(...TYPES),
        seats: fc.integer({ min: 0, max: 3 }),
        need: fc.double({ min: 0, max: 1, noNaN: true }),
        lng: fc.double({ min: 117.3, max: 117.4, noNaN: true }),
        lat: fc.double({ min: 27.5, max: 27.6, noNaN: true }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(
    ({ members, openings }): AssignmentProblem => ({
      members: members.map((m, i) => ({
        id: `m${i}`,
        communityId: `c${m.c}`,
        skills: m.skills,
        lng: m.lng,
        lat: m.lat,
      })),
      openings: openings.map((o, i) => ({
        id: `o${i}`,
        communityId: `c${o.c}`,
        typeKey: o.type,
        seats: o.seats,
        need: o.need,
        lng: o.lng,
        lat: o.lat,
      })),
      weights: DEFAULT_ASSIGNMENT_WEIGHTS,
    }),
  );

describe('post assignment model', () => {
  it('scores skill, need and distance as documented', () => {
    const w = DEFAULT_ASSIGNMENT_WEIGHTS;
    const m = { id: 'm', communityId: 'c', skills: ['environment'], lng: 117.33, lat: 27.54 };
    const o = { id: 'o', communityId: 'c', typeKey: 'environment', seats: 1, need: 1, lng: 117.33, lat: 27.54 };
    expect(pairScore(m, o, w, 0)).toBeCloseTo(w.base + w.skill + w.need);
    expect(pairScore(m, { ...o, typeKey: 'youth_care', need: 0 }, w, 10)).toBeCloseTo(w.base - w.distance);
    expect(pairScore(m, o, w, w.capKm / 2)).toBeCloseTo(w.base + w.skill + w.need - w.distance / 2);
  });

  it('maps case categories to post types by the most precise level', () => {
    expect(postTypeOfCategory('neighbour.noise')).toBe('dispute_mediation');
    expect(postTypeOfCategory('livelihood.elderly')).toBe('elderly_disabled_help');
    expect(postTypeOfCategory('livelihood.children')).toBe('youth_care');
    expect(postTypeOfCategory('policy.housing')).toBe('legal_service');
    expect(postTypeOfCategory('policy.household')).toBe('social_work_counsel');
    expect(postTypeOfCategory('unknown.thing')).toBeUndefined();
  });

  it('pairs members only with openings of their community that have seats left', () => {
    const problem: AssignmentProblem = {
      members: [
        { id: 'a', communityId: 'c1', skills: [], lng: null, lat: null },
        { id: 'b', communityId: 'c2', skills: [], lng: null, lat: null },
      ],
      openings: [
        { id: 'x', communityId: 'c1', typeKey: 't', seats: 1, need: 0, lng: null, lat: null },
        { id: 'y', communityId: 'c1', typeKey: 't', seats: 0, need: 0, lng: null, lat: null },
      ],
      weights: DEFAULT_ASSIGNMENT_WEIGHTS,
    };
    const pairs = allPairs(problem);
    expect([...pairs.member]).toEqual([0]);
    expect([...pairs.opening]).toEqual([0]);
  });

  it('starting from the nearest pairs never leaves an opening without candidates', () => {
    const members = Array.from({ length: 5 }, (_, i) => ({
      id: `m${i}`,
      communityId: 'c',
      skills: ['environment'],
      lng: 117.3,
      lat: 27.5,
    }));
    const openings = [
      { id: 'good', communityId: 'c', typeKey: 'environment', seats: 5, need: 1, lng: 117.3, lat: 27.5 },
      { id: 'far', communityId: 'c', typeKey: 'youth_care', seats: 1, need: 0, lng: 117.5, lat: 27.7 },
    ];
    const problem = { members, openings, weights: DEFAULT_ASSIGNMENT_WEIGHTS, nearest: 1 };
    const pairs = allPairs(problem);
    expect(initialColumns(problem, pairs).filter((e) => pairs.opening[e] === 1)).toHaveLength(2);
  });
});

describe('post assignment solver', () => {
  it('finds the brute-force optimum on small instances, within both rules, whatever pairs it starts from', () => {
    fc.assert(
      fc.property(arbProblem, fc.integer({ min: 0, max: 2 }), (problem, nearest) => {
        const result = solveAssignment(highs, { ...problem, nearest }, { addPerRound: 1 });
        const total = checkAssignment(problem, result.chosen);
        expect(total).toBeCloseTo(result.objective, 6);
        expect(result.objective).toBeCloseTo(bruteForce(problem), 6);
        expect(result.status).toBe('optimal');
        expect(result.gap).toBeLessThanOrEqual(1e-6);
        // The demo's greedy plan keeps both rules and never beats the optimum.
        expect(checkAssignment(problem, greedyAssignment(problem))).toBeLessThanOrEqual(result.objective + 1e-9);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('gives the skilled member the post when two compete for one seat', () => {
    const problem: AssignmentProblem = {
      members: [
        { id: 'plain', communityId: 'c', skills: [], lng: 117.33, lat: 27.54 },
        { id: 'skilled', communityId: 'c', skills: ['legal_service'], lng: 117.33, lat: 27.54 },
      ],
      openings: [{ id: 'o', communityId: 'c', typeKey: 'legal_service', seats: 1, need: 0, lng: 117.33, lat: 27.54 }],
      weights: DEFAULT_ASSIGNMENT_WEIGHTS,
    };
    const result = solveAssignment(highs, problem);
    expect(result.chosen.map((p) => problem.members[p.member].id)).toEqual(['skilled']);
  });

  it('answers an instance without candidates with an empty optimal plan', () => {
    const result = solveAssignment(highs, { members: [], openings: [], weights: DEFAULT_ASSIGNMENT_WEIGHTS });
    expect(result).toMatchObject({ chosen: [], objective: 0, gap: 0, status: 'optimal' });
  });
});
