import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { assertFeasibleBounds } from './pairing.feasibility.js';
import { type Assignment, compile, defaultBounds, evaluate, type PairingProblem, violations } from './pairing.model.js';
import { solvePairing } from './pairing.solver.js';

let highs: Highs;
beforeAll(async () => {
  const mod = await import('highs');
  highs = await (mod.default as unknown as () => Promise<Highs>)();
});

const TAGS = ['law', 'health', 'construction', 'education'] as const;

/** Checks, then solves; an AppError (a named constraint that cannot be met) is returned instead of thrown. */
function attempt(problem: PairingProblem): { assignment: Assignment; objective: number } | AppError {
  const cp = compile(problem);
  try {
    assertFeasibleBounds(cp);
    const r = solvePairing(highs, cp, { timeLimitSec: 10 });
    return { assignment: r.assignment, objective: r.objective };
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

/** Every k-subset assignment, by brute force (tiny instances only). */
function bruteForce(problem: PairingProblem): number | null {
  const cp = compile(problem);
  const { U, C } = cp;
  let best: number | null = null;
  const choice: number[] = new Array<number>(U).fill(0);
  const total = C ** U;
  for (let code = 0; code < total; code++) {
    let x = code;
    for (let u = 0; u < U; u++) {
      choice[u] = x % C;
      x = Math.floor(x / C);
    }
    const assignment = choice.map((c, u) => [u, c] as const);
    if (violations(cp, assignment).length) continue;
    const value = evaluate(cp, assignment).total;
    if (best === null || value < best) best = value;
  }
  return best;
}

const arbProblem = (maxUnits: number, maxCommunities: number, k: 1 | 2) =>
  fc
    .record({
      units: fc.array(
        fc.record({
          lng: fc.double({ min: 117.2, max: 117.5, noNaN: true }),
          lat: fc.double({ min: 27.4, max: 27.7, noNaN: true }),
          headcount: fc.integer({ min: 5, max: 300 }),
          strengths: fc.subarray([...TAGS], { maxLength: 2 }),
        }),
        { minLength: 2, maxLength: maxUnits },
      ),
      communities: fc.array(
        fc.record({
          lng: fc.double({ min: 117.2, max: 117.5, noNaN: true }),
          lat: fc.double({ min: 27.4, max: 27.7, noNaN: true }),
          needs: fc.record({ law: fc.nat(10), health: fc.nat(10), construction: fc.nat(10), education: fc.nat(10) }),
        }),
        { minLength: k, maxLength: maxCommunities },
      ),
      weights: fc.record({
        distance: fc.double({ min: 0, max: 1, noNaN: true }),
        complement: fc.double({ min: 0, max: 1, noNaN: true }),
        balance: fc.constantFrom(0, 0.3),
      }),
      slack: fc.integer({ min: 0, max: 1 }),
      pinSeed: fc.nat(1000),
      forbidSeed: fc.nat(1000),
    })
    .map((r): PairingProblem => {
      const units = r.units.map((u, i) => ({ ...u, id: `u${i}`, name: `单位${i}` }));
      const communities = r.communities.map((c, i) => ({ ...c, id: `c${i}`, name: `社区${i}` }));
      const b = defaultBounds(units, communities.length, k);
      const bounds = {
        ...b,
        minUnits: Math.max(0, b.minUnits - r.slack),
        maxUnits: b.maxUnits + r.slack,
        minMembers: Math.floor(b.minMembers * 0.5),
        maxMembers: Math.ceil(b.maxMembers * 1.5),
      };
      const pins = [{ unitId: `u${r.pinSeed % units.length}`, communityId: `c${r.pinSeed % communities.length}` }];
      const forbids = [
        { unitId: `u${r.forbidSeed % units.length}`, communityId: `c${(r.forbidSeed + 1) % communities.length}` },
      ];
      return {
        units,
        communities,
        k,
        bounds,
        weights: r.weights,
        pins,
        forbids: forbids.filter((f) => !pins.some((p) => p.unitId === f.unitId && p.communityId === f.communityId)),
      };
    });

describe('pairing optimiser: every solution satisfies every constraint (property)', () => {
  it('k = 1 and k = 2 on random instances: k per unit, unit and headcount bounds, pins, forbids', () => {
    for (const k of [1, 2] as const) {
      let solved = 0;
      fc.assert(
        fc.property(arbProblem(12, 5, k), (problem) => {
          const out = attempt(problem);
          if (out instanceof AppError) {
            expect(out.code).toMatch(/^PAIRING_/);
            return;
          }
          const cp = compile(problem);
          expect(violations(cp, out.assignment)).toEqual([]);
          expect(out.assignment.length).toBe(problem.units.length * k);
          solved++;
        }),
        { numRuns: 30, seed: 20_260 + k },
      );
      // The generator must mostly produce feasible instances, or the property says little.
      expect(solved).toBeGreaterThan(15);
    }
  }, 60_000);

  it('on tiny instances the solver finds the brute-force optimum, and is infeasible exactly when brute force finds nothing', () => {
    fc.assert(
      fc.property(arbProblem(6, 3, 1), (problem) => {
        const best = bruteForce(problem);
        const out = attempt(problem);
        if (best === null) {
          expect(out).toBeInstanceOf(AppError);
          return;
        }
        expect(out).not.toBeInstanceOf(AppError);
        if (!(out instanceof AppError)) expect(evaluate(compile(problem), out.assignment).total).toBeCloseTo(best, 5);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 60_000);
});

const at = (lng: number) => ({ lng, lat: 27.5 });
const small = (over: Partial<PairingProblem> = {}): PairingProblem => ({
  units: [
    { id: 'a', name: '甲单位', ...at(117.0), headcount: 10, strengths: ['law'] },
    { id: 'b', name: '乙单位', ...at(117.1), headcount: 10, strengths: ['health'] },
    { id: 'c', name: '丙单位', ...at(117.03), headcount: 100, strengths: ['health'] },
  ],
  communities: [
    { id: 'x', name: '东社区', ...at(117.0), needs: { law: 1 } },
    { id: 'y', name: '西社区', ...at(117.1), needs: { health: 1 } },
  ],
  k: 1,
  bounds: { minUnits: 1, maxUnits: 2, minMembers: 0, maxMembers: 1000 },
  weights: { distance: 1, complement: 0, balance: 0 },
  pins: [],
  forbids: [],
  ...over,
});
const names = (problem: PairingProblem, a: Assignment) =>
  a.map(([u, c]) => `${problem.units[u].id}${problem.communities[c].id}`).sort();

describe('a known small instance', () => {
  it('by distance alone: 甲 and 丙 to 东, 乙 to 西, with the expected objective', () => {
    const p = small();
    const out = attempt(p);
    if (out instanceof AppError) throw out;
    expect(names(p, out.assignment)).toEqual(['ax', 'by', 'cx']);
    const cp = compile(p);
    expect(out.objective).toBeCloseTo(cp.distKm[2 * 2 + 0] / cp.distScale / 3, 9);
  });

  it('by needs alone: 丙 (health) goes to 西 whose need is health', () => {
    const p = small({ weights: { distance: 0, complement: 1, balance: 0 } });
    const out = attempt(p);
    if (out instanceof AppError) throw out;
    expect(names(p, out.assignment)).toEqual(['ax', 'by', 'cy']);
    expect(out.objective).toBeCloseTo(0, 9);
  });

  it('a pin overrides the objective', () => {
    const p = small({ pins: [{ unitId: 'c', communityId: 'y' }] });
    const out = attempt(p);
    if (out instanceof AppError) throw out;
    expect(names(p, out.assignment)).toContain('cy');
  });
});

describe('infeasibility is explained', () => {
  const codeOf = (p: PairingProblem) => {
    const out = attempt(p);
    return out instanceof AppError ? { code: out.code, params: out.params } : null;
  };

  it('names the bound whose totals cannot be met', () => {
    expect(codeOf(small({ bounds: { minUnits: 2, maxUnits: 3, minMembers: 0, maxMembers: 1000 } }))).toMatchObject({
      code: 'PAIRING_MIN_UNITS_TOO_HIGH',
      params: { total: 4, pairs: 3 },
    });
    expect(codeOf(small({ bounds: { minUnits: 0, maxUnits: 1, minMembers: 0, maxMembers: 1000 } }))).toMatchObject({
      code: 'PAIRING_MAX_UNITS_TOO_LOW',
      params: { total: 2, pairs: 3 },
    });
    expect(codeOf(small({ bounds: { minUnits: 1, maxUnits: 2, minMembers: 70, maxMembers: 1000 } }))).toMatchObject({
      code: 'PAIRING_MIN_MEMBERS_TOO_HIGH',
      params: { total: 140, available: 120 },
    });
  });

  it('names the unit or community that pins and forbids overload', () => {
    expect(
      codeOf(
        small({
          pins: [
            { unitId: 'a', communityId: 'x' },
            { unitId: 'a', communityId: 'y' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'PAIRING_UNIT_OVERPINNED', params: { unit: '甲单位', pinned: 2, k: 1 } });
    expect(
      codeOf(small({ pins: [{ unitId: 'a', communityId: 'x' }], forbids: [{ unitId: 'a', communityId: 'x' }] })),
    ).toMatchObject({ code: 'PAIRING_PIN_FORBIDDEN', params: { unit: '甲单位', community: '东社区' } });
    expect(
      codeOf(
        small({
          forbids: [
            { unitId: 'a', communityId: 'x' },
            { unitId: 'a', communityId: 'y' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'PAIRING_K_TOO_HIGH', params: { unit: '甲单位', available: 0 } });
    expect(
      codeOf(
        small({
          pins: [
            { unitId: 'a', communityId: 'x' },
            { unitId: 'b', communityId: 'x' },
            { unitId: 'c', communityId: 'x' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'PAIRING_COMMUNITY_PINS_OVER_MAX', params: { community: '东社区', pinned: 3, max: 2 } });
    expect(
      codeOf(
        small({
          pins: [
            { unitId: 'a', communityId: 'x' },
            { unitId: 'b', communityId: 'x' },
          ],
          forbids: [{ unitId: 'c', communityId: 'y' }],
        }),
      ),
    ).toMatchObject({ code: 'PAIRING_COMMUNITY_UNDERSUPPLIED', params: { community: '西社区', available: 0, min: 1 } });
  });

  it('when only the solver can tell, it relaxes constraint families and names the one at fault', () => {
    // The totals pass (120 staff; bands of 55–65), but no split of {10, 10, 100} puts 55–65 on both sides.
    expect(codeOf(small({ bounds: { minUnits: 1, maxUnits: 2, minMembers: 55, maxMembers: 65 } }))).toMatchObject({
      code: 'PAIRING_INFEASIBLE',
      params: { constraint: 'pairing_member_counts' },
    });
    const solveOnly = (p: PairingProblem) => {
      try {
        solvePairing(highs, compile(p));
        return null;
      } catch (e) {
        return e instanceof AppError ? { code: e.code, params: e.params } : e;
      }
    };
    // Only 丙 alone and 甲+乙 fit 15–115; pinning 甲 and 丙 together leaves 乙 short: the pins are at fault.
    expect(
      solveOnly(
        small({
          bounds: { minUnits: 1, maxUnits: 2, minMembers: 15, maxMembers: 115 },
          pins: [
            { unitId: 'a', communityId: 'x' },
            { unitId: 'c', communityId: 'x' },
          ],
        }),
      ),
    ).toEqual({ code: 'PAIRING_INFEASIBLE', params: { constraint: 'pairing_pins' } });
    expect(solveOnly(small({ bounds: { minUnits: 2, maxUnits: 2, minMembers: 0, maxMembers: 1000 } }))).toEqual({
      code: 'PAIRING_INFEASIBLE',
      params: { constraint: 'pairing_unit_counts' },
    });
  });
});
