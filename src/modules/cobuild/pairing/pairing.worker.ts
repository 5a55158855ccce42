import { parentPort } from 'node:worker_threads';
import type { Highs } from 'highs';
import { isAppError } from '../../../core/errors.js';
import { compile, type PairingProblem } from './pairing.model.js';
import { solvePairing, type SolveOptions } from './pairing.solver.js';
import type { WorkerReply, WorkerRequest } from './pairing.runner.js';

/** The package's types describe its CommonJS build; the ESM build Node loads here exports the loader as default. */
async function loadHighs(): Promise<Highs> {
  const mod = await import('highs');
  return (mod.default as unknown as () => Promise<Highs>)();
}

/**
 * The solver thread: HiGHS is loaded once (≈40 ms) and kept, and a first tiny solve warms the WASM code up, so
 * requests pay only for their own solve. One request at a time; the runner queues the rest.
 */
const highsReady: Promise<Highs> = loadHighs().then((highs) => {
  const warm: PairingProblem = {
    units: [{ id: 'u', name: 'u', lng: 117, lat: 27, headcount: 1, strengths: [] }],
    communities: [{ id: 'c', name: 'c', lng: 117, lat: 27, needs: {} }],
    k: 1,
    bounds: { minUnits: 0, maxUnits: 1, minMembers: 0, maxMembers: 1 },
    weights: { distance: 1, complement: 0, balance: 0 },
    pins: [],
    forbids: [],
  };
  solvePairing(highs, compile(warm));
  return highs;
});

function solve(highs: Highs, problem: PairingProblem, options: SolveOptions): WorkerReply['outcome'] {
  try {
    return { ok: true, result: solvePairing(highs, compile(problem), options) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, params: e.params };
    return { ok: false, code: 'PAIRING_SOLVER_FAILED', params: { reason: e instanceof Error ? e.message : String(e) } };
  }
}

parentPort?.on('message', (msg: WorkerRequest) => {
  void highsReady.then((highs) => {
    const reply: WorkerReply = { id: msg.id, outcome: solve(highs, msg.problem, msg.options) };
    parentPort?.postMessage(reply);
  });
});
