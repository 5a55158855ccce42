import { z } from 'zod';
import { ZIsoDate } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { APPEAL_STATES, RATING_GRADES, RATING_STATES } from './ratings.enums.js';

export { APPEAL_STATES, QUARTERS, RATING_GRADES, RATING_STATES } from './ratings.enums.js';

const ZGrade = z.enum(RATING_GRADES);
const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZQuarter = z.coerce.number().int().min(1).max(4);
/** A value of a rule: any finite number here; the service says which are out of range (POINTS_RULES_INVALID). */
const ZRuleNumber = z.number().finite();

// ---- The service rules (服务规则) ----

export const ZPointsRules = z.strictObject({
  perHour: ZRuleNumber,
  perActivity: z.record(z.string().max(40), ZRuleNumber),
  noShowPenalty: ZRuleNumber,
  capPerActivity: ZRuleNumber,
  capPerDay: ZRuleNumber,
  thresholds: z.strictObject({ excellent: ZRuleNumber, qualified: ZRuleNumber, basic: ZRuleNumber }),
});

export const ZServiceRulesInput = z.strictObject({
  requiredHoursPerYear: z.number().int(),
  reportEveryMonths: z.number().int(),
  certificateValidDays: z.number().int(),
  maxNoShowsForQualified: z.number().int(),
  points: ZPointsRules,
});
export type ServiceRulesInput = z.infer<typeof ZServiceRulesInput>;

export const ZServiceRulesView = ZServiceRulesInput.extend({
  /** Null while the article's defaults apply (nothing saved yet). */
  id: z.uuid().nullable(),
  createdAt: z.string().nullable(),
});
export type ServiceRulesResponse = z.infer<typeof ZServiceRulesView>;

// ---- Commendations (表扬) ----

export const ZCreateCommendation = z.strictObject({
  memberId: z.uuid(),
  reason: z.string().trim().min(2).max(200),
  points: z.number().int().min(1).max(50),
  /** The county day of the commendation (today when absent); its quarter is the one it counts in. */
  day: ZIsoDate.optional(),
});
export type CreateCommendation = z.infer<typeof ZCreateCommendation>;

export const ZCommendation = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  communityId: z.uuid(),
  day: z.string(),
  reason: z.string(),
  points: z.number().int(),
  createdAt: z.string(),
});
export const ZCommendationList = listResponse(ZCommendation);
export const ZCommendationQuery = ZListQuery.extend({
  memberId: z.uuid().optional(),
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
});
export type CommendationQuery = z.infer<typeof ZCommendationQuery>;

// ---- Quarterly ratings (季度评定) ----

export const ZQuarterBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  /** One community of the actor's (the county may name any, or none for all). */
  communityId: z.uuid().optional(),
});
export type QuarterBody = z.infer<typeof ZQuarterBody>;

export const ZGenerateResult = z.object({ suggested: z.number().int(), confirmedKept: z.number().int() });

export const ZConfirmRatings = ZQuarterBody.extend({
  /** Confirm only these ratings (else every suggested rating of the quarter in scope). */
  only: z.array(z.uuid()).min(1).max(5000).optional(),
  /** Another grade than the suggestion, for some of them. */
  grades: z
    .array(z.strictObject({ ratingId: z.uuid(), grade: ZGrade }))
    .max(5000)
    .optional(),
});
export type ConfirmRatings = z.infer<typeof ZConfirmRatings>;
export const ZConfirmResult = z.object({ confirmed: z.number().int() });

export const ZAppealBody = z.strictObject({ reason: z.string().trim().min(5).max(1000) });
export const ZAnswerBody = z
  .strictObject({
    outcome: z.enum(['upheld', 'revised']),
    /** The new grade when revised. */
    grade: ZGrade.optional(),
    answer: z.string().trim().min(2).max(1000),
  })
  .refine((b) => b.outcome === 'upheld' || b.grade !== undefined, { message: 'grade', path: ['grade'] });
export type AnswerBody = z.infer<typeof ZAnswerBody>;

export const ZRatingView = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  quarter: z.number().int(),
  points: z.number().int(),
  minutes: z.number().int(),
  yearMinutes: z.number().int(),
  noShows: z.number().int(),
  reported: z.boolean(),
  suggestedGrade: ZGrade,
  grade: ZGrade.nullable(),
  state: z.enum(RATING_STATES),
  confirmedAt: z.string().nullable(),
  appealState: z.enum(APPEAL_STATES).nullable(),
  appealReason: z.string().nullable(),
  appealedAt: z.string().nullable(),
  appealAnswer: z.string().nullable(),
  appealAnsweredAt: z.string().nullable(),
  version: z.number().int(),
});
export type RatingView = z.infer<typeof ZRatingView>;
export const ZRatingList = listResponse(ZRatingView);

export const ZRatingListQuery = ZListQuery.extend({
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
  communityId: z.uuid().optional(),
  state: z.enum(RATING_STATES).optional(),
  grade: ZGrade.optional(),
  /** Only ratings with an appeal in this state. */
  appeal: z.enum(APPEAL_STATES).optional(),
});
export type RatingListQuery = z.infer<typeof ZRatingListQuery>;

export const ZMyRatings = z.object({ items: z.array(ZRatingView) });

// ---- The unit's quarterly sheet and the county's coverage ----

export const ZSheetQuery = z.object({
  /** The unit (a unit admin's own by default); the county may leave it out for the whole county. */
  unitId: z.uuid().optional(),
  year: ZYear,
  quarter: ZQuarter,
});
export type SheetQuery = z.infer<typeof ZSheetQuery>;

export const ZSheetRow = z.object({
  memberId: z.uuid(),
  name: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  communityId: z.uuid().nullable(),
  communityName: z.string().nullable(),
  reported: z.boolean(),
  post: z.string().nullable(),
  yearMinutes: z.number().int(),
  quarterMinutes: z.number().int(),
  points: z.number().int(),
  grade: ZGrade.nullable(),
  suggestedGrade: ZGrade,
  state: z.enum(RATING_STATES).nullable(),
  atRisk: z.boolean(),
  noShows: z.number().int(),
});
export type SheetRow = z.infer<typeof ZSheetRow>;

export const ZUnitSheet = z.object({
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  quarter: z.number().int(),
  /** The day the figures are read at: the quarter's last day, or today while it runs. */
  asOf: z.string(),
  ended: z.boolean(),
  requiredHoursPerYear: z.number(),
  items: z.array(ZSheetRow),
});
export type UnitSheet = z.infer<typeof ZUnitSheet>;

export const ZCoverageQuery = z.object({ year: ZYear, quarter: ZQuarter });
export type CoverageQuery = z.infer<typeof ZCoverageQuery>;

const ZGradeCounts = z.object({
  excellent: z.number().int(),
  qualified: z.number().int(),
  basic: z.number().int(),
  unqualified: z.number().int(),
  unrated: z.number().int(),
});
export type GradeCounts = z.infer<typeof ZGradeCounts>;

export const ZCoverageRow = z.object({
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  members: z.number().int(),
  registered: z.number().int(),
  /** registered ÷ members, 0–1 (0 for a unit without members). */
  share: z.number(),
  hoursTotal: z.number(),
  hoursAverage: z.number(),
  atRisk: z.number().int(),
  grades: ZGradeCounts,
});
export type CoverageRow = z.infer<typeof ZCoverageRow>;

export const ZCoverage = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  asOf: z.string(),
  units: z.array(ZCoverageRow),
  totals: ZCoverageRow.omit({ unitId: true, unitName: true }),
});
export type Coverage = z.infer<typeof ZCoverage>;
