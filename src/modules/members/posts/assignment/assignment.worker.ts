import { parentPort } from 'node:worker_threads';
import type { Highs } from 'highs';
import { serveSolverThread } from '../../../../core/solver-thread.js';
import { DEFAULT_ASSIGNMENT_WEIGHTS } from './assignment.model.js';
import type { AssignmentRequest } from './assignment.runner.js';
import { type AssignmentResult, solveAssignment } from './assignment.solver.js';

/** The package's types describe its CommonJS build; the ESM build Node loads here exports the loader as default. */
async function loadHighs(): Promise<Highs> {
  const mod = await import('highs');
  const highs = await (mod.default as unknown as () => Promise<Highs>)();
  // A first tiny solve warms the WASM code up, so requests pay only for their own solve.
  const seat = { id: 'o', communityId: 'c', typeKey: 't', seats: 1, need: 0, lng: null, lat: null };
  const member = { id: 'm', communityId: 'c', skills: [], lng: null, lat: null };
  solveAssignment(highs, { members: [member], openings: [seat], weights: DEFAULT_ASSIGNMENT_WEIGHTS });
  return highs;
}

if (parentPort)
  serveSolverThread<AssignmentRequest, AssignmentResult, Highs>(parentPort, loadHighs(), (highs, req) =>
    solveAssignment(highs, req.problem, req.options),
  );
