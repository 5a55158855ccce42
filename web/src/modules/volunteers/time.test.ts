import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { countyDay, countyLong, countyShort, hm, instantOf, timeRange, wallClock } from './time';

describe('volunteer times on the county clock (UTC+8), whatever the device zone', () => {
  it('reads an instant as the county day and wall clock', () => {
    // 23:30 UTC on the 6th is 07:30 on the 7th in the county.
    expect(countyDay('2026-12-06T23:30:00.000Z')).toBe('2026-12-07');
    expect(countyShort('2026-12-06T23:30:00.000Z')).toBe('12-07 07:30');
    expect(countyLong('2026-12-06T23:30:00.000Z')).toBe('2026-12-07 07:30');
    expect(countyShort(null)).toBe('—');
  });

  it('a range names the end day only when the activity ends on another day', () => {
    expect(timeRange({ startsAt: '2026-12-07T00:00:00Z', endsAt: '2026-12-07T03:00:00Z' })).toBe('08:00–11:00');
    expect(timeRange({ startsAt: '2026-12-07T12:00:00Z', endsAt: '2026-12-07T18:00:00Z' })).toBe('20:00–12-08 02:00');
  });

  it('a picker value goes out as the county instant and comes back the same', () => {
    const picked = dayjs('2027-03-12T09:05');
    expect(instantOf(picked)).toBe('2027-03-12T09:05:00+08:00');
    expect(wallClock(instantOf(picked)).format('YYYY-MM-DD HH:mm')).toBe('2027-03-12 09:05');
  });

  it('minutes as hours and minutes', () => {
    expect(hm(125)).toEqual({ h: 2, m: 5 });
    expect(hm(0)).toEqual({ h: 0, m: 0 });
  });
});
