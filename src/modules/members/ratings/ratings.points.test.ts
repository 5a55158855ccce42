import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_RECORD_KINDS } from '../../ledger/ledger.enums.js';
import { DEFAULT_SERVICE_RULES } from '../rules.js';
import {
  gradeAllowed,
  gradeByPoints,
  type PointsRecord,
  quarterPoints,
  recordPoints,
  rulesProblem,
  suggestGrade,
} from './ratings.points.js';
import {
  nextQuarterFirstDay,
  quarterAsOf,
  quarterHasBegun,
  quarterHasEnded,
  quarterLastDay,
  quarterOfDay,
} from './quarters.js';
import type { PointsRules } from './ratings.schema.js';

const rules = DEFAULT_SERVICE_RULES.points;
const facts = { points: 500, reported: true, noShows: 0, belowPace: false };

const arbRecord: fc.Arbitrary<PointsRecord> = fc.record({
  kind: fc.constantFrom(...SERVICE_RECORD_KINDS),
  minutes: fc.integer({ min: 1, max: 24 * 60 }),
  day: fc.integer({ min: 1, max: 28 }).map((d) => `2027-02-${String(d).padStart(2, '0')}`),
});
const arbRules: fc.Arbitrary<PointsRules> = fc.record({
  perHour: fc.integer({ min: 0, max: 50 }),
  perActivity: fc.constant(rules.perActivity),
  noShowPenalty: fc.integer({ min: 0, max: 50 }),
  capPerActivity: fc.integer({ min: 0, max: 200 }),
  capPerDay: fc.integer({ min: 0, max: 400 }),
  thresholds: fc.constant(rules.thresholds),
});

describe('points of a quarter', () => {
  it('earn hours and the kind bonus per record, at most the cap per activity', () => {
    expect(recordPoints({ kind: 'post_duty', minutes: 120, day: '2027-01-05' }, rules)).toBe(25);
    expect(recordPoints({ kind: 'case', minutes: 30, day: '2027-01-05' }, rules)).toBe(8);
    // 8 h × 10 + 5 = 85 → capped at 60.
    expect(recordPoints({ kind: 'post_duty', minutes: 480, day: '2027-01-05' }, rules)).toBe(60);
  });

  it('cap a county day, add commendations, take no-shows, never go below zero', () => {
    const day = (d: string, minutes: number): PointsRecord => ({ kind: 'service_day', minutes, day: d });
    // Two 5-hour records on one day: 60 + 60 = 120 → capped at 100; another day 25.
    const records = [day('2027-01-05', 300), day('2027-01-05', 300), day('2027-01-06', 120)];
    expect(quarterPoints({ records, commendations: [10, 5], noShows: 1 }, rules)).toEqual({
      earned: 125,
      commended: 15,
      penalty: 10,
      points: 130,
    });
    expect(quarterPoints({ records: [], commendations: [], noShows: 3 }, rules).points).toBe(0);
  });

  it('never exceed the caps nor fall below zero, and more no-shows never add points (property)', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 40 }), arbRules, fc.nat(5), (records, r, noShows) => {
        const days = new Set(records.map((x) => x.day)).size;
        const { points, earned } = quarterPoints({ records, commendations: [], noShows }, r);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(earned).toBeLessThanOrEqual(days * r.capPerDay + 1e-9);
        expect(earned).toBeLessThanOrEqual(records.length * r.capPerActivity + 1e-9);
        const more = quarterPoints({ records, commendations: [], noShows: noShows + 1 }, r).points;
        expect(more).toBeLessThanOrEqual(points);
      }),
    );
  });
});

