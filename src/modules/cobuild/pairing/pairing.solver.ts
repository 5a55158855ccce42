import type { Highs, ModelData } from 'highs';
import { AppError } from '../../../core/errors.js';
import { balanceScale, type Compiled, headcountTarget, pairCost } from './pairing.model.js';

/**
 * The MILP over binaries x[u,c] (see docs/COBUILD-PAIRING.md). Small instances are one MIP solved to proven
 * optimality. Large ones (more candidate pairs than `directLimit`) keep each unit's nearest communities, solve the LP
 * relaxation, fix the pairs the LP already takes whole and solve the small MIP that remains; the gap is measured
 * against the LP bound. Rows are never ranged: every band is two rows (a ranged LP row once aborted the runtime).
 */
export type Family = 'pins' | 'unit_counts' | 'member_counts';
export interface SolveOptions {
  timeLimitSec?: number;
  mipRelGap?: number;
  /** Up to this many candidate pairs the MIP is solved directly. */
  directLimit?: number;
  /** Candidate communities per unit when pruning (large instances). */
  nearest?: number;
}
export interface SolveResult {
  assignment: [number, number][];
  method: 'mip' | 'lp-fix-mip';
  /** optimal: proven within mipRelGap; within_gap: pruned, within 1 % of the LP bound; time_limit: best found in time. */
  status: 'optimal' | 'within_gap' | 'time_limit';
  objective: number;
  /** A lower bound on the optimum (the MIP dual bound, or the LP relaxation when pruning). */
  bound: number;
  gap: number;
  candidates: number;
  fixedByLp: number;
  ms: number;
}

interface Candidates {
  pairs: Int32Array;
}
const ROWS_PER_COMMUNITY = 6;

/**
 * Candidate pairs: all of them, or each unit's `nearest` closest communities plus, so that no community is starved
 * (a remote one may be nobody's nearest), each community's 2·maxUnits closest units; pins and forbids always.
 */
export function candidatePairs(cp: Compiled, nearest: number): Candidates {
  const keep = new Uint8Array(cp.U * cp.C);
  if (!nearest || nearest >= cp.C) keep.fill(1);
  else {
    const communities = Array.from({ length: cp.C }, (_, c) => c);
    for (let u = 0; u < cp.U; u++) {
      const base = u * cp.C;
      communities.sort((a, b) => cp.distKm[base + a] - cp.distKm[base + b]);
      let taken = 0;
      for (const c of communities) {
        if (taken >= nearest) break;
        if (!cp.forbidden[base + c]) {
          keep[base + c] = 1;
          taken++;
        }
      }
    }
    const perCommunity = Math.min(cp.U, 2 * cp.problem.bounds.maxUnits);
    const units = Array.from({ length: cp.U }, (_, u) => u);
    for (let c = 0; c < cp.C; c++) {
      units.sort((a, b) => cp.distKm[a * cp.C + c] - cp.distKm[b * cp.C + c]);
      for (let i = 0; i < perCommunity; i++) keep[units[i] * cp.C + c] = 1;
    }
  }
  const out: number[] = [];
  for (let j = 0; j < keep.length; j++) if (keep[j] || cp.pinned[j] || cp.forbidden[j]) out.push(j);
  return { pairs: Int32Array.from(out) };
}

interface BuildOptions {
  relax?: ReadonlySet<Family>;
  integer: boolean;
  fixed?: Uint8Array;
  feasibilityOnly?: boolean;
}

function rowBounds(
  cp: Compiled,
  relax: ReadonlySet<Family>,
  inf: number,
): { lower: Float64Array; upper: Float64Array } {
  const { k, bounds } = cp.problem;
  const n = cp.U + cp.C * ROWS_PER_COMMUNITY;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  lower.fill(k, 0, cp.U);
  upper.fill(k, 0, cp.U);
  const target = headcountTarget(cp);
  const counts = relax.has('unit_counts');
  const members = relax.has('member_counts');
  for (let c = 0; c < cp.C; c++) {
    const r = cp.U + c * ROWS_PER_COMMUNITY;
    const rows: [number, number][] = [
      [counts ? -inf : bounds.minUnits, inf],
      [-inf, counts ? inf : bounds.maxUnits],
      [members ? -inf : bounds.minMembers, inf],
      [-inf, members ? inf : bounds.maxMembers],
      [-inf, target],
      [target, inf],
    ];
    rows.forEach(([lo, hi], i) => {
      lower[r + i] = lo;
      upper[r + i] = hi;
    });
  }
  return { lower, upper };
}

