import type { Highs, ModelData } from 'highs';
import { AppError } from '../../../../core/errors.js';
import { type AssignmentProblem, allPairs, type ChosenPair, initialColumns, type Pairs } from './assignment.model.js';

/**
 * The assignment over binaries x[e] for the pairs e = (member, opening) of a community:
 *   maximise Σ score[e]·x[e]  s.t.  Σ_{e∋m} x[e] ≤ 1 for each member,  Σ_{e∋o} x[e] ≤ seats[o] for each opening.
 * A bipartite b-matching: the constraint matrix is totally unimodular, so the LP relaxation has integral optimal
 * vertices and the simplex method returns one. An integral LP optimum is an optimum of the integer problem (the LP
 * is a relaxation): proven optimal, gap 0.
 *
 * Size: 1,762 members × 400 openings are 64,000 pairs within communities; HiGHS (WASM) takes seconds on that LP
 * whole. So the solve starts from each member's best few pairs and prices the rest in (column generation): with
 * the LP's row duals y, a left-out pair could improve the LP only if its reduced cost −score − y_m − y_o < 0; such
 * pairs are added (HiGHS keeps its basis, so each round is a warm start) until none is left, at which point the
 * duals are feasible for every pair and the restricted LP's optimum is the optimum over all of them.
 * Should a solution ever come back fractional (it cannot at a vertex, but a solver may stop inside a face), the
 * integer problem is solved as a MIP over the generated pairs and the gap is measured against the LP bound.
 * Rows are never ranged (a ranged row once aborted the WASM runtime, /work/shared/notes/highs.md).
 */
export interface AssignmentSolveOptions {
  timeLimitSec?: number;
  /** Most pairs priced in per round. */
  addPerRound?: number;
}

export interface AssignmentResult {
  chosen: ChosenPair[];
  method: 'lp' | 'mip';
  /** optimal: proven (an integral LP optimum, or a MIP within 1e-6); time_limit: the best found in time. */
  status: 'optimal' | 'time_limit';
  /** Σ score of the chosen pairs. */
  objective: number;
  /** An upper bound on any assignment's worth (the LP optimum over all pairs). */
  bound: number;
  gap: number;
  /** Every pair within communities, and the pairs the model held at the end. */
  pairs: number;
  columns: number;
  rounds: number;
  ms: number;
}

const EPS = 1e-9;

function columnData(highs: Highs, problem: AssignmentProblem, pairs: Pairs, cols: readonly number[]) {
  const M = problem.members.length;
  const n = cols.length;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(2 * n);
  const cost = new Float64Array(n);
  cols.forEach((e, i) => {
    starts[i] = 2 * i;
    indices[2 * i] = pairs.member[e];
    indices[2 * i + 1] = M + pairs.opening[e];
    cost[i] = -pairs.score[e]; // HiGHS minimises
  });
  starts[n] = 2 * n;
  void highs;
  return {
    cost,
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(1),
    matrix: {
      format: 'csc' as const,
      numRows: M + problem.openings.length,
      numCols: n,
      starts,
      indices,
      values: new Float64Array(2 * n).fill(1),
    },
  };
}

export function buildAssignmentModel(
  highs: Highs,
  problem: AssignmentProblem,
  pairs: Pairs,
  cols: readonly number[],
): ModelData {
  const M = problem.members.length;
  const rows = M + problem.openings.length;
  const rowUpper = new Float64Array(rows);
  rowUpper.fill(1, 0, M);
  problem.openings.forEach((o, i) => {
    rowUpper[M + i] = Math.max(0, o.seats);
  });
  const c = columnData(highs, problem, pairs, cols);
  return {
    numCols: cols.length,
    numRows: rows,
    colCost: c.cost,
    colLower: c.lower,
    colUpper: c.upper,
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper,
    matrix: c.matrix,
  };
}

/** Pairs left out whose reduced cost is negative, most negative first. */
function priceOut(pairs: Pairs, inModel: Uint8Array, rowDual: Float64Array, M: number, limit: number): number[] {
  const found: [number, number][] = [];
  for (let e = 0; e < pairs.score.length; e++) {
    if (inModel[e]) continue;
    const reduced = -pairs.score[e] - rowDual[pairs.member[e]] - rowDual[M + pairs.opening[e]];
    if (reduced < -EPS) found.push([e, reduced]);
  }
  return found
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([e]) => e);
}

