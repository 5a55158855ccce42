import { z } from 'zod';
import { isCalendarDay } from '../../../core/calendar.js';

import { STATS_GROUP_BY, STATS_WHISTLE } from '../cases.enums.js';
import { ARTICLE_FIGURE_KEYS, type ArticleFigure } from './figures.rules.js';

export type { StatsGroupBy, StatsWhistle } from '../cases.enums.js';

/** A local day in Asia/Shanghai, 'YYYY-MM-DD'. */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay, { message: 'not a calendar day' });
const ZWeight = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

/**
 * GET /api/cases/stats. `from` and `to` are local days, both included (default: 1 January of this year to today);
 * from ≤ to and at most 5 years apart (checked by the service once the defaults are in). Unknown parameters are 400.
 */
export const ZCaseStatsQuery = z.strictObject({
  from: ZDay.optional(),
  to: ZDay.optional(),
  communityId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** any = 吹哨 of either kind; resident = 群众吹哨; community = 社区吹哨; none = handled without units. */
  whistle: z.enum(STATS_WHISTLE).optional(),
  groupBy: z.enum(STATS_GROUP_BY).optional(),
  /** Weight of 基本满意 in the satisfaction rate (DESIGN §1: default 1.0; some counties use 0.9). */
  basicWeight: ZWeight(1),
  /** Composite score weights (DESIGN §1: 0.1 × response + 0.5 × resolution + 0.4 × satisfaction). */
  responseWeight: ZWeight(0.1),
  resolutionWeight: ZWeight(0.5),
  satisfactionWeight: ZWeight(0.4),
});
export type CaseStatsQuery = z.infer<typeof ZCaseStatsQuery>;

const count = z.number().int();
const rate = z.number().min(0).max(1).nullable();

export const ZStatsRow = z.object({
  /** Cases reported in the period (merged duplicates excluded). */
  raised: count,
  /** …of which 群众吹哨 / 社区吹哨. */
  residentWhistles: count,
  communityWhistles: count,
  /** Cases resolved in the period. */
  resolved: count,
  /** Cases whose resolution limit fell in the period and that were not resolved by it. */
  overdue: count,
  /** Units' dispatches completed (办结) in the period. */
  dispatchesDone: count,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  composite: rate,
  /** The integer counts the rates are computed from. */
  basis: z.object({
    responseDue: count,
    respondedOnTime: count,
    resolutionDue: count,
    resolvedOfDue: count,
    resolvedOnTime: count,
    rated: count,
    satisfied: count,
    basicallySatisfied: count,
  }),
});
export type StatsRow = z.infer<typeof ZStatsRow>;

export const ZStatsGroup = ZStatsRow.extend({ key: z.string(), name: z.string() });
export type StatsGroup = z.infer<typeof ZStatsGroup>;

/** One of the article's figures (stats/figures.rules.ts says which cases it counts). */
export const ZFigure = z.object({
  /** The cases counted (for whistleSolved: units' completed dispatches); for a rate, its denominator. */
  count,
  /** For a rate, its numerator (基本满意 weighted by basicWeight); null for a count. */
  hits: z.number().nullable(),
  rate,
  /** The rate's goal (1 = 100 %); null for a count. */
  target: z.number().nullable(),
});
export type Figure = z.infer<typeof ZFigure>;
export const ZArticleFigures = z.record(z.enum(ARTICLE_FIGURE_KEYS as [ArticleFigure, ...ArticleFigure[]]), ZFigure);
export type ArticleFigures = z.infer<typeof ZArticleFigures>;

export const ZCaseStats = z.object({
  from: z.string(),
  to: z.string(),
  /** The moment limits were judged against: a limit later than this has not fallen due yet. */
  asOf: z.string(),
  groupBy: z.enum(STATS_GROUP_BY).nullable(),
  basicWeight: z.number(),
  weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
  /** rollup = the case_stats table (with the last hours from `cases`); direct = computed from `cases`. */
  source: z.enum(['rollup', 'direct']),
  totals: ZStatsRow,
  groups: z.array(ZStatsGroup),
  /** The article's figures over the same actor, filters (but their own whistle and channels) and period. */
  figures: ZArticleFigures,
  /** 跨社区吹哨: dispatches to units not paired with the case's community, whistled in the period (stats/cross.ts). */
  crossCommunityDispatches: count,
});
export type CaseStats = z.infer<typeof ZCaseStats>;