describe('the suggested grade', () => {
  it('follows the thresholds', () => {
    expect(gradeByPoints(200, rules.thresholds)).toBe('excellent');
    expect(gradeByPoints(199, rules.thresholds)).toBe('qualified');
    expect(gradeByPoints(30, rules.thresholds)).toBe('basic');
    expect(gradeByPoints(29, rules.thresholds)).toBe('unqualified');
  });

  it('is at most basic without reporting or with too many no-shows, at most qualified below pace', () => {
    const r = DEFAULT_SERVICE_RULES;
    expect(suggestGrade(facts, r)).toEqual({ grade: 'excellent', cappedBy: [] });
    expect(suggestGrade({ ...facts, reported: false }, r)).toEqual({ grade: 'basic', cappedBy: ['not_reported'] });
    expect(suggestGrade({ ...facts, noShows: 3 }, r)).toEqual({ grade: 'basic', cappedBy: ['no_shows'] });
    expect(suggestGrade({ ...facts, noShows: 2 }, r).grade).toBe('excellent');
    expect(suggestGrade({ ...facts, belowPace: true }, r)).toEqual({ grade: 'qualified', cappedBy: ['below_pace'] });
    // A cap that allows more than the points reached is not named.
    expect(suggestGrade({ ...facts, points: 10, reported: false }, r)).toEqual({
      grade: 'unqualified',
      cappedBy: [],
    });
  });

  it('never suggests qualified or better for a member who has not reported (property)', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(6), fc.boolean(), (points, noShows, belowPace) => {
        const s = suggestGrade({ points, reported: false, noShows, belowPace }, DEFAULT_SERVICE_RULES);
        expect(gradeAllowed(s.grade, false)).toBe(true);
      }),
    );
  });
});

describe('rule sets', () => {
  const valid = { ...DEFAULT_SERVICE_RULES };
  const kinds = SERVICE_RECORD_KINDS;
  it('accept the defaults and refuse negative caps, numbers, disordered thresholds and ranges', () => {
    expect(rulesProblem(valid, kinds)).toBeNull();
    const withPoints = (p: Partial<PointsRules>) => ({ ...valid, points: { ...valid.points, ...p } });
    expect(rulesProblem(withPoints({ capPerDay: -1 }), kinds)?.reason).toBe('rules_negative_cap');
    expect(rulesProblem(withPoints({ perHour: -1 }), kinds)?.reason).toBe('rules_negative');
    expect(rulesProblem(withPoints({ perActivity: { bogus: 1 } }), kinds)?.reason).toBe('rules_unknown_kind');
    expect(rulesProblem(withPoints({ thresholds: { excellent: 10, qualified: 20, basic: 5 } }), kinds)?.reason).toBe(
      'rules_thresholds_order',
    );
    expect(rulesProblem({ ...valid, requiredHoursPerYear: 201 }, kinds)?.reason).toBe('rules_hours_range');
    expect(rulesProblem({ ...valid, reportEveryMonths: 0 }, kinds)?.reason).toBe('rules_report_months');
  });
});

describe('quarters', () => {
  it('bound quarters across a year end and a leap day', () => {
    expect(quarterLastDay({ year: 2026, quarter: 4 })).toBe('2026-12-31');
    expect(nextQuarterFirstDay({ year: 2026, quarter: 4 })).toBe('2027-01-01');
    expect(quarterLastDay({ year: 2028, quarter: 1 })).toBe('2028-03-31');
    expect(quarterOfDay('2028-02-29')).toEqual({ year: 2028, quarter: 1 });
    // 2027-01-01: Q4 of 2026 has just ended, Q1 of 2027 has begun and not ended.
    expect(quarterHasEnded({ year: 2026, quarter: 4 }, '2027-01-01')).toBe(true);
    expect(quarterHasEnded({ year: 2027, quarter: 1 }, '2027-01-01')).toBe(false);
    expect(quarterHasBegun({ year: 2027, quarter: 1 }, '2027-01-01')).toBe(true);
    expect(quarterHasBegun({ year: 2027, quarter: 2 }, '2027-01-01')).toBe(false);
    expect(quarterAsOf({ year: 2028, quarter: 1 }, '2028-02-29')).toBe('2028-02-29');
    expect(quarterAsOf({ year: 2027, quarter: 4 }, '2028-02-29')).toBe('2027-12-31');
  });
});
