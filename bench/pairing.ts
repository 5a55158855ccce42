/**
 * The pairing optimiser (结对). Run: node --import tsx bench/pairing.ts [--runs=21] [--full-lp]
 *   1. The demo's 83 units × 11 communities (needs from the demo's 2025 cases, default settings), solved to proven
 *      optimality: median of `runs` solves on one loaded HiGHS (model build included), and the same through the
 *      worker thread the server uses (round trip included).
 *   2. A province-sized synthetic instance, 2,000 units × 200 communities: K = 20 nearest, LP relaxation, fix, MIP;
 *      time and gap against the LP bound of the pruned model; with --full-lp also against the LP bound of the
 *      unpruned model (400,000 columns), which bounds every pairing.
 */
import type { Highs } from 'highs';
import { openDatabase } from '../src/core/db.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { seedDemo } from '../src/seed/demo.js';
import {
  compile,
  defaultBounds,
  DEFAULT_WEIGHTS,
  type PairingProblem,
  violations,
} from '../src/modules/cobuild/pairing/pairing.model.js';
import { buildModel, candidatePairs, solvePairing } from '../src/modules/cobuild/pairing/pairing.solver.js';
import { solveInWorker, stopSolver } from '../src/modules/cobuild/pairing/pairing.runner.js';
import { loadWorld, problemOf, resolveSettings } from '../src/modules/cobuild/pairing/pairing.world.js';
import { STRENGTHS } from '../src/modules/org/org.enums.js';
import { createRng } from '../src/seed/rng.js';
import { median } from './util.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 21);
const fullLp = process.argv.includes('--full-lp');
const TAGS = STRENGTHS;

async function loadHighs(): Promise<Highs> {
  const mod = await import('highs');
  return (mod.default as unknown as () => Promise<Highs>)();
}

async function demoProblem(): Promise<PairingProblem> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await seedReferenceData({ db: database.db });
    await seedDemo({ db: database.db });
    const world = await loadWorld(database.db, 2026);
    return problemOf(world, resolveSettings(world));
  } finally {
    await database.close();
  }
}

/** Units and communities around 40 town centres over a ~300 × 300 km province. */
function provinceProblem(U: number, C: number, seed: number): PairingProblem {
  const rng = createRng(seed);
  const centres = Array.from({ length: 40 }, () => [rng.float(116, 119), rng.float(25, 28)] as const);
  const near = () => {
    const [lng, lat] = rng.pick(centres);
    return { lng: lng + rng.float(-0.15, 0.15), lat: lat + rng.float(-0.15, 0.15) };
  };
  const units = Array.from({ length: U }, (_, i) => ({
    id: `u${i}`,
    name: `单位${i}`,
    ...near(),
    headcount: rng.int(10, 300),
    strengths: [rng.pick(TAGS), rng.pick(TAGS)],
  }));
  const communities = Array.from({ length: C }, (_, i) => ({
    id: `c${i}`,
    name: `社区${i}`,
    ...near(),
    needs: Object.fromEntries(TAGS.map((t) => [t, rng.int(0, 20)])),
  }));
  return {
    units,
    communities,
    k: 1,
    bounds: defaultBounds(units, C, 1),
    weights: DEFAULT_WEIGHTS,
    pins: [],
    forbids: [],
  };
}

function fullLpBound(highs: Highs, problem: PairingProblem): { bound: number; ms: number } {
  const started = performance.now();
  const cp = compile(problem);
  const model = highs.createModel(buildModel(highs, cp, candidatePairs(cp, 0), { integer: false }));
  try {
    model.options.set({ output_flag: false, time_limit: 600, solver: 'ipm', run_crossover: 'off' });
    model.run();
    return { bound: model.getObjectiveValue(), ms: performance.now() - started };
  } finally {
    model.dispose();
  }
}

const highs = await loadHighs();
const demo = await demoProblem();
const cp = compile(demo);
solvePairing(highs, cp); // warm-up: the first solve JIT-compiles the WASM
const inProcess: number[] = [];
let last = solvePairing(highs, cp);
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  last = solvePairing(highs, compile(demo));
  inProcess.push(performance.now() - t);
}
await solveInWorker(demo);
const viaWorker: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await solveInWorker(demo);
  viaWorker.push(performance.now() - t);
}
await stopSolver();
console.log(
  `83 × 11 (${demo.units.length} × ${demo.communities.length}): status ${last.status}, gap ${last.gap.toExponential(2)}, violations ${violations(cp, last.assignment).length}`,
);
console.log(
  `  in process: median ${median(inProcess).toFixed(1)} ms (min ${Math.min(...inProcess).toFixed(1)}, max ${Math.max(...inProcess).toFixed(1)}) over ${runs} runs`,
);
console.log(
  `  via worker: median ${median(viaWorker).toFixed(1)} ms (min ${Math.min(...viaWorker).toFixed(1)}, max ${Math.max(...viaWorker).toFixed(1)})`,
);

const province = provinceProblem(2000, 200, 20_261_125);
const t0 = performance.now();
const pcp = compile(province);
const compileMs = performance.now() - t0;
const big = solvePairing(highs, pcp, { timeLimitSec: 30 });
const total = performance.now() - t0;
console.log(
  `2,000 × 200: ${total.toFixed(0)} ms end to end (compile ${compileMs.toFixed(0)} ms, solve ${big.ms.toFixed(0)} ms), method ${big.method}, candidates ${big.candidates}, fixed by LP ${big.fixedByLp}`,
);
console.log(
  `  objective ${big.objective.toFixed(6)}, pruned LP bound ${big.bound.toFixed(6)}, gap ${(big.gap * 100).toFixed(3)} %, violations ${violations(pcp, big.assignment).length}, WASM memory ${(highs.memoryBytes / 2 ** 20).toFixed(0)} MiB`,
);
if (fullLp) {
  const full = fullLpBound(highs, province);
  console.log(
    `  unpruned LP bound ${full.bound.toFixed(6)} (${full.ms.toFixed(0)} ms): gap ${(((big.objective - full.bound) / Math.abs(full.bound)) * 100).toFixed(3)} %`,
  );
}
