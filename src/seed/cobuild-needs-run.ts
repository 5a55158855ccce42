/**
 * The county's March matching run in the demo: solved by the same network flow as the app, then each proposal decided
 * as the communities did (most accepted, a few turned down), with the accepted ones' follow-up tasks in the state one
 * would see on the demo's first day.
 */
import { addDays } from '../core/calendar.js';
import { buildCandidates } from '../modules/cobuild/needs/matching/matching.candidates.js';
import { solveMatching } from '../modules/cobuild/needs/matching/matching.flow.js';
import { runStats } from '../modules/cobuild/needs/matching/matching.stats.js';
import { MEASURE_UNITS, type needMatches, type needTasks } from '../modules/cobuild/needs/needs.schema.js';
import type { NeedRow, NeedsTime, ResourceRow, Unit } from './cobuild-needs-plan.js';
import type { Rng } from './rng.js';

type MatchRow = typeof needMatches.$inferInsert;
type TaskRow = typeof needTasks.$inferInsert;

/** The March run: solve, then decide each proposal. */
export function matchingRun(
  rng: Rng,
  needRows: NeedRow[],
  resourceRows: ResourceRow[],
  createdBy: string | null,
  nt: NeedsTime,
) {
  const { runAt, runDay } = nt;
  const points = (rows: { lng: number; lat: number; unit: Unit }[]) => ({
    lng: Float64Array.from(rows, (r) => r.lng),
    lat: Float64Array.from(rows, (r) => r.lat),
    group: Int32Array.from(rows, (r) => MEASURE_UNITS.indexOf(r.unit)),
  });
  const cand = buildCandidates({ needs: points(needRows), resources: points(resourceRows), maxDistanceKm: 3, k: 20 });
  const problem = {
    weight: Float64Array.from(needRows, (n) => n.priority),
    demand: Float64Array.from(needRows, (n) => n.quantity),
    capacity: Float64Array.from(resourceRows, (r) => r.capacity),
    edgeStart: cand.edgeStart,
    edgeResource: cand.edgeResource,
  };
  const result = solveMatching(problem);
  const runId = rng.uuid();
  const matches: MatchRow[] = [];
  const tasks: TaskRow[] = [];
  needRows.forEach((n, i) => {
    for (let e = cand.edgeStart[i]; e < cand.edgeStart[i + 1]; e++) {
      if (result.flow[e] <= 1e-9) continue;
      const r = resourceRows[cand.edgeResource[e]];
      const distanceKm = Math.round(cand.edgeDistanceKm[e] * 1000) / 1000;
      const m = decide(rng, { runId, need: n, resource: r, amount: result.flow[e], distanceKm, createdBy, runAt });
      matches.push(m);
      if (m.status !== 'accepted') continue;
      n.served += m.amount;
      r.reserved += m.amount;
      tasks.push(followUpTask(rng, m, n, r, nt));
    }
  });
  const run = {
    id: runId,
    communityId: null,
    parameters: { maxDistanceKm: 3, k: 20, on: runDay, minPriority: 1, solver: 'flow' },
    solver: 'flow',
    status: 'done',
    objective: result.objective,
    bound: result.bound,
    gap: 0,
    stats: runStats(problem, result.flow, matches.length),
    elapsedMs: 4,
    createdBy,
    createdAt: runAt,
  };
  return { run, matches, tasks };
}

/** One proposal, decided on the day of the run: 82 in 100 accepted, 6 turned down, the rest still open. */
function decide(
  rng: Rng,
  o: {
    runId: string;
    need: NeedRow;
    resource: ResourceRow;
    amount: number;
    distanceKm: number;
    createdBy: string | null;
    runAt: Date;
  },
): MatchRow & { id: string; amount: number } {
  const status = (['accepted', 'rejected', 'proposed'] as const)[rng.weightedIndex([82, 6, 12])];
  return {
    id: rng.uuid(),
    runId: o.runId,
    needId: o.need.id,
    resourceId: o.resource.id,
    amount: o.amount,
    distanceKm: o.distanceKm,
    status,
    decidedBy: status === 'proposed' ? null : o.createdBy,
    decidedAt: status === 'proposed' ? null : o.runAt,
    createdAt: o.runAt,
  };
}

/** The accepted proposal's task, due between April and October: long past due ones are mostly done. */
function followUpTask(rng: Rng, m: { id: string; amount: number }, n: NeedRow, r: ResourceRow, nt: NeedsTime): TaskRow {
  const month = rng.int(4, 10);
  const dueOn = `${nt.year}-${String(month).padStart(2, '0')}-${String(rng.int(10, 28)).padStart(2, '0')}`;
  const taskStatus =
    addDays(dueOn, 90) < nt.today
      ? rng.chance(0.9)
        ? 'done'
        : 'in_progress'
      : rng.pick(['done', 'in_progress', 'open'] as const);
  const stamp = { createdAt: nt.runAt, updatedAt: nt.runAt };
  return {
    id: rng.uuid(),
    matchId: m.id,
    needId: n.id,
    ownerUnitId: r.unitId,
    title: `${n.title}（${r.title}）`,
    amount: m.amount,
    dueOn,
    status: taskStatus,
    ...stamp,
    version: 1,
  };
}
