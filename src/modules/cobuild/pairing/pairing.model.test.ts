import { describe, expect, it } from 'vitest';
import { greedyPairing, repairHeadcounts } from '../../../seed/cobuild-pairing.js';
import { compile, defaultBounds, evaluate, haversineKm, type PairingProblem, violations } from './pairing.model.js';
import { strengthsForCategory } from './pairing.strengths.js';
import { profileFromCases } from './pairing.world.js';

describe('pairing model pieces', () => {
  it('haversine: one degree of latitude is ~111 km', () => {
    expect(haversineKm({ lng: 117, lat: 27 }, { lng: 117, lat: 28 })).toBeCloseTo(111.2, 0);
  });

  it('default bounds from the averages: 83 units over 11 communities → 7–8, headcount ±30 %', () => {
    const units = Array.from({ length: 83 }, () => ({ headcount: 100 }));
    expect(defaultBounds(units, 11, 1)).toEqual({ minUnits: 7, maxUnits: 8, minMembers: 528, maxMembers: 981 });
    expect(defaultBounds(units, 11, 2)).toMatchObject({ minUnits: 15, maxUnits: 16 });
  });

  it('needs profile: case categories map to strength tags, a case split over its tags', () => {
    expect(strengthsForCategory('livelihood.elderly')).toEqual(['elderly_care']);
    expect(strengthsForCategory('environment.garbage')).toEqual(['environment']);
    expect(
      profileFromCases([
        { categoryCode: 'livelihood.elderly', n: 3 },
        { categoryCode: 'neighbour.noise', n: 4 },
      ]),
    ).toEqual({ elderly_care: 3, law: 2, social_work: 2 });
  });

  const problem: PairingProblem = {
    units: [
      { id: 'a', name: 'a', lng: 117, lat: 27.5, headcount: 10, strengths: ['law'] },
      { id: 'b', name: 'b', lng: 117.1, lat: 27.5, headcount: 30, strengths: ['health'] },
    ],
    communities: [
      { id: 'x', name: 'x', lng: 117, lat: 27.5, needs: { law: 3, health: 1 } },
      { id: 'y', name: 'y', lng: 117.1, lat: 27.5, needs: {} },
    ],
    k: 1,
    bounds: { minUnits: 1, maxUnits: 1, minMembers: 0, maxMembers: 25 },
    weights: { distance: 1, complement: 1, balance: 0 },
    pins: [{ unitId: 'a', communityId: 'x' }],
    forbids: [],
  };

  it('evaluate: per-principle terms of a given assignment', () => {
    const cp = compile(problem);
    const o = evaluate(cp, [
      [0, 0],
      [1, 1],
    ]);
    expect(o.distance.totalKm).toBe(0);
    // 'a' (law) meets 3/4 of x's needs; y has no profile, so nothing is unmet there.
    expect(o.complement.term).toBeCloseTo(0.125, 6);
    expect(o.complement.coverage).toBeCloseTo(0.875, 6);
    expect(o.total).toBeCloseTo(0.125, 6);
    expect(o.allocation).toEqual({ unitsPaired: 2, units: 2, pairs: 2 });
  });

  it('violations: every constraint a hand edit can break is listed', () => {
    const cp = compile(problem);
    const codes = violations(cp, [
      [1, 0],
      [1, 1],
    ])
      .map((v) => v.code)
      .sort();
    expect(codes).toEqual([
      'community_members_max',
      'community_members_max',
      'pin_missing',
      'unit_pairs',
      'unit_pairs',
    ]);
  });

  it('seed heuristic: every community ends with ⌊U/C⌋ or ⌈U/C⌉ units, pins kept, headcounts repaired into the band', () => {
    const U = 23;
    const C = 4;
    const head = Array.from({ length: U }, (_, u) => (u < 4 ? 200 : 20));
    const cost = (u: number, c: number) => Math.abs((u % C) - c) + (u < 4 && c === 0 ? -10 : 0);
    const a = greedyPairing(cost, U, C, new Map([[5, 3]]));
    const loads = (x: [number, number][]) => Array.from({ length: C }, (_, c) => x.filter(([, cc]) => cc === c).length);
    expect(loads(a).every((n) => n === 5 || n === 6)).toBe(true);
    expect(a).toContainEqual([5, 3]);
    repairHeadcounts({ assignment: a, headcount: head, C, min: 150, max: 350, cost, fixed: new Set([5]) });
    const members = Array.from({ length: C }, (_, c) =>
      a.filter(([, cc]) => cc === c).reduce((s, [u]) => s + head[u], 0),
    );
    expect(members.every((m) => m >= 150 && m <= 350)).toBe(true);
    expect(loads(a).every((n) => n === 5 || n === 6)).toBe(true);
  });
});