/** Column-wise model: the candidate x's, then one headcount-deviation slack per community. */
export function buildModel(highs: Highs, cp: Compiled, cand: Candidates, opts: BuildOptions): ModelData {
  const relax = opts.relax ?? new Set<Family>();
  const inf = highs.infinity;
  const nx = cand.pairs.length;
  const numCols = nx + cp.C;
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(nx * 7 + cp.C * 2);
  const values = new Float64Array(indices.length);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  let k = 0;
  for (let i = 0; i < nx; i++) {
    const j = cand.pairs[i];
    const u = Math.floor(j / cp.C);
    const r = cp.U + (j % cp.C) * ROWS_PER_COMMUNITY;
    starts[i] = k;
    const h = cp.headcount[u];
    for (const [row, v] of [
      [u, 1],
      [r, 1],
      [r + 1, 1],
      [r + 2, h],
      [r + 3, h],
      [r + 4, h],
      [r + 5, h],
    ] as const) {
      indices[k] = row;
      values[k++] = v;
    }
    colCost[i] = opts.feasibilityOnly ? 0 : pairCost(cp, j);
    if (cp.pinned[j] && !relax.has('pins')) colLower[i] = 1;
    if (cp.forbidden[j] && !relax.has('pins')) colUpper[i] = 0;
    if (opts.fixed?.[i]) colLower[i] = 1;
  }
  const slackCost = opts.feasibilityOnly ? 0 : cp.problem.weights.balance / balanceScale(cp);
  for (let c = 0; c < cp.C; c++) {
    const r = cp.U + c * ROWS_PER_COMMUNITY;
    starts[nx + c] = k;
    indices[k] = r + 4;
    values[k++] = -1;
    indices[k] = r + 5;
    values[k++] = 1;
    colCost[nx + c] = slackCost;
    colUpper[nx + c] = inf;
  }
  starts[numCols] = k;
  const rows = rowBounds(cp, relax, inf);
  const integrality = new Int32Array(numCols);
  if (opts.integer) integrality.fill(1, 0, nx);
  return {
    numCols,
    numRows: rows.lower.length,
    colCost,
    colLower,
    colUpper,
    rowLower: rows.lower,
    rowUpper: rows.upper,
    matrix: { format: 'csc', numRows: rows.lower.length, numCols, starts, indices, values },
    integrality,
  };
}

interface RunOutcome {
  feasible: boolean;
  optimal: boolean;
  colValue: Float64Array;
  objective: number;
  bound: number;
}

function run(highs: Highs, data: ModelData, options: Record<string, number | boolean | string>): RunOutcome {
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, ...options });
    model.run();
    const status = model.getModelStatus();
    const s = highs.constants.modelStatus;
    const hasSolution =
      status === s.optimal || (status === s.timeLimit && Number(model.info.get('primal_solution_status')) === 2);
    if (!hasSolution) {
      if (status === s.infeasible || status === s.timeLimit || status === s.unboundedOrInfeasible)
        return { feasible: false, optimal: false, colValue: new Float64Array(), objective: NaN, bound: NaN };
      throw new AppError('PAIRING_SOLVER_FAILED', { reason: `HiGHS model status ${status}` });
    }
    const objective = model.getObjectiveValue();
    let bound = objective;
    if (data.integrality && data.integrality.length) {
      const b = Number(model.info.get('mip_dual_bound'));
      if (Number.isFinite(b)) bound = b;
    }
    return {
      feasible: true,
      optimal: status === s.optimal,
      colValue: Float64Array.from(model.getSolution().colValue),
      objective,
      bound,
    };
  } finally {
    model.dispose();
  }
}

function toAssignment(cp: Compiled, cand: Candidates, colValue: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < cand.pairs.length; i++) {
    if (colValue[i] > 0.5) out.push([Math.floor(cand.pairs[i] / cp.C), cand.pairs[i] % cp.C]);
  }
  return out;
}

const gapOf = (objective: number, bound: number) => Math.max(0, (objective - bound) / Math.max(Math.abs(bound), 1e-9));

