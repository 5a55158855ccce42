import { z } from 'zod';
import { ZLat, ZLng, ZVersion } from '../../core/contracts.js';
import { listResponse, ZCsv, ZListQuery } from '../../core/list.js';
import {
  CASE_ACTIONS,
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  COUNTED_EVENTS,
  DISPATCH_STATUSES,
  SATISFACTIONS,
  STATS_WHISTLE,
} from './cases.enums.js';
import { ZDay } from './stats/stats.contracts.js';

export const ZChannel = z.enum(CASE_CHANNELS);
export const ZCaseStatus = z.enum(CASE_STATUSES);
export const ZSatisfaction = z.enum(SATISFACTIONS);
export const ZPriority = z.enum(CASE_PRIORITIES);
export const ZCaseAction = z.enum(CASE_ACTIONS);

export const ZCreateCase = z
  .strictObject({
    // open311 is the Open311 gateway's own channel (modules/open311): a client system's key raises it, never this route.
    channel: ZChannel.exclude(['open311']),
    title: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().min(2).max(2000),
    /** Staff confirm or change the suggested category; a resident may leave it out. */
    categoryCode: z.string().max(60).optional(),
    lng: ZLng.optional(),
    lat: ZLat.optional(),
    address: z.string().trim().max(200).optional(),
    /** Staff recording on a resident's behalf (说事厅, 入户走访): who raised it. */
    reporterPersonId: z.uuid().optional(),
    reporterName: z.string().trim().max(50).optional(),
    reporterPhone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/)
      .optional(),
    /** Photos uploaded first with POST /api/cases/photos. */
    photoIds: z.array(z.uuid()).max(9).optional(),
    /** The report is the same as this open case (offered by GET /api/cases/similar). */
    sameAsCaseId: z.uuid().optional(),
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), {
    message: 'lng and lat go together',
    path: ['lat'],
  });
export type CreateCase = z.infer<typeof ZCreateCase>;

export const ZCaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  channel: ZChannel,
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  priority: ZPriority,
  status: ZCaseStatus,
  whistle: z.enum(['resident', 'community']).nullable(),
  gridId: z.string(),
  gridName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  ownerName: z.string().nullable(),
  reporterName: z.string().nullable(),
  reportedAt: z.string(),
  responseDueAt: z.string(),
  resolutionDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  supervised: z.boolean(),
  mergedIntoId: z.string().nullable(),
  satisfaction: ZSatisfaction.nullable(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof ZCaseSummary>;
export const ZCaseList = listResponse(ZCaseSummary);

export const ZCaseEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: ZCaseStatus.nullable(),
  toStatus: ZCaseStatus.nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
});
/** What a dispatch row says about how it came and went: 跨社区吹哨, declined, 代报到 (each with its reason). */
export const ZWhistleFlags = z.object({
  crossCommunity: z.boolean(),
  crossCommunityReason: z.string().nullable(),
  declinedAt: z.string().nullable(),
  proxyAcknowledged: z.boolean(),
  proxyReason: z.string().nullable(),
});
export const ZCaseDispatch = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(DISPATCH_STATUSES),
  dispatchedAt: z.string(),
  responseDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  reportNote: z.string().nullable(),
  instructions: z.string().nullable(),
  ...ZWhistleFlags.shape,
  /** Whether this user may record the unit's 报到 as 代报到 now (the row waits and they run the community). */
  mayProxyAcknowledge: z.boolean(),
  version: z.number().int(),
});
export const ZCasePhoto = z.object({
  id: z.string(),
  kind: z.enum(['report', 'resolution', 'dispatch']),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number(),
  height: z.number(),
});

export const ZCaseDetail = ZCaseSummary.extend({
  description: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  gridCode: z.string(),
  suggestedCategoryCode: z.string().nullable(),
  suggestedConfidence: z.number().nullable(),
  reporterPhone: z.string().nullable(),
  ratingComment: z.string().nullable(),
  ratedByPhoneVisit: z.boolean(),
  closedAt: z.string().nullable(),
  isNeed: z.boolean(),
  escalationLevel: z.number().int(),
  events: z.array(ZCaseEvent),
  dispatches: z.array(ZCaseDispatch),
  photos: z.array(ZCasePhoto),
  mergedCaseIds: z.array(z.string()),
  /**
   * Every round's rating, first to last (a reopen starts a new round; none is ever changed). `satisfaction` above is
   * what the statistics count: the worst of them, at the first one's time (docs/CASES.md "Definitions").
   */
  ratings: z.array(
    z.object({
      round: z.number().int(),
      satisfaction: ZSatisfaction,
      comment: z.string().nullable(),
      byPhoneVisit: z.boolean(),
      ratedAt: z.string(),
    }),
  ),
  /** The transitions this user may fire now; the case page shows only these. */
  actions: z.array(ZCaseAction),
});
export type CaseDetail = z.infer<typeof ZCaseDetail>;

