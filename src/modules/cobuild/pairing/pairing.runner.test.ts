import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../seed/rng.js';
import { defaultBounds, type PairingProblem } from './pairing.model.js';
import { solveInWorker, stopSolver } from './pairing.runner.js';

afterAll(async () => {
  await stopSolver();
});

function instance(U: number, C: number): PairingProblem {
  const rng = createRng(42);
  const tags = ['law', 'health', 'construction', 'education'];
  const units = Array.from({ length: U }, (_, i) => ({
    id: `u${i}`,
    name: `u${i}`,
    lng: rng.float(117.2, 117.5),
    lat: rng.float(27.4, 27.7),
    headcount: rng.int(10, 300),
    strengths: [rng.pick(tags)],
  }));
  const communities = Array.from({ length: C }, (_, i) => ({
    id: `c${i}`,
    name: `c${i}`,
    lng: rng.float(117.2, 117.5),
    lat: rng.float(27.4, 27.7),
    needs: { law: rng.int(0, 9), health: rng.int(0, 9) },
  }));
  // A balance weight makes the MIP hard on purpose, so the solve lasts until the time limit.
  return {
    units,
    communities,
    k: 1,
    bounds: defaultBounds(units, C, 1),
    weights: { distance: 0.5, complement: 0.5, balance: 0.5 },
    pins: [],
    forbids: [],
  };
}

describe('the solver runs off the event loop', () => {
  it('timers keep firing on the main thread while the worker solves', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 10);
    const started = performance.now();
    // On a loaded machine HiGHS may reach its time limit without a feasible point (PAIRING_INFEASIBLE): the timers
    // must have fired all the same, which is what this test is about.
    const result = await solveInWorker(instance(300, 30), { timeLimitSec: 1.5 }).catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    );
    const elapsed = performance.now() - started;
    clearInterval(timer);
    if (!(result instanceof Error)) expect(result.assignment).toHaveLength(300);
    else expect(result).toMatchObject({ code: 'PAIRING_INFEASIBLE' });
    expect(elapsed).toBeGreaterThan(300);
    // A blocked loop would have fired the timer at most once or twice.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  }, 30_000);

  it('an error in the worker comes back as the AppError it was', async () => {
    const p = instance(10, 2);
    await expect(
      solveInWorker({
        ...p,
        bounds: { ...p.bounds, minUnits: 5, maxUnits: 5, minMembers: 0, maxMembers: 100_000 },
        pins: [
          { unitId: 'u0', communityId: 'c0' },
          { unitId: 'u1', communityId: 'c0' },
          { unitId: 'u2', communityId: 'c0' },
          { unitId: 'u3', communityId: 'c0' },
          { unitId: 'u4', communityId: 'c0' },
          { unitId: 'u5', communityId: 'c0' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'PAIRING_INFEASIBLE' });
  }, 30_000);
});
