import { describe, expect, it } from 'vitest';
import { addDays } from '../core/calendar.js';
import { buildDemo, createRng } from './demo.js';
import { buildDemoCases } from './demo-cases.js';
import { demoTime } from './demo-types.js';

/**
 * unit01's open whistles on any first day (the demo-cases API suite checks the login's list at one instant): a
 * fortnight of first days (every weekday, a weekend's Monday — the case that once had none: whistles reported on the
 * weekend were not yet dispatched), the days after the National Day holiday, after the Spring Festival and a 29
 * February. Building the cases is pure, ~50 ms a day.
 */
const fortnight = Array.from({ length: 14 }, (_, i) => addDays('2026-11-30', i));
const DAYS = [...fortnight, '2026-10-08', '2026-10-09', '2027-01-01', '2027-01-20', '2027-02-15', '2028-02-29'];

describe('unit01 in the demo', () => {
  const data = buildDemo(createRng(), 'x', demoTime('2026-12-07'));
  const unit01 = data.organisations.find((o) => o.code === 'U001')?.id;

  it.each(DAYS)('has a whistle dispatched and one acknowledged, and no 报到 overdue, first started on %s', (today) => {
    const time = demoTime(today);
    const built = buildDemoCases(data, time);
    const status = new Map(built.cases.map((c) => [c.id, c.status]));
    const own = built.dispatches.filter((d) => d.unitId === unit01).map((d) => status.get(d.caseId));
    expect(own).toContain('dispatched');
    expect(own).toContain('acknowledged');
    // A dispatch still waiting for its 报到 past its limit would take the whistle response rate off 100 %.
    const overdue = built.dispatches.filter((d) => d.status === 'pending' && d.responseDueAt <= time.now);
    expect(overdue).toEqual([]);
  });
});
