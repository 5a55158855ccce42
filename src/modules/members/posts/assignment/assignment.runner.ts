import { SolverThread, siblingWorker } from '../../../../core/solver-thread.js';
import type { AssignmentProblem } from './assignment.model.js';
import type { AssignmentResult, AssignmentSolveOptions } from './assignment.solver.js';

/**
 * The post assignment is solved off the event loop, in one long-lived thread per process that keeps HiGHS loaded
 * (core/solver-thread.ts); requests queue behind each other.
 */
export interface AssignmentRequest {
  problem: AssignmentProblem;
  options?: AssignmentSolveOptions;
}

let thread: SolverThread<AssignmentRequest, AssignmentResult> | null = null;

export function assignmentThread(): {
  run(problem: AssignmentProblem, options?: AssignmentSolveOptions): Promise<AssignmentResult>;
  stop(): Promise<void>;
} {
  thread ??= new SolverThread(siblingWorker(import.meta.url, 'assignment.worker'));
  const t = thread;
  return {
    run: (problem, options) => t.run({ problem, options }),
    stop: async () => {
      if (thread === t) thread = null;
      await t.stop();
    },
  };
}
