import { describe, expect, it } from 'vitest';
import type { MyPostActivity, MyServiceYear, PostAssignmentView, RatingView } from './api';
import { confirmedPosts, hoursOf, latestGraded, nextDuties, quarterCells, yearProgress } from './figures';

const quarter = (q: number, over: Partial<MyServiceYear['quarters'][number]> = {}) => ({
  quarter: q,
  begun: true,
  ended: true,
  points: 10 * q,
  minutes: 60 * q,
  noShows: 0,
  ...over,
});

const year = (over: Partial<MyServiceYear> = {}): MyServiceYear => ({
  memberId: '00000000-0000-4000-8000-000000000001',
  year: 2027,
  today: '2027-08-01',
  requiredHoursPerYear: 20,
  minutes: 600,
  expectedMinutes: 700,
  shortfallMinutes: 100,
  atRisk: true,
  yearElapsed: 0.58,
  points: 120,
  reported: true,
  quarters: [quarter(1), quarter(2), quarter(3, { ended: false }), quarter(4, { begun: false, ended: false })],
  ...over,
});

describe("a member's year on the home", () => {
  it('hours with one decimal', () => {
    expect(hoursOf(0)).toBe(0);
    expect(hoursOf(1051)).toBe(17.5);
    expect(hoursOf(59)).toBe(1);
    expect(hoursOf(1200)).toBe(20);
  });

  it('the share of the 20 hours, the pace and the shortfall', () => {
    expect(yearProgress(year())).toEqual({
      hours: 10,
      required: 20,
      percent: 50,
      expectedHours: 11.7,
      shortfallHours: 1.7,
      atRisk: true,
      done: false,
    });
  });

  it('never shows 100 % before the hours are done, and caps more than required at a full ring', () => {
    expect(yearProgress(year({ minutes: 1199 })).percent).toBe(99);
    const over = yearProgress(year({ minutes: 1500, atRisk: false, shortfallMinutes: 0 }));
    expect(over).toMatchObject({ percent: 100, done: true, atRisk: false });
  });

  it('a rule of 0 hours is done from the start (no division by zero)', () => {
    expect(yearProgress(year({ requiredHoursPerYear: 0, minutes: 0 }))).toMatchObject({ percent: 100, done: true });
  });

  it('quarters: points once begun, the current one marked', () => {
    const cells = quarterCells(year());
    expect(cells.map((c) => c.points)).toEqual([10, 20, 30, null]);
    expect(cells.map((c) => c.current)).toEqual([false, false, true, false]);
    expect(cells[1].hours).toBe(2);
  });
});

describe("a member's rating, posts and duties on the home", () => {
  const rating = (id: string, grade: RatingView['grade']) => ({ id, grade }) as RatingView;

  it('the latest confirmed rating: an open quarter (no grade yet) is skipped', () => {
    expect(latestGraded([rating('q4', null), rating('q3', 'qualified'), rating('q2', 'excellent')])?.id).toBe('q3');
    expect(latestGraded([rating('q4', null)])).toBeNull();
    expect(latestGraded(undefined)).toBeNull();
  });

  it('only the posts the member holds now', () => {
    const post = (id: string, state: PostAssignmentView['state']) => ({ id, state }) as PostAssignmentView;
    const held = confirmedPosts([post('a', 'suggested'), post('b', 'confirmed'), post('c', 'ended')]);
    expect(held.map((p) => p.id)).toEqual(['b']);
    expect(confirmedPosts(undefined)).toEqual([]);
  });

  it('next duties: signed up or checked in, scheduled, soonest first, at most the limit', () => {
    const duty = (id: string, startsAt: string, signup: string | null, state = 'scheduled') =>
      ({ id, startsAt, state, mySignup: signup ? { state: signup } : null }) as unknown as MyPostActivity;
    const items = [
      duty('later', '2027-08-03T01:00:00Z', 'signed_up'),
      duty('open', '2027-08-02T01:00:00Z', null),
      duty('now', '2027-08-01T01:00:00Z', 'checked_in'),
      duty('cancelled', '2027-08-01T02:00:00Z', 'signed_up', 'cancelled'),
      duty('missed', '2027-07-30T01:00:00Z', 'no_show'),
      duty('last', '2027-08-09T01:00:00Z', 'signed_up'),
    ];
    expect(nextDuties(items, 3).map((a) => a.id)).toEqual(['now', 'later', 'last']);
    expect(nextDuties(items, 1).map((a) => a.id)).toEqual(['now']);
    expect(nextDuties(undefined, 3)).toEqual([]);
  });
});
