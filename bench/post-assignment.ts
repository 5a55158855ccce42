/**
 * The post assignment optimiser (设岗定责). Run: node --import tsx bench/post-assignment.ts [--runs=11] [--nearest=0]
 *   The county's scale, generated in memory: 1,762 in-service members reporting at 11 communities (in proportion to
 *   uneven community sizes), 400 openings of the eight types over each community's grids with 1–3 seats (~800
 *   seats), skills 0–3 types a member, needs 0…1. One run = candidate pairs + model build + HiGHS solve; the median
 *   and worst of `runs` on one loaded HiGHS, then the same through the solver thread the server uses (round trip,
 *   i.e. posting the problem and getting the plan back). Prints solve time, status, gap against HiGHS' dual bound.
 *   --nearest=K starts each member with its K best pairs (the server's 3) before pricing the rest in.
 *   A second instance pairs every member with every opening (704,800 pairs, no community boundary) as a stress
 *   test of the model's size.
 */
import type { Highs } from 'highs';
import { DEFAULT_POST_TYPE_KEYS } from '../src/modules/members/posts/posts.enums.js';
import {
  type AssignmentProblem,
  checkAssignment,
  DEFAULT_ASSIGNMENT_WEIGHTS,
} from '../src/modules/members/posts/assignment/assignment.model.js';
import { solveAssignment } from '../src/modules/members/posts/assignment/assignment.solver.js';
import { assignmentThread } from '../src/modules/members/posts/assignment/assignment.runner.js';
import { createRng } from '../src/seed/rng.js';
import { median } from './util.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 11);
const nearest = Number(process.argv.find((a) => a.startsWith('--nearest='))?.slice(10) ?? 3);

function countyProblem(seed: number, oneCommunity = false): AssignmentProblem {
  const rng = createRng(seed);
  const C = 11;
  const centres = Array.from({ length: C }, () => [rng.float(117.3, 117.4), rng.float(27.5, 27.6)] as const);
  const sizes = centres.map(() => rng.float(0.5, 1.5));
  const total = sizes.reduce((a, b) => a + b, 0);
  const near = (c: number, spread: number) => ({
    lng: centres[c][0] + rng.float(-spread, spread),
    lat: centres[c][1] + rng.float(-spread, spread),
  });
  const community = () => {
    let x = rng.float(0, total);
    for (let c = 0; c < C; c++) if ((x -= sizes[c]) <= 0) return c;
    return C - 1;
  };
  const members = Array.from({ length: 1762 }, (_, i) => {
    const c = community();
    const skills = DEFAULT_POST_TYPE_KEYS.filter(() => rng.float(0, 1) < 0.15);
    return { id: `m${i}`, communityId: oneCommunity ? 'all' : `c${c}`, skills, ...near(c, 0.01) };
  });
  const openings = Array.from({ length: 400 }, (_, i) => {
    const c = community();
    return {
      id: `o${i}`,
      communityId: oneCommunity ? 'all' : `c${c}`,
      typeKey: rng.pick(DEFAULT_POST_TYPE_KEYS),
      seats: 1 + Math.floor(rng.float(0, 3)),
      need: rng.float(0, 1),
      ...near(c, 0.008),
    };
  });
  return { members, openings, weights: DEFAULT_ASSIGNMENT_WEIGHTS, nearest };
}

async function loadHighs(): Promise<Highs> {
  const mod = await import('highs');
  return (mod.default as unknown as () => Promise<Highs>)();
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main(): Promise<void> {
  const highs = await loadHighs();
  for (const [label, oneCommunity] of [
    ['county: 1,762 members × 400 openings, 11 communities', false],
    ['stress: every member × every opening (no community boundary)', true],
  ] as const) {
    const problem = countyProblem(2027, oneCommunity);
    const seats = problem.openings.reduce((s, o) => s + o.seats, 0);
    const times: number[] = [];
    let last = solveAssignment(highs, problem);
    for (let i = 0; i < runs; i++) {
      last = solveAssignment(highs, problem);
      times.push(last.ms);
    }
    checkAssignment(problem, last.chosen);
    console.log(
      `${label}; ${seats} seats; ${last.pairs} pairs, ${last.columns} in the model after ${last.rounds} rounds`,
    );
    console.log(
      `  in process: median ${ms(median(times))}, worst ${ms(Math.max(...times))}; ${last.method} ${last.status}, ` +
        `gap ${(last.gap * 100).toFixed(4)} %, objective ${last.objective.toFixed(2)} ≤ bound ${last.bound.toFixed(2)}, ` +
        `${last.chosen.length} seats filled`,
    );
    const thread = assignmentThread();
    await thread.run(problem);
    const trips: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await thread.run(problem);
      trips.push(performance.now() - t);
    }
    console.log(`  solver thread round trip: median ${ms(median(trips))}, worst ${ms(Math.max(...trips))}`);
  }
  await assignmentThread().stop();
}

await main();