export const ZCaseListQuery = ZListQuery.extend({
  status: ZCsv.pipe(z.array(ZCaseStatus)).optional(),
  channel: ZCsv.pipe(z.array(ZChannel)).optional(),
  category: z.string().max(60).optional(),
  priority: ZPriority.optional(),
  communityId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  supervised: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** any = 吹哨 of either kind; resident = 群众吹哨; community = 社区吹哨; none = handled without units. */
  whistle: z.enum(STATS_WHISTLE).optional(),
  /** Cases I reported (residents) or own (staff). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /**
   * The cases a statistic counts: those whose event fell in the local days [countedFrom, countedTo] (defaults and
   * limits as GET /api/cases/stats), merged duplicates excluded (stats/counted.ts; figures.rules.ts links figures).
   */
  counted: z.enum(COUNTED_EVENTS).optional(),
  countedFrom: ZDay.optional(),
  countedTo: ZDay.optional(),
});
export type CaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ZTransitionRequest = z.strictObject({
  action: ZCaseAction,
  version: ZVersion,
  reason: z.string().trim().max(500).optional(),
  note: z.string().trim().max(2000).optional(),
  /**
   * dispatch: units to whistle in (吹哨); none means the grid's owner handles it. A unit not paired with the case's
   * community (跨社区吹哨) needs `reason` (422 WHISTLE_REASON_REQUIRED).
   */
  unitIds: z.array(z.uuid()).max(20).optional(),
  instructions: z.string().trim().max(500).optional(),
  /** accept: staff confirm or change the category. */
  categoryCode: z.string().max(60).optional(),
  satisfaction: ZSatisfaction.optional(),
  comment: z.string().trim().max(500).optional(),
  /** rate: staff record a phone-visit rating on the reporter's behalf. */
  phoneVisit: z.boolean().optional(),
  photoIds: z.array(z.uuid()).max(9).optional(),
});
export type TransitionRequest = z.infer<typeof ZTransitionRequest>;

export const ZReassignRequest = z.strictObject({
  gridId: z.uuid(),
  reason: z.string().trim().min(2).max(500),
  version: ZVersion,
});
export type ReassignRequest = z.infer<typeof ZReassignRequest>;

export const ZClassifyRequest = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const ZClassifyResponse = z.object({
  category: z.string(),
  categoryName: z.string(),
  confidence: z.number(),
  alternatives: z.array(z.object({ category: z.string(), categoryName: z.string(), confidence: z.number() })),
});

export const ZCategory = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  priority: ZPriority.nullable(),
  responseMinutes: z.number().int().nullable(),
  resolutionMinutes: z.number().int().nullable(),
  version: z.number().int(),
});
export const ZCategoryList = z.array(ZCategory);
export const ZUpdateCategory = z.strictObject({
  priority: ZPriority.optional(),
  responseMinutes: z
    .number()
    .int()
    .min(15)
    .max(60 * 24 * 30)
    .optional(),
  resolutionMinutes: z
    .number()
    .int()
    .min(60)
    .max(60 * 24 * 90)
    .optional(),
  version: ZVersion,
});

/** "Same as": open cases near a new report (GET /api/cases/similar) and merging one case into another. */
export const ZSimilarQuery = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  category: z.string().min(1).max(60),
});
/**
 * A nearby open case. Staff and whoever may open the case get its number, title and status (and, when it is in their
 * scope, when it was reported and in which grid); anyone else only its distance: that there is one, not whose or what.
 */
export const ZSimilarCase = z.object({
  distanceM: z.number(),
  visible: z.boolean(),
  id: z.string().optional(),
  number: z.string().optional(),
  title: z.string().optional(),
  status: ZCaseStatus.optional(),
  reportedAt: z.string().optional(),
  gridName: z.string().optional(),
});
export const ZSimilarList = z.object({ items: z.array(ZSimilarCase) });
export type SimilarCase = z.infer<typeof ZSimilarCase>;
export const ZMergeRequest = z.strictObject({ intoCaseId: z.uuid(), version: ZVersion });
export type MergeRequest = z.infer<typeof ZMergeRequest>;

/** The unit inbox (吹哨报到): a unit's dispatch rows and the steps it takes on them. */
export const ZDispatchListQuery = ZListQuery.extend({
  status: ZCsv.pipe(z.array(z.enum(DISPATCH_STATUSES))).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type DispatchListQuery = z.infer<typeof ZDispatchListQuery>;

export const ZDispatchItem = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  casePriority: ZPriority,
  caseStatus: ZCaseStatus,
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(DISPATCH_STATUSES),
  instructions: z.string().nullable(),
  dispatchedAt: z.string(),
  responseDueAt: z.string(),
  caseResolutionDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  reportNote: z.string().nullable(),
  ...ZWhistleFlags.shape,
  /** Not reported (报到) and past its response time, as of the request. */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type DispatchItem = z.infer<typeof ZDispatchItem>;
export const ZDispatchList = listResponse(ZDispatchItem);

export const ZDispatchStepRequest = z.strictObject({
  version: ZVersion,
  note: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type DispatchStepRequest = z.infer<typeof ZDispatchStepRequest>;

/** 代报到: the community records a unit's 报到 on its behalf; the reason is required. */
export const ZProxyAcknowledgeRequest = z.strictObject({
  version: ZVersion,
  reason: z.string().trim().min(2).max(500),
});
export type ProxyAcknowledgeRequest = z.infer<typeof ZProxyAcknowledgeRequest>;

/** The units paired (结对) with a case's community this year: the whistle dialog lists them first. */
export const ZPairedUnitList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

/** An alley region's cases (GET /api/alley-regions/:id/cases): counts, median hours to resolve, the latest ten. */
export const ZAlleyRegionCases = z.object({
  open: z.number().int(),
  resolved: z.number().int(),
  medianResolveHours: z.number().nullable(),
  latest: z.array(ZCaseSummary),
});
export type AlleyRegionCases = z.infer<typeof ZAlleyRegionCases>;
