import { describe, expect, it } from 'vitest';
import { endOfCountyDay, monthsAfter, monthsBefore, reportedWindow } from './reports.query.js';

const at = (local: string) => new Date(`${local}+08:00`);

describe('the reporting rule (one, for the ratings, the unreported list, the member page and the scan page)', () => {
  it('counts calendar months back in the county zone, the day clamped to the month end, the time kept', () => {
    expect(monthsBefore(at('2027-03-31T10:00:00'), 6)).toEqual(at('2026-09-30T10:00:00'));
    expect(monthsBefore(at('2028-08-31T23:59:59.999'), 6)).toEqual(at('2028-02-29T23:59:59.999'));
    expect(monthsBefore(at('2027-01-15T00:30:00'), 12)).toEqual(at('2026-01-15T00:30:00'));
    expect(monthsAfter(at('2027-08-31T09:00:00'), 6)).toEqual(at('2028-02-29T09:00:00'));
  });

  it("read on a day (a quarter's last day), counts what was decided after the same day six months back", () => {
    const w = reportedWindow(endOfCountyDay('2027-03-31'), 6);
    expect(w).toEqual({ after: at('2026-09-30T23:59:59.999'), through: at('2027-03-31T23:59:59.999') });
    const counts = (decided: string) => at(decided) > w.after && at(decided) <= w.through;
    expect(counts('2026-10-01T00:00:00')).toBe(true);
    expect(counts('2026-09-30T18:00:00')).toBe(false);
    expect(counts('2027-03-31T23:30:00')).toBe(true);
    expect(counts('2027-04-01T00:00:00')).toBe(false);
    expect(reportedWindow(endOfCountyDay('2026-12-31'), 6).after).toEqual(at('2026-06-30T23:59:59.999'));
  });
});
