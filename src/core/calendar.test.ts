import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarException,
  DEFAULT_WORK_PERIODS,
  formatLocalIso,
  isCalendarDay,
  limitToWorkingMinutes,
  localDayOf,
  localInstant,
  weekdayOf,
  WorkCalendar,
} from './calendar.js';

const holidays = (...days: string[]): CalendarException[] => days.map((day) => ({ day, kind: 'holiday' }));
const workdays = (...days: string[]): CalendarException[] => days.map((day) => ({ day, kind: 'workday' }));

/** China's official 2026 schedule (国办 2025-11-04), written out here independently of calendar.defaults.ts. */
const CHINA_2026: CalendarException[] = [
  ...holidays('2026-01-01', '2026-01-02'),
  ...workdays('2026-01-04'),
  ...holidays('2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'),
  ...workdays('2026-02-14', '2026-02-28'),
  ...holidays('2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05'),
  ...workdays('2026-05-09'),
  ...holidays('2026-06-19', '2026-09-25'),
  ...holidays('2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'),
  ...workdays('2026-09-20', '2026-10-10'),
];

const cal = new WorkCalendar(CHINA_2026);
const plain = new WorkCalendar();
const at = (day: string, time: string) => localInstant(day, time);
const add = (day: string, time: string, minutes: number, c = cal) =>
  formatLocalIso(c.addWorkingMinutes(at(day, time), minutes));

