import { describe, expect, it } from 'vitest';
import { DEFAULT_VOLUNTEER_RULES } from '../volunteers.enums.js';
import { blockedUntil } from './activities.block.js';
import { signupOpenAt, timesInOrder } from './activities.time.js';

const H = 3_600_000;
const DAY = 24 * H;
const t0 = Date.parse('2026-12-07T02:00:00Z');
const times = (o: Partial<Record<'opens' | 'closes' | 'starts' | 'ends' | 'cancel', number>> = {}) => ({
  signupOpensAt: new Date(t0 + (o.opens ?? 0) * H),
  signupClosesAt: new Date(t0 + (o.closes ?? 10) * H),
  startsAt: new Date(t0 + (o.starts ?? 12) * H),
  endsAt: new Date(t0 + (o.ends ?? 14) * H),
  cancelDeadlineAt: new Date(t0 + (o.cancel ?? 11) * H),
});

describe('activity times', () => {
  it('accepts opens ≤ closes ≤ start < end ≤ start + 24 h with the deadline no later than the start', () => {
    expect(timesInOrder(times())).toBe(true);
    expect(timesInOrder(times({ closes: 12, cancel: 12, ends: 36 }))).toBe(true);
    expect(timesInOrder(times({ opens: 11 }))).toBe(false);
    expect(timesInOrder(times({ closes: 13 }))).toBe(false);
    expect(timesInOrder(times({ ends: 12 }))).toBe(false);
    expect(timesInOrder(times({ ends: 36.01 }))).toBe(false);
    expect(timesInOrder(times({ cancel: 12.01 }))).toBe(false);
  });

  it('the window includes both ends', () => {
    const t = times();
    expect(signupOpenAt(t, t.signupOpensAt)).toBe(true);
    expect(signupOpenAt(t, t.signupClosesAt)).toBe(true);
    expect(signupOpenAt(t, new Date(t.signupClosesAt.getTime() + 1))).toBe(false);
    expect(signupOpenAt(t, new Date(t.signupOpensAt.getTime() - 1))).toBe(false);
  });
});

describe('the no-show block', () => {
  const now = new Date(t0);
  const ago = (days: number) => new Date(t0 - days * DAY);
  const rules = DEFAULT_VOLUNTEER_RULES; // 2 no-shows in 180 days: 30 days after the last

  it('blocks after enough no-shows in the window until the last + blockDays', () => {
    expect(blockedUntil([ago(100), ago(10)], rules, now)).toEqual({ until: new Date(t0 + 20 * DAY), count: 2 });
    expect(blockedUntil([ago(10)], rules, now)).toBeNull();
    expect(blockedUntil([ago(181), ago(10)], rules, now)).toBeNull(); // the first fell out of the window
    expect(blockedUntil([ago(100), ago(30)], rules, now)).toBeNull(); // served: the block ended now
    expect(blockedUntil([ago(100), ago(29)], rules, now)?.count).toBe(2);
    expect(blockedUntil([ago(5), ago(10)], { ...rules, blockAfterNoShows: 0 }, now)).toBeNull();
    expect(blockedUntil([ago(5), ago(10), ago(20)], { ...rules, blockAfterNoShows: 3 }, now)?.until).toEqual(
      new Date(t0 + 25 * DAY),
    );
  });
});
