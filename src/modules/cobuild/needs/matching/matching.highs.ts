import type { Highs } from 'highs';
import type { MatchingProblem } from './matching.flow.js';

/**
 * The same matching LP handed to HiGHS as typed arrays (CSC: one column per candidate edge with two entries, the
 * need's row and the resource's row). Used as the reference on small instances and, in a worker, for moderate runs.
 */
export interface HighsMatchingResult {
  status: string;
  objective: number;
  flow: Float64Array;
  seconds: number;
}

let loading: Promise<Highs> | null = null;

/**
 * HiGHS loads once per process (or worker): ~40 ms, and its WASM memory is reused. The package's types describe its
 * CommonJS build; the ESM build Node loads exports the loader as default.
 */
export function loadHighs(): Promise<Highs> {
  const p = loading ?? import('highs').then((mod) => (mod.default as unknown as () => Promise<Highs>)());
  loading = p;
  return p;
}

export function solveWithHighs(
  highs: Highs,
  p: MatchingProblem,
  opts: { solver?: 'ipm' | 'simplex' | 'choose'; timeLimit?: number } = {},
): HighsMatchingResult {
  const n = p.demand.length,
    m = p.capacity.length,
    edges = p.edgeResource.length;
  const colCost = new Float64Array(edges);
  const starts = new Int32Array(edges + 1),
    indices = new Int32Array(2 * edges),
    values = new Float64Array(2 * edges).fill(1);
  for (let i = 0; i < n; i++) {
    for (let e = p.edgeStart[i]; e < p.edgeStart[i + 1]; e++) {
      colCost[e] = p.weight[i];
      indices[2 * e] = i;
      indices[2 * e + 1] = n + p.edgeResource[e];
      starts[e + 1] = 2 * e + 2;
    }
  }
  const rowUpper = new Float64Array(n + m);
  rowUpper.set(p.demand, 0);
  rowUpper.set(p.capacity, n);
  const started = performance.now();
  const model = highs.createModel();
  try {
    model.options.set({
      output_flag: false,
      solver: opts.solver ?? (edges > 50_000 ? 'ipm' : 'choose'),
      time_limit: opts.timeLimit ?? 600,
    });
    if (edges === 0) return { status: 'Optimal', objective: 0, flow: new Float64Array(0), seconds: 0 };
    model.passModel({
      numCols: edges,
      numRows: n + m,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: new Float64Array(edges),
      colUpper: new Float64Array(edges).fill(highs.infinity),
      rowLower: new Float64Array(n + m).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: n + m, numCols: edges, starts, indices, values },
    });
    model.run();
    const code = model.getModelStatus();
    const status = code === highs.constants.modelStatus.optimal ? 'Optimal' : `status ${code}`;
    const flow = Float64Array.from(model.getSolution().colValue);
    return { status, objective: model.getObjectiveValue(), flow, seconds: (performance.now() - started) / 1000 };
  } finally {
    model.dispose();
  }
}
