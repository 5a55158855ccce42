import { describe, expect, it } from 'vitest';
import { demoTime } from './demo-types.js';

describe('demoTime', () => {
  it('covers a year of history up to yesterday, whatever the day', () => {
    expect(demoTime('2026-11-25')).toMatchObject({ year: 2026, lastDay: '2026-11-24', historyFrom: '2025-12-01' });
    expect(demoTime('2027-01-01')).toMatchObject({ year: 2027, lastDay: '2026-12-31', historyFrom: '2026-02-01' });
    expect(demoTime('2028-03-01')).toMatchObject({ year: 2028, lastDay: '2028-02-29', historyFrom: '2027-04-01' });
    const t = demoTime('2027-01-01');
    expect(t.now.toISOString()).toBe('2026-12-31T15:59:00.000Z');
    expect(t.createdAt < new Date(`${t.historyFrom}T00:00:00+08:00`)).toBe(true);
  });
});
