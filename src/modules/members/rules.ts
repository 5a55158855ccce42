import { desc } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { memberServiceRules, type PointsRules } from './ratings/ratings.schema.js';

/** The service rules in force: the latest member_service_rules row, or the article's defaults before any is saved. */
export interface ServiceRulesView {
  /** Null while the defaults apply (no row saved yet). */
  id: string | null;
  requiredHoursPerYear: number;
  reportEveryMonths: number;
  certificateValidDays: number;
  maxNoShowsForQualified: number;
  points: PointsRules;
}

/** The article: ≥ 20 hours a year; reporting renewed each half-year; a certificate for a year; points as below. */
export const DEFAULT_SERVICE_RULES: ServiceRulesView = {
  id: null,
  requiredHoursPerYear: 20,
  reportEveryMonths: 6,
  certificateValidDays: 365,
  maxNoShowsForQualified: 2,
  points: {
    perHour: 10,
    perActivity: { post_duty: 5, service_day: 5, need: 5, case: 3, volunteer_shift: 3, school_lesson: 2 },
    noShowPenalty: 10,
    capPerActivity: 60,
    capPerDay: 100,
    thresholds: { excellent: 200, qualified: 80, basic: 30 },
  },
};

export async function currentServiceRules(db: Db): Promise<ServiceRulesView> {
  const [row] = await db.select().from(memberServiceRules).orderBy(desc(memberServiceRules.createdAt)).limit(1);
  if (!row) return DEFAULT_SERVICE_RULES;
  return {
    id: row.id,
    requiredHoursPerYear: row.requiredHoursPerYear,
    reportEveryMonths: row.reportEveryMonths,
    certificateValidDays: row.certificateValidDays,
    maxNoShowsForQualified: row.maxNoShowsForQualified,
    points: row.points,
  };
}
