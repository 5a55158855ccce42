import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayOfYear,
  daysElapsed,
  daysInYear,
  expectedMinutesBy,
  isAtRisk,
  paceOf,
  yearShortfall,
} from './pace.rules.js';

/** A real day of `year`, built from its day number (so every generated day exists). */
function dayAt(year: number, n: number): string {
  return new Date(Date.UTC(year, 0, n)).toISOString().slice(0, 10);
}

const arbYear = fc.integer({ min: 2000, max: 2100 });
const arbDay = arbYear.chain((year) =>
  fc.integer({ min: 1, max: daysInYear(year) }).map((n) => ({ year, n, day: dayAt(year, n) })),
);

describe('pace arithmetic', () => {
  it('counts days of the year with leap years', () => {
    expect(dayOfYear('2027-01-01')).toBe(1);
    expect(dayOfYear('2028-02-29')).toBe(60);
    expect(dayOfYear('2028-03-01')).toBe(61);
    expect(dayOfYear('2027-03-01')).toBe(60);
    expect(dayOfYear('2027-12-31')).toBe(365);
    expect(dayOfYear('2028-12-31')).toBe(366);
    expect(daysInYear(2028)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
  });

  it('refuses what is not a day', () => {
    expect(() => dayOfYear('2027-02-29')).toThrow(RangeError);
    expect(() => dayOfYear('2027-13-01')).toThrow(RangeError);
    expect(() => dayOfYear('27-01-01')).toThrow(RangeError);
  });

  it('expects nothing on 1 January: nobody is at risk for a new year', () => {
    expect(expectedMinutesBy('2027-01-01', 20)).toBe(0);
    expect(isAtRisk(0, '2027-01-01', 20)).toBe(false);
    // The day before, the old year's expectation is nearly the whole requirement.
    expect(expectedMinutesBy('2026-12-31', 20)).toBe(Math.floor((1200 * 364) / 365));
    expect(isAtRisk(1100, '2026-12-31', 20)).toBe(true);
  });

  it('on 29 February counts 59 days gone of 366', () => {
    expect(daysElapsed('2028-02-29')).toBe(59);
    expect(expectedMinutesBy('2028-02-29', 20)).toBe(Math.floor((1200 * 59) / 366)); // 193
    expect(expectedMinutesBy('2028-03-01', 20)).toBe(Math.floor((1200 * 60) / 366)); // 196
    // In a common year 1 March has 59 days gone of 365.
    expect(expectedMinutesBy('2027-03-01', 20)).toBe(Math.floor((1200 * 59) / 365)); // 193
    expect(isAtRisk(193, '2028-02-29', 20)).toBe(false);
    expect(isAtRisk(192, '2028-02-29', 20)).toBe(true);
  });

  it('half way through a year expects about half', () => {
    // 2 July 2027 is day 183: 182 days gone.
    expect(expectedMinutesBy('2027-07-02', 20)).toBe(Math.floor((1200 * 182) / 365));
    expect(expectedMinutesBy('2027-07-02', 50)).toBe(Math.floor((3000 * 182) / 365));
  });

  it('paceOf reports the shortfall and the share gone', () => {
    const p = paceOf(60, '2027-07-02', 20);
    expect(p.expectedMinutes).toBe(598);
    expect(p.shortfallMinutes).toBe(538);
    expect(p.atRisk).toBe(true);
    expect(p.requiredMinutes).toBe(1200);
    expect(p.yearElapsed).toBeCloseTo(182 / 365);
    expect(paceOf(2000, '2027-07-02', 20)).toMatchObject({ atRisk: false, shortfallMinutes: 0 });
  });

  it("last year's shortfall is what the whole year left owing", () => {
    expect(yearShortfall(900, 20)).toBe(300);
    expect(yearShortfall(1300, 20)).toBe(0);
  });

  it('the expectation never decreases within a year and stays below the requirement', () => {
    fc.assert(
      fc.property(arbDay, fc.integer({ min: 1, max: 100 }), ({ year, n, day }, hours) => {
        const e = expectedMinutesBy(day, hours);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThan(hours * 60);
        if (n < daysInYear(year)) expect(expectedMinutesBy(dayAt(year, n + 1), hours)).toBeGreaterThanOrEqual(e);
      }),
    );
  });

  it('across a year boundary the expectation falls back to zero', () => {
    fc.assert(
      fc.property(arbYear, fc.integer({ min: 1, max: 100 }), (year, hours) => {
        const last = `${year}-12-31`;
        const first = `${year + 1}-01-01`;
        expect(daysElapsed(last)).toBe(daysInYear(year) - 1);
        expect(expectedMinutesBy(first, hours)).toBe(0);
        expect(expectedMinutesBy(last, hours)).toBeGreaterThan(0);
      }),
    );
  });

  it('at risk exactly when below the expectation, and more minutes never make it worse', () => {
    fc.assert(
      fc.property(arbDay, fc.nat(3000), fc.nat(600), ({ day }, minutes, more) => {
        const p = paceOf(minutes, day, 20);
        expect(p.atRisk).toBe(minutes < p.expectedMinutes);
        expect(p.shortfallMinutes).toBe(Math.max(0, p.expectedMinutes - minutes));
        if (!p.atRisk) expect(isAtRisk(minutes + more, day, 20)).toBe(false);
      }),
    );
  });
});