type Model = ReturnType<Highs['createModel']>;

function runOrFail(highs: Highs, model: Model): 'optimal' | 'time_limit' {
  model.run();
  const status = model.getModelStatus();
  const s = highs.constants.modelStatus;
  if (status === s.optimal) return 'optimal';
  if (status === s.timeLimit && Number(model.info.get('primal_solution_status')) === 2) return 'time_limit';
  throw new AppError('POST_SOLVER_FAILED', { reason: `HiGHS model status ${status}` });
}

function chosenOf(pairs: Pairs, cols: readonly number[], colValue: ArrayLike<number>): ChosenPair[] {
  const out: ChosenPair[] = [];
  cols.forEach((e, i) => {
    if (colValue[i] > 0.5)
      out.push({
        member: pairs.member[e],
        opening: pairs.opening[e],
        score: pairs.score[e],
        distanceKm: pairs.distanceKm[e],
      });
  });
  return out;
}

const isIntegral = (v: ArrayLike<number>) => Array.prototype.every.call(v, (x: number) => x < 1e-6 || x > 1 - 1e-6);

export function solveAssignment(
  highs: Highs,
  problem: AssignmentProblem,
  opts: AssignmentSolveOptions = {},
): AssignmentResult {
  const started = performance.now();
  const deadline = started + (opts.timeLimitSec ?? 20) * 1000;
  const pairs = allPairs(problem);
  const cols = pairs.score.length ? initialColumns(problem, pairs) : [];
  const base = { pairs: pairs.score.length, columns: cols.length };
  if (!cols.length)
    return { chosen: [], method: 'lp', status: 'optimal', objective: 0, bound: 0, gap: 0, ...base, rounds: 0, ms: 0 };
  const inModel = new Uint8Array(pairs.score.length);
  for (const e of cols) inModel[e] = 1;
  const model = highs.createModel(buildAssignmentModel(highs, problem, pairs, cols));
  try {
    const timeLeft = () => Math.max(0.5, (deadline - performance.now()) / 1000);
    model.options.set({ output_flag: false, solver: 'simplex', time_limit: timeLeft() });
    let status = runOrFail(highs, model);
    let rounds = 1;
    const M = problem.members.length;
    for (; status === 'optimal'; rounds++) {
      const add = priceOut(pairs, inModel, Float64Array.from(model.getSolution().rowDual), M, opts.addPerRound ?? 3000);
      if (!add.length) break;
      for (const e of add) inModel[e] = 1;
      model.addCols(columnData(highs, problem, pairs, add));
      cols.push(...add);
      model.options.set({ time_limit: timeLeft() });
      status = runOrFail(highs, model);
    }
    const bound = -model.getObjectiveValue();
    const colValue = model.getSolution().colValue;
    const finish = (chosen: ChosenPair[], method: 'lp' | 'mip', st: 'optimal' | 'time_limit') => {
      const objective = chosen.reduce((s, p) => s + p.score, 0);
      const gap = Math.max(0, (bound - objective) / Math.max(Math.abs(bound), 1e-9));
      return {
        chosen,
        method,
        status: st,
        objective,
        bound,
        gap,
        pairs: base.pairs,
        columns: cols.length,
        rounds,
        ms: performance.now() - started,
      };
    };
    if (isIntegral(colValue)) return finish(chosenOf(pairs, cols, colValue), 'lp', status);
    model.changeColsIntegrality(
      { kind: 'range', from: 0, to: cols.length - 1 },
      new Int32Array(cols.length).fill(1) as Int32Array,
    );
    model.options.set({ solver: 'choose', time_limit: timeLeft(), mip_rel_gap: 1e-6 });
    const mipStatus = runOrFail(highs, model);
    return finish(chosenOf(pairs, cols, model.getSolution().colValue), 'mip', mipStatus);
  } finally {
    model.dispose();
  }
}
