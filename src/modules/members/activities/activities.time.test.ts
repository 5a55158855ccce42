import { describe, expect, it } from 'vitest';
import {
  activityTimesProblem,
  checkinWindow,
  localLabel,
  servedSpan,
  signupState,
  sweptBefore,
} from './activities.time.js';

const t = (iso: string) => new Date(iso);
const activity = {
  startsAt: t('2027-01-01T09:00:00+08:00'),
  endsAt: t('2027-01-01T11:00:00+08:00'),
  state: 'scheduled' as const,
};

describe('the check-in window of a post activity', () => {
  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkinWindow(activity, t('2027-01-01T08:29:59+08:00'))).toBe('not_started');
    expect(checkinWindow(activity, t('2027-01-01T08:30:00+08:00'))).toBe('open');
    expect(checkinWindow(activity, t('2027-01-01T11:00:00+08:00'))).toBe('open');
    expect(checkinWindow(activity, t('2027-01-01T11:00:01+08:00'))).toBe('closed');
    expect(checkinWindow({ ...activity, state: 'cancelled' }, t('2027-01-01T09:30:00+08:00'))).toBe('cancelled');
  });

  it('names times in the county, across the UTC day', () => {
    expect(localLabel(t('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
  });
});

describe('the span a check-out counts', () => {
  it('starts no earlier than the start and ends no later than the end', () => {
    const early = servedSpan(activity, t('2027-01-01T08:40:00+08:00'), t('2027-01-01T12:00:00+08:00'));
    expect(early).toEqual({ startsAt: activity.startsAt, endsAt: activity.endsAt });
    const inside = servedSpan(activity, t('2027-01-01T09:15:00+08:00'), t('2027-01-01T10:00:00+08:00'));
    expect(inside).toEqual({ startsAt: t('2027-01-01T09:15:00+08:00'), endsAt: t('2027-01-01T10:00:00+08:00') });
  });

  it('refuses activities out of order or longer than a day', () => {
    expect(activityTimesProblem(activity.startsAt, activity.endsAt)).toBeNull();
    expect(activityTimesProblem(activity.endsAt, activity.startsAt)).toMatch(/after/);
    expect(activityTimesProblem(activity.startsAt, t('2027-01-02T09:01:00+08:00'))).toMatch(/24 hours/);
    expect(activityTimesProblem(t('2028-02-28T20:00:00+08:00'), t('2028-02-29T20:00:00+08:00'))).toBeNull();
  });
});

describe('where a sign-up stands', () => {
  it('reads no-show, checked out, checked in, signed up in that order', () => {
    const at = t('2027-01-01T09:00:00+08:00');
    expect(signupState({ checkedInAt: null, checkedOutAt: null, noShow: true })).toBe('no_show');
    expect(signupState({ checkedInAt: at, checkedOutAt: at, noShow: false })).toBe('checked_out');
    expect(signupState({ checkedInAt: at, checkedOutAt: null, noShow: false })).toBe('checked_in');
    expect(signupState({ checkedInAt: null, checkedOutAt: null, noShow: false })).toBe('signed_up');
  });

  it('sweeps activities over for 30 minutes', () => {
    expect(sweptBefore(t('2027-01-01T11:30:00+08:00'))).toEqual(activity.endsAt);
  });
});