/**
 * When no solution exists, find the constraint family whose relaxation alone restores feasibility and say so;
 * if none does on its own, the families conflict together.
 */
export function diagnose(highs: Highs, cp: Compiled, cand: Candidates, integer: boolean, timeLimitSec: number): never {
  const families: Family[] = ['pins', 'unit_counts', 'member_counts'];
  const nouns: Record<Family, string> = {
    pins: 'pairing_pins',
    unit_counts: 'pairing_unit_counts',
    member_counts: 'pairing_member_counts',
  };
  for (const family of families) {
    const data = buildModel(highs, cp, cand, { integer, relax: new Set([family]), feasibilityOnly: true });
    if (run(highs, data, { time_limit: timeLimitSec }).feasible)
      throw new AppError('PAIRING_INFEASIBLE', { constraint: nouns[family] });
  }
  throw new AppError('PAIRING_INFEASIBLE', { constraint: 'pairing_combined' });
}

export function solvePairing(highs: Highs, cp: Compiled, opts: SolveOptions = {}): SolveResult {
  const started = performance.now();
  const timeLimit = opts.timeLimitSec ?? 20;
  const mipRelGap = opts.mipRelGap ?? 1e-6;
  const directLimit = opts.directLimit ?? 20_000;
  const full = cp.U * cp.C <= directLimit;
  if (full) {
    const cand = candidatePairs(cp, 0);
    const out = run(highs, buildModel(highs, cp, cand, { integer: true }), {
      time_limit: timeLimit,
      mip_rel_gap: mipRelGap,
    });
    if (!out.feasible) diagnose(highs, cp, cand, true, Math.min(5, timeLimit));
    return {
      assignment: toAssignment(cp, cand, out.colValue),
      method: 'mip',
      status: out.optimal ? 'optimal' : 'time_limit',
      objective: out.objective,
      bound: out.bound,
      gap: gapOf(out.objective, out.bound),
      candidates: cand.pairs.length,
      fixedByLp: 0,
      ms: performance.now() - started,
    };
  }
  // Pruning can cut off every feasible pairing: widen it before blaming the settings (diagnosed on the full model).
  for (let nearest = cp.problem.nearest || opts.nearest || 20; ; nearest *= 2) {
    const pruned = nearest >= cp.C ? candidatePairs(cp, 0) : candidatePairs(cp, nearest);
    const lp = run(highs, buildModel(highs, cp, pruned, { integer: false }), { time_limit: timeLimit });
    if (lp.feasible) return solveLarge(highs, cp, pruned, lp, { timeLimit, mipRelGap, started });
    if (nearest >= cp.C) diagnose(highs, cp, pruned, false, timeLimit);
  }
}

function solveLarge(
  highs: Highs,
  cp: Compiled,
  cand: Candidates,
  lp: RunOutcome,
  o: { timeLimit: number; mipRelGap: number; started: number },
): SolveResult {
  const fixed = new Uint8Array(cand.pairs.length);
  let fixedCount = 0;
  for (let i = 0; i < cand.pairs.length; i++)
    if (lp.colValue[i] > 1 - 1e-6) {
      fixed[i] = 1;
      fixedCount++;
    }
  const remaining = Math.max(1, o.timeLimit - (performance.now() - o.started) / 1000);
  let mip = run(highs, buildModel(highs, cp, cand, { integer: true, fixed }), {
    time_limit: remaining,
    mip_rel_gap: 1e-3,
  });
  if (!mip.feasible) {
    // Fixing what the LP took whole can (rarely) leave the rest infeasible: solve the pruned MIP without fixing.
    fixedCount = 0;
    mip = run(highs, buildModel(highs, cp, cand, { integer: true }), {
      time_limit: remaining,
      mip_rel_gap: o.mipRelGap,
    });
    if (!mip.feasible) diagnose(highs, cp, cand, false, o.timeLimit);
  }
  const gap = gapOf(mip.objective, lp.objective);
  return {
    assignment: toAssignment(cp, cand, mip.colValue),
    method: 'lp-fix-mip',
    status: gap <= 0.01 ? 'within_gap' : 'time_limit',
    objective: mip.objective,
    bound: lp.objective,
    gap,
    candidates: cand.pairs.length,
    fixedByLp: fixedCount,
    ms: performance.now() - o.started,
  };
}
