import { z } from 'zod';
import { ZIsoDate, ZVersion } from '../../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../../core/list.js';
import { ZMatchStatus, ZMeasureUnit, ZNeedDomain, ZNeedTaskStatus, ZResourceKind } from '../needs.contracts.js';

/** Matching runs, their proposed matches and the follow-up tasks of accepted ones. */
export const ZSolverChoice = z.enum(['flow', 'highs']);

export const ZRunMatching = z.strictObject({
  /** Candidate pairs lie within this distance (km). */
  maxDistanceKm: z.number().min(0.1).max(30).default(3),
  /** At most this many nearest resources per need. */
  k: z.number().int().min(1).max(100).default(20),
  /** Resources must be available on this day (default: today). */
  on: ZIsoDate.optional(),
  /** A community admin's run is always limited to its community; the county may name one or run county-wide. */
  communityId: z.uuid().optional(),
  /** Needs of at least this priority. */
  minPriority: z.number().int().min(1).max(5).default(1),
  /** flow: the exact network-flow algorithm (any size); highs: the LP with HiGHS (moderate sizes, as a check). */
  solver: ZSolverChoice.default('flow'),
});
export type RunMatching = z.infer<typeof ZRunMatching>;
/** A bare POST runs with the defaults. */
export const ZRunMatchingBody = ZRunMatching.nullish();

/** Per priority: needs in the run, needs that got something, needs fully covered, mean share covered. */
export const ZPriorityCoverage = z.object({
  priority: z.number().int(),
  needs: z.number().int(),
  served: z.number().int(),
  covered: z.number().int(),
  coverage: z.number(),
});

export const ZRunStats = z.object({
  needs: z.number().int(),
  resources: z.number().int(),
  candidates: z.number().int(),
  matches: z.number().int(),
  /** Needs that got anything / needs fully covered by the proposal. */
  needsServed: z.number().int(),
  needsCovered: z.number().int(),
  /** Σ priority × share of the need covered ÷ Σ priority (shares, so hours, yuan and items can be compared). */
  weightedCoverage: z.number(),
  byPriority: z.array(ZPriorityCoverage),
});
export type RunStats = z.infer<typeof ZRunStats>;

export const ZRunView = z.object({
  id: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  parameters: z.object({
    maxDistanceKm: z.number(),
    k: z.number().int(),
    on: z.string(),
    minPriority: z.number().int(),
    solver: ZSolverChoice,
  }),
  solver: z.string(),
  status: z.string(),
  objective: z.number().nullable(),
  /** An upper bound on the LP optimum: the flow's dual certificate, or HiGHS's own optimum. */
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  stats: ZRunStats.nullable(),
  elapsedMs: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  counts: z.object({ proposed: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
});
export type RunView = z.infer<typeof ZRunView>;
export const ZRunList = listResponse(ZRunView);
export const ZRunListQuery = ZListQuery.extend({ communityId: z.uuid().optional() });
export type RunListQuery = z.infer<typeof ZRunListQuery>;

export const ZTaskSummary = z.object({
  id: z.string(),
  dueOn: z.string(),
  status: ZNeedTaskStatus,
  projectId: z.string().nullable(),
});

export const ZMatchView = z.object({
  id: z.string(),
  runId: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  needPriority: z.number().int(),
  needDomain: ZNeedDomain,
  needRemaining: z.number(),
  communityId: z.string(),
  communityName: z.string(),
  resourceId: z.string(),
  resourceTitle: z.string(),
  resourceKind: ZResourceKind,
  resourceRemaining: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  unit: ZMeasureUnit,
  amount: z.number(),
  distanceKm: z.number(),
  status: ZMatchStatus,
  decidedAt: z.string().nullable(),
  task: ZTaskSummary.nullable(),
});
export type MatchView = z.infer<typeof ZMatchView>;
export const ZMatchList = listResponse(ZMatchView);
export const ZMatchListQuery = ZListQuery.extend({
  runId: z.uuid().optional(),
  needId: z.uuid().optional(),
  resourceId: z.uuid().optional(),
  status: ZMatchStatus.optional(),
});
export type MatchListQuery = z.infer<typeof ZMatchListQuery>;

export const ZAcceptMatch = z
  .strictObject({
    /** Accept less than proposed (never more than the need lacks or the resource has left). */
    amount: z.number().positive().max(100_000_000).optional(),
    /** The follow-up task's due date (default: 30 days from today). */
    dueOn: ZIsoDate.optional(),
  })
  .nullish();
export type AcceptMatch = NonNullable<z.infer<typeof ZAcceptMatch>>;

export const ZRejectMatch = z.strictObject({ reason: z.string().trim().max(500).optional() }).nullish();

export const ZNeedTaskView = z.object({
  id: z.string(),
  matchId: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  title: z.string(),
  amount: z.number(),
  unit: ZMeasureUnit,
  dueOn: z.string(),
  overdue: z.boolean(),
  status: ZNeedTaskStatus,
  projectId: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type NeedTaskView = z.infer<typeof ZNeedTaskView>;
export const ZNeedTaskList = listResponse(ZNeedTaskView);
export const ZNeedTaskListQuery = ZListQuery.extend({
  ownerUnitId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  needId: z.uuid().optional(),
  status: ZNeedTaskStatus.optional(),
});
export type NeedTaskListQuery = z.infer<typeof ZNeedTaskListQuery>;

export const ZUpdateNeedTask = z.strictObject({ status: ZNeedTaskStatus, version: ZVersion });
export type UpdateNeedTask = z.infer<typeof ZUpdateNeedTask>;

/** "Turn into a project": a co-building project in the need's community, led by the resource's unit. */
export const ZTaskToProject = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  startOn: ZIsoDate,
  endOn: ZIsoDate,
  /** County only: put an unpaired unit on the project anyway, with the reason. */
  pairingOverrideReason: z.string().trim().min(1).max(500).optional(),
});
export type TaskToProject = z.infer<typeof ZTaskToProject>;
