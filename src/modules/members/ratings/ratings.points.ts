/**
 * Points and the suggested quarterly grade (issue 13 item 4): pure arithmetic, no database and no clock, so the
 * ratings, the unit's sheet, the demo and the tests compute the same answer.
 *
 * Points of a quarter:
 * - each service record earns min(perHour × hours + perActivity[kind], capPerActivity);
 * - the records of one county day together earn at most capPerDay;
 * - each commendation adds its points; each no-show costs noShowPenalty;
 * - the total is never below 0 (a quarter of no-shows is 0 points, not a debt carried into the next), and is rounded
 *   to a whole point only at the end (so a quarter's minutes are not rounded record by record).
 *
 * The suggested grade is the grade of the points by the thresholds, then capped ("at most"):
 * - not reported (no approved 双报到 within reportEveryMonths before the quarter's end) → at most 基本合格: the local
 *   rule that refuses 合格 without reporting;
 * - more no-shows than maxNoShowsForQualified → at most 基本合格;
 * - the year's hours below the pro-rata pace of the yearly requirement on the quarter's last day → at most 合格
 *   (优秀 needs the hours on pace as well as the points).
 */
import type { ServiceRecordKind } from '../../ledger/ledger.enums.js';
import { RATING_GRADES, type RatingGrade } from './ratings.enums.js';
import type { PointsRules } from './ratings.schema.js';

export interface PointsRecord {
  kind: ServiceRecordKind | string;
  minutes: number;
  /** The county day the service started on. */
  day: string;
}

export interface PointsInput {
  records: readonly PointsRecord[];
  /** The points of each commendation in the quarter (or their sum, as one number). */
  commendations: readonly number[];
  noShows: number;
}

export interface PointsBreakdown {
  /** What the records earned after both caps. */
  earned: number;
  commended: number;
  penalty: number;
  /** max(0, earned + commended − penalty), rounded. */
  points: number;
}

/** One record's points: hours and the kind's bonus, at most capPerActivity. */
export function recordPoints(r: PointsRecord, rules: PointsRules): number {
  const raw = (rules.perHour * r.minutes) / 60 + (rules.perActivity[r.kind] ?? 0);
  return Math.min(Math.max(0, raw), rules.capPerActivity);
}

export function quarterPoints(input: PointsInput, rules: PointsRules): PointsBreakdown {
  const byDay = new Map<string, number>();
  for (const r of input.records) byDay.set(r.day, (byDay.get(r.day) ?? 0) + recordPoints(r, rules));
  let earned = 0;
  for (const dayTotal of byDay.values()) earned += Math.min(dayTotal, rules.capPerDay);
  const commended = input.commendations.reduce((a, b) => a + b, 0);
  const penalty = rules.noShowPenalty * input.noShows;
  return { earned, commended, penalty, points: Math.max(0, Math.round(earned + commended - penalty)) };
}

/** The grade the points reach by the thresholds alone. */
export function gradeByPoints(points: number, t: PointsRules['thresholds']): RatingGrade {
  if (points >= t.excellent) return 'excellent';
  if (points >= t.qualified) return 'qualified';
  if (points >= t.basic) return 'basic';
  return 'unqualified';
}

/** The worse of two grades (RATING_GRADES is ordered best first). */
export function worseGrade(a: RatingGrade, b: RatingGrade): RatingGrade {
  return RATING_GRADES.indexOf(a) >= RATING_GRADES.indexOf(b) ? a : b;
}

export interface GradeFacts {
  points: number;
  reported: boolean;
  noShows: number;
  /** Below the pro-rata pace on the quarter's last day (members/pace). */
  belowPace: boolean;
}

export const GRADE_CAPS = ['not_reported', 'no_shows', 'below_pace'] as const;
export type GradeCap = (typeof GRADE_CAPS)[number];

export interface Suggestion {
  grade: RatingGrade;
  /** The caps that lowered the grade the points reached. */
  cappedBy: GradeCap[];
}

export function suggestGrade(
  facts: GradeFacts,
  rules: { maxNoShowsForQualified: number; points: Pick<PointsRules, 'thresholds'> },
): Suggestion {
  const byPoints = gradeByPoints(facts.points, rules.points.thresholds);
  const caps: [GradeCap, boolean, RatingGrade][] = [
    ['not_reported', !facts.reported, 'basic'],
    ['no_shows', facts.noShows > rules.maxNoShowsForQualified, 'basic'],
    ['below_pace', facts.belowPace, 'qualified'],
  ];
  let grade = byPoints;
  const cappedBy: GradeCap[] = [];
  // A cap is named when it applies and the points alone reached better than it allows.
  for (const [name, applies, most] of caps) {
    if (!applies || worseGrade(byPoints, most) === byPoints) continue;
    cappedBy.push(name);
    grade = worseGrade(grade, most);
  }
  return { grade, cappedBy };
}

/** A member who has not reported cannot be confirmed 合格 or 优秀 (whoever chooses the grade). */
export function gradeAllowed(grade: RatingGrade, reported: boolean): boolean {
  return reported || grade === 'basic' || grade === 'unqualified';
}

export type RulesProblem =
  | 'rules_negative'
  | 'rules_negative_cap'
  | 'rules_thresholds_order'
  | 'rules_hours_range'
  | 'rules_report_months'
  | 'rules_unknown_kind';

export interface RulesNumbers {
  requiredHoursPerYear: number;
  reportEveryMonths: number;
  certificateValidDays: number;
  maxNoShowsForQualified: number;
  points: PointsRules;
}

/** Why a rule set cannot be stored (the first problem found), or null. Kinds must be ledger kinds. */
export function rulesProblem(
  r: RulesNumbers,
  kinds: readonly string[],
): { reason: RulesProblem; field: string } | null {
  const p = r.points;
  if (p.capPerActivity < 0) return { reason: 'rules_negative_cap', field: 'points.capPerActivity' };
  if (p.capPerDay < 0) return { reason: 'rules_negative_cap', field: 'points.capPerDay' };
  const plain: [string, number][] = [
    ['certificateValidDays', r.certificateValidDays],
    ['maxNoShowsForQualified', r.maxNoShowsForQualified],
    ['points.perHour', p.perHour],
    ['points.noShowPenalty', p.noShowPenalty],
    ...Object.entries(p.thresholds).map(([k, v]): [string, number] => [`points.thresholds.${k}`, v]),
    ...Object.entries(p.perActivity).map(([k, v]): [string, number] => [`points.perActivity.${k}`, v]),
  ];
  const negative = plain.find(([, v]) => v < 0);
  if (negative) return { reason: 'rules_negative', field: negative[0] };
  const unknown = Object.keys(p.perActivity).find((k) => !kinds.includes(k));
  if (unknown) return { reason: 'rules_unknown_kind', field: `points.perActivity.${unknown}` };
  const t = p.thresholds;
  if (!(t.excellent >= t.qualified && t.qualified >= t.basic))
    return { reason: 'rules_thresholds_order', field: 'points.thresholds' };
  if (r.requiredHoursPerYear < 1 || r.requiredHoursPerYear > 200)
    return { reason: 'rules_hours_range', field: 'requiredHoursPerYear' };
  if (r.reportEveryMonths < 1 || r.reportEveryMonths > 12)
    return { reason: 'rules_report_months', field: 'reportEveryMonths' };
  return null;
}