describe('local days and formatting (fixed +08:00)', () => {
  it('places instants on the Shanghai day, not the UTC day', () => {
    expect(localDayOf(new Date('2026-01-04T16:30:00Z'))).toBe('2026-01-05');
    expect(localDayOf(new Date('2026-01-04T15:59:59Z'))).toBe('2026-01-04');
    expect(formatLocalIso(new Date('2026-01-05T01:00:00Z'))).toBe('2026-01-05T09:00:00+08:00');
    expect(formatLocalIso(new Date('2026-01-05T01:00:00.250Z'))).toBe('2026-01-05T09:00:00.250+08:00');
    expect(at('2026-01-05', '09:00').toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('knows weekdays and rejects days that do not exist', () => {
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(0);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '0099-01-01', '2026-01-05T00:00'])
      expect(isCalendarDay(bad)).toBe(false);
  });
});

describe('WorkCalendar.isWorkingDay', () => {
  it('works Monday–Friday, not on holidays, and on make-up weekend days', () => {
    expect(cal.isWorkingDay('2026-01-05')).toBe(true);
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
    expect(cal.isWorkingDay('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay(new Date('2026-09-19T16:00:00Z'))).toBe(true); // Sunday 2026-09-20 00:00 local
  });

  it('ignores exceptions that change nothing (a holiday on a Sunday, a workday on a Tuesday)', () => {
    const c = new WorkCalendar([...holidays('2026-01-11'), ...workdays('2026-01-06')]);
    expect(c.isWorkingDay('2026-01-11')).toBe(false);
    expect(c.isWorkingDay('2026-01-06')).toBe(true);
    expect(c.workingDaysBetween('2026-01-05', '2026-01-12')).toBe(5);
  });

  it('counts working days in a range: October 2026 has 18 (22 weekdays − 5 holidays + 1 make-up Saturday)', () => {
    expect(cal.workingDaysBetween('2026-10-01', '2026-11-01')).toBe(18);
    expect(cal.workingDaysBetween('2026-01-01', '2027-01-01')).toBe(261 - 19 + 6);
    expect(cal.workingDaysBetween('2026-11-01', '2026-10-01')).toBe(0);
  });
});

describe('WorkCalendar.addWorkingMinutes within and around a day', () => {
  it('skips the lunch break: 11:30 + 1 h is 15:00', () => {
    expect(add('2026-01-05', '11:30', 60)).toBe('2026-01-05T15:00:00+08:00');
    expect(add('2026-01-05', '11:59', 1)).toBe('2026-01-05T12:00:00+08:00');
    expect(add('2026-01-05', '11:59', 2)).toBe('2026-01-05T14:31:00+08:00');
  });

  it('ends exactly at a period end when the minutes fit exactly, never at the next start', () => {
    expect(add('2026-01-05', '08:00', 240)).toBe('2026-01-05T12:00:00+08:00');
    expect(add('2026-01-05', '08:00', 241)).toBe('2026-01-05T14:31:00+08:00');
    expect(add('2026-01-05', '08:00', 420)).toBe('2026-01-05T17:30:00+08:00');
    expect(add('2026-01-05', '08:00', 421)).toBe('2026-01-06T08:01:00+08:00');
  });

  it('starts counting at the next period when started before 08:00, during lunch or after 17:30', () => {
    expect(add('2026-01-05', '06:10', 30)).toBe('2026-01-05T08:30:00+08:00');
    expect(add('2026-01-05', '12:45', 30)).toBe('2026-01-05T15:00:00+08:00');
    expect(add('2026-01-05', '12:00', 30)).toBe('2026-01-05T15:00:00+08:00');
    expect(add('2026-01-05', '17:30', 30)).toBe('2026-01-06T08:30:00+08:00');
    expect(add('2026-01-05', '23:59', 30)).toBe('2026-01-06T08:30:00+08:00');
  });

  it('adding 0 returns the start inside working time, otherwise the next period start', () => {
    expect(add('2026-01-05', '09:17', 0)).toBe('2026-01-05T09:17:00+08:00');
    expect(add('2026-01-05', '08:00', 0)).toBe('2026-01-05T08:00:00+08:00');
    expect(add('2026-01-05', '12:00', 0)).toBe('2026-01-05T14:30:00+08:00');
    expect(add('2026-01-05', '17:30', 0)).toBe('2026-01-06T08:00:00+08:00');
    expect(add('2026-01-10', '10:00', 0)).toBe('2026-01-12T08:00:00+08:00');
    expect(formatLocalIso(cal.nextWorkingInstant(at('2026-09-30', '18:00')))).toBe('2026-10-08T08:00:00+08:00');
  });

  it('keeps seconds and milliseconds of the start', () => {
    const start = new Date(at('2026-01-05', '11:59').getTime() + 30_500);
    expect(cal.addWorkingMinutes(start, 1).toISOString()).toBe('2026-01-05T06:30:30.500Z'); // 14:30:30.5 local
  });
});

describe('WorkCalendar.addWorkingMinutes over weekends, holidays and make-up days', () => {
  it('carries Friday afternoon into Monday', () => {
    expect(add('2026-01-09', '17:00', 60)).toBe('2026-01-12T08:30:00+08:00');
    expect(add('2026-01-10', '09:00', 60, plain)).toBe('2026-01-12T09:00:00+08:00');
  });

  it('jumps the 2026 National Day week (Oct 1–7) and works the make-up Saturday Oct 10', () => {
    expect(add('2026-09-30', '16:30', 120)).toBe('2026-10-08T09:00:00+08:00');
    expect(add('2026-10-09', '17:00', 60)).toBe('2026-10-10T08:30:00+08:00');
    expect(add('2026-10-10', '17:00', 60)).toBe('2026-10-12T08:30:00+08:00');
  });

  it('works the make-up Sunday Sep 20 and skips the Mid-Autumn Friday Sep 25', () => {
    expect(add('2026-09-19', '10:00', 60)).toBe('2026-09-20T09:00:00+08:00');
    expect(add('2026-09-24', '17:00', 60)).toBe('2026-09-28T08:30:00+08:00');
  });

  it('crosses the year boundary into 元旦 and its make-up Sunday', () => {
    expect(add('2025-12-31', '16:30', 120)).toBe('2026-01-04T09:00:00+08:00');
    expect(add('2025-12-31', '16:30', 120, plain)).toBe('2026-01-01T09:00:00+08:00');
    expect(cal.workingMinutesBetween(at('2025-12-31', '17:00'), at('2026-01-05', '08:30'))).toBe(30 + 420 + 30);
  });
});

describe('WorkCalendar.dueAt with the DESIGN limits', () => {
  it('urgent: 2 h response and 24 h resolution', () => {
    const start = at('2026-01-05', '09:00');
    expect(formatLocalIso(cal.dueAt(start, { hours: 2 }))).toBe('2026-01-05T11:00:00+08:00');
    expect(formatLocalIso(cal.dueAt(start, { hours: 24 }))).toBe('2026-01-08T12:00:00+08:00');
  });

  it('ordinary: 7 working days (49 working hours) lands at the same time of day 7 working days later', () => {
    const start = at('2026-01-05', '09:00');
    expect(formatLocalIso(cal.dueAt(start, { workingDays: 7 }))).toBe('2026-01-14T09:00:00+08:00');
    expect(cal.dueAt(start, { workingDays: 7 })).toEqual(cal.dueAt(start, { hours: 49 }));
  });

  it('complex: 15 working days, also across the Spring Festival with its two make-up Saturdays', () => {
    expect(formatLocalIso(cal.dueAt(at('2026-01-05', '09:00'), { workingDays: 15 }))).toBe('2026-01-26T09:00:00+08:00');
    expect(formatLocalIso(cal.dueAt(at('2026-02-13', '10:00'), { workingDays: 15 }))).toBe('2026-03-12T10:00:00+08:00');
    expect(formatLocalIso(cal.dueAt(at('2026-09-25', '10:00'), { workingDays: 15 }))).toBe('2026-10-22T17:30:00+08:00');
  });

  it('converts limits to working minutes: a working day is the calendar day length', () => {
    expect(limitToWorkingMinutes({ hours: 24 })).toBe(1440);
    expect(limitToWorkingMinutes({ workingDays: 7 })).toBe(49 * 60);
    expect(limitToWorkingMinutes({ workingDays: 1 }, 480)).toBe(480);
    expect(() => limitToWorkingMinutes({ hours: -1 })).toThrow(RangeError);
  });
});

describe('WorkCalendar.workingMinutesBetween', () => {
  it('counts only working time and is 0 when b ≤ a', () => {
    expect(cal.workingMinutesBetween(at('2026-01-05', '11:30'), at('2026-01-05', '15:00'))).toBe(60);
    expect(cal.workingMinutesBetween(at('2026-01-05', '12:10'), at('2026-01-05', '14:20'))).toBe(0);
    expect(cal.workingMinutesBetween(at('2026-01-09', '17:00'), at('2026-01-12', '08:30'))).toBe(60);
    expect(cal.workingMinutesBetween(at('2026-01-05', '15:00'), at('2026-01-05', '11:30'))).toBe(0);
    expect(cal.workingMinutesBetween(at('2026-09-30', '00:00'), at('2026-10-09', '00:00'))).toBe(2 * 420);
    expect(
      cal.workingMinutesBetween(at('2026-01-05', '08:00'), new Date(at('2026-01-05', '08:00').getTime() + 30_000)),
    ).toBe(0.5);
  });
});

describe('configuration and bad input', () => {
  it('takes other working periods', () => {
    const c = new WorkCalendar([], { periods: [{ start: '09:00', end: '17:00' }] });
    expect(c.minutesPerDay).toBe(480);
    expect(formatLocalIso(c.dueAt(at('2026-01-05', '09:00'), { workingDays: 1 }))).toBe('2026-01-05T17:00:00+08:00');
    expect(formatLocalIso(c.dueAt(at('2026-01-05', '10:00'), { workingDays: 1 }))).toBe('2026-01-06T10:00:00+08:00');
    expect(new WorkCalendar([], { periods: DEFAULT_WORK_PERIODS }).minutesPerDay).toBe(420);
  });

  it('rejects bad periods, duplicate days, negative or non-finite minutes and invalid dates', () => {
    expect(() => new WorkCalendar([], { periods: [] })).toThrow(RangeError);
    expect(() => new WorkCalendar([], { periods: [{ start: '12:00', end: '08:00' }] })).toThrow(RangeError);
    expect(
      () =>
        new WorkCalendar([], {
          periods: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
    ).toThrow(RangeError);
    expect(() => new WorkCalendar([], { periods: [{ start: '8:00', end: '12:00' }] })).toThrow(RangeError);
    expect(() => new WorkCalendar([...holidays('2026-10-01'), ...workdays('2026-10-01')])).toThrow(/twice/);
    expect(() => new WorkCalendar(holidays('2026-02-30'))).toThrow(RangeError);
    expect(() => cal.addWorkingMinutes(at('2026-01-05', '09:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingMinutes(at('2026-01-05', '09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingMinutes(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, checked against the rules restated independently and, for short spans, a minute-by-minute oracle.

const FROM = at('2025-11-01', '00:00').getTime();
const TO = at('2027-02-01', '00:00').getTime();
const wholeMinute = fc.integer({ min: 0, max: (TO - FROM) / 60_000 }).map((m) => new Date(FROM + m * 60_000));
const anyInstant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const insideWorkingTime = wholeMinute.map((d) => cal.nextWorkingInstant(d));
const minutes = fc.integer({ min: 0, max: 15 * 420 * 2 });

/** [t, t + 1 min) is working time, decided from first principles: local weekday, exceptions, 08:00–12:00 / 14:30–17:30. */
const off = new Set(CHINA_2026.filter((e) => e.kind === 'holiday').map((e) => e.day));
const on = new Set(CHINA_2026.filter((e) => e.kind === 'workday').map((e) => e.day));
function oracleWorkingMinute(ms: number): boolean {
  const local = new Date(ms + 8 * 3_600_000);
  const day = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  const working = on.has(day) || (weekday >= 1 && weekday <= 5 && !off.has(day));
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  return working && ((m >= 480 && m < 720) || (m >= 870 && m < 1050));
}
function oracleAdd(start: Date, n: number): number {
  let t = start.getTime();
  if (n === 0) {
    while (!oracleWorkingMinute(t)) t += 60_000;
    return t;
  }
  for (let done = 0; done < n; t += 60_000) if (oracleWorkingMinute(t)) done++;
  return t;
}

function isPeriodEnd(d: Date): boolean {
  const time = formatLocalIso(d).slice(11, 19);
  return (time === '12:00:00' || time === '17:30:00') && cal.isWorkingDay(d);
}

describe('properties', () => {
  it('agrees with a minute-by-minute oracle for spans up to three working days', () => {
    fc.assert(
      fc.property(wholeMinute, fc.integer({ min: 0, max: 3 * 420 }), (s, m) => {
        expect(cal.addWorkingMinutes(s, m).getTime()).toBe(oracleAdd(s, m));
      }),
      { numRuns: 300 },
    );
    // The oracle walks minute by minute: ~2 s alone, past 5 s when three unit suites share two cores (npm test).
  }, 30_000);

  it('workingMinutesBetween(s, addWorkingMinutes(s, m)) === m, from working time and from anywhere', () => {
    fc.assert(
      fc.property(
        insideWorkingTime,
        minutes,
        (s, m) => cal.workingMinutesBetween(s, cal.addWorkingMinutes(s, m)) === m,
      ),
    );
    fc.assert(
      fc.property(anyInstant, minutes, (s, m) => cal.workingMinutesBetween(s, cal.addWorkingMinutes(s, m)) === m),
    );
  });

  it('is monotonic: more minutes, or a later start, never gives an earlier due', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return cal.addWorkingMinutes(s, lo) <= cal.addWorkingMinutes(s, hi);
      }),
    );
    fc.assert(
      fc.property(anyInstant, anyInstant, minutes, (x, y, m) => {
        const [s1, s2] = x <= y ? [x, y] : [y, x];
        return cal.addWorkingMinutes(s1, m) <= cal.addWorkingMinutes(s2, m);
      }),
    );
  });

  it('a due is inside working time, or exactly at a period end, never elsewhere', () => {
    fc.assert(
      fc.property(anyInstant, minutes, (s, m) => {
        const due = cal.addWorkingMinutes(s, m);
        return cal.isWorkingTime(due) || (m > 0 && isPeriodEnd(due));
      }),
    );
  });

  // b ≥ 1: adding 0 is "the first working instant at or after" (nextWorkingInstant), so from a due that falls exactly
  // on a period's end it moves on to the next period's start — found by this property (2025-10-31T16:00Z + 6300 + 0).
  it('is additive: adding a then b (≥ 1) equals adding a + b', () => {
    fc.assert(
      fc.property(
        anyInstant,
        minutes,
        fc.integer({ min: 1, max: 15 * 420 * 2 }),
        (s, a, b) =>
          cal.addWorkingMinutes(cal.addWorkingMinutes(s, a), b).getTime() === cal.addWorkingMinutes(s, a + b).getTime(),
      ),
    );
  });

  it('workingMinutesBetween is additive over a split point and agrees with the oracle', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        // Compared in milliseconds: fractional minutes do not add exactly in floating point.
        const ms = (p: Date, q: Date) => Math.round(cal.workingMinutesBetween(p, q) * 60_000);
        return ms(a, b) + ms(b, c) === ms(a, c);
      }),
    );
    fc.assert(
      fc.property(wholeMinute, fc.integer({ min: 0, max: 4 * 24 * 60 }), (s, span) => {
        let n = 0;
        for (let t = s.getTime(); t < s.getTime() + span * 60_000; t += 60_000) if (oracleWorkingMinute(t)) n++;
        return cal.workingMinutesBetween(s, new Date(s.getTime() + span * 60_000)) === n;
      }),
      { numRuns: 200 },
    );
  });
});

describe('speed', () => {
  it('computes 20,000 fifteen-working-day dues well under a second (steps by periods, days and weeks)', () => {
    const t0 = performance.now();
    let last = 0;
    for (let i = 0; i < 20_000; i++) last = cal.dueAt(new Date(FROM + i * 1_234_567), { workingDays: 15 }).getTime();
    expect(last).toBeGreaterThan(FROM);
    expect(performance.now() - t0).toBeLessThan(1000);
    // A limit of years still finishes at once: whole weeks are skipped where no exception lies ahead.
    expect(cal.dueAt(at('2026-01-05', '09:00'), { workingDays: 250 * 40 }).getTime()).toBeGreaterThan(TO);
  });
});
