import { z } from 'zod';
import { ZVersion } from '../../core/contracts.js';
import { listResponse, ZListQuery } from '../../core/list.js';
import { ZCaseStatus, ZSatisfaction } from '../cases/cases.contracts.js';
import {
  CONSEQUENCES,
  FOLLOW_UP_ASSIGNEES,
  FOLLOW_UP_STATUSES,
  ITEM_DECISIONS,
  ITEM_VERDICTS,
  SESSION_STATUSES,
  VERDICTS,
} from './evaluations.enums.js';

/** 每月20日定期评事: request and response contracts (the web imports the types). */
export { SESSION_STATUSES, VERDICTS } from './evaluations.enums.js';
export const ZVerdict = z.enum(VERDICTS);
/** An item's verdict before the representatives have given one is `pending`; `carried_over` to the next session. */
export const ZItemVerdict = z.enum(ITEM_VERDICTS);
export const ZSessionStatus = z.enum(SESSION_STATUSES);

/** A calendar date that is the 20th of its month. */
export const ZHeldOn = z.iso
  .date()
  .refine((d) => d.endsWith('-20'), { message: 'an evaluation session is held on the 20th of a month' });

export const ZCreateSession = z.strictObject({ communityId: z.uuid(), heldOn: ZHeldOn });
export type CreateSession = z.infer<typeof ZCreateSession>;

export const ZUpdateSession = z.strictObject({
  /** Residents' representatives present (居民代表), by name. */
  representatives: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  minutes: z.string().trim().max(20_000).nullable().optional(),
  version: ZVersion,
});
export type UpdateSession = z.infer<typeof ZUpdateSession>;

/** A verdict, or `carried_over` (结转) to the community's next session. */
export const ZVerdictRequest = z.strictObject({
  verdict: z.enum(ITEM_DECISIONS),
  comment: z.string().trim().max(500).nullable().optional(),
});
export type VerdictRequest = z.infer<typeof ZVerdictRequest>;

/**
 * Holding may carry the final representatives and minutes (saved in the same step); the version is optional, a bare
 * POST holds the session as it is.
 */
export const ZHoldRequest = z
  .strictObject({
    representatives: ZUpdateSession.shape.representatives,
    minutes: ZUpdateSession.shape.minutes,
    version: ZVersion.optional(),
  })
  .nullish();
export type HoldRequest = NonNullable<z.infer<typeof ZHoldRequest>>;

export const ZSessionParams = z.object({ id: z.uuid() });
export const ZItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const ZSessionListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  status: ZSessionStatus.optional(),
  /** heldOn from/to, inclusive (YYYY-MM-DD). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type SessionListQuery = z.infer<typeof ZSessionListQuery>;

export const ZVerdictCounts = z.object({
  satisfied: z.number().int(),
  basically_satisfied: z.number().int(),
  unsatisfied: z.number().int(),
  pending: z.number().int(),
  carried_over: z.number().int(),
});
export type VerdictCounts = z.infer<typeof ZVerdictCounts>;

export const ZSessionView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  heldOn: z.string(),
  /** The agenda covers cases raised or handled in [periodFrom, periodTo). */
  periodFrom: z.string(),
  periodTo: z.string(),
  status: ZSessionStatus,
  representatives: z.array(z.string()),
  minutes: z.string().nullable(),
  itemCount: z.number().int(),
  counts: ZVerdictCounts,
  /** The county's today is on or after its day: items may be judged and it may be held. */
  dayReached: z.boolean(),
  /** When it was marked held (the record is final from then on). */
  heldAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SessionView = z.infer<typeof ZSessionView>;
export const ZSessionList = listResponse(ZSessionView);

export const ZEvaluationItem = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  caseStatus: ZCaseStatus,
  /** raised: reported in the period; handled: reported earlier, resolved or closed in the period. */
  kind: z.enum(['raised', 'handled']),
  reportedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The reporter's own rating of the case, if any. */
  satisfaction: ZSatisfaction.nullable(),
  verdict: ZItemVerdict,
  comment: z.string().nullable(),
  /** Carried over (结转) from an earlier session of the community: which one. */
  carriedFrom: z.object({ sessionId: z.string(), heldOn: z.string() }).nullable(),
  /** What holding the session did to an unsatisfied case. */
  consequence: z.enum(CONSEQUENCES).nullable(),
});
export type EvaluationItem = z.infer<typeof ZEvaluationItem>;

/** A follow-up task of an unsatisfied verdict, for the case owner or a unit. */
export const ZFollowUp = z.object({
  id: z.string(),
  /** The session whose verdict created it. */
  sessionId: z.string(),
  heldOn: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  caseStatus: ZCaseStatus,
  /** The item's verdict that created it (不满意). */
  verdict: ZItemVerdict,
  consequence: z.enum(CONSEQUENCES).nullable(),
  assigneeKind: z.enum(FOLLOW_UP_ASSIGNEES),
  assigneeName: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  /** Due by the community's next session (the 20th of the month after), which reviews it. */
  dueOn: z.string(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof ZFollowUp>;

/** GET /api/evaluation-follow-ups: the follow-ups an actor may work on, by status, community and session month. */
export const ZFollowUpListQuery = ZListQuery.extend({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  communityId: z.uuid().optional(),
  /** The month of the session that created them (YYYY-MM). */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export type FollowUpListQuery = z.infer<typeof ZFollowUpListQuery>;
export const ZFollowUpList = listResponse(ZFollowUp);

export const ZFollowUpParams = z.object({ id: z.uuid() });
export const ZFollowUpUpdate = z.strictObject({
  status: z.enum(FOLLOW_UP_STATUSES),
  note: z.string().trim().max(500).nullable().optional(),
  version: ZVersion,
});
export type FollowUpUpdate = z.infer<typeof ZFollowUpUpdate>;

export const ZSessionDetail = ZSessionView.extend({
  items: z.array(ZEvaluationItem),
  /** The tasks this session's unsatisfied verdicts created. */
  followUps: z.array(ZFollowUp),
  /** The community's earlier tasks shown here: the previous session's, and any older one still open. */
  earlierFollowUps: z.array(ZFollowUp),
});
export type SessionDetail = z.infer<typeof ZSessionDetail>;
