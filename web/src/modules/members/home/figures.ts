import type { MyPostActivity, MyServiceYear, PostAssignmentView, RatingView } from './api';

/**
 * What a Party member's own home shows, worked out once for the desktop card and the phone page: hours against the
 * yearly requirement, the pace, the quarters' points, the latest confirmed rating, the posts held, the next duties.
 */

/** Whole minutes as hours with one decimal. */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export interface YearProgress {
  hours: number;
  required: number;
  /** Share of the required hours done, 0–100 (capped: more than required is still a full ring). */
  percent: number;
  /** Hours the pro-rata share of the months gone asks for by today. */
  expectedHours: number;
  /** Hours behind that share (0 on pace). */
  shortfallHours: number;
  atRisk: boolean;
  /** The hours are done for the year. */
  done: boolean;
}

export function yearProgress(y: MyServiceYear): YearProgress {
  const requiredMinutes = y.requiredHoursPerYear * 60;
  const share = requiredMinutes > 0 ? y.minutes / requiredMinutes : 1;
  return {
    hours: hoursOf(y.minutes),
    required: y.requiredHoursPerYear,
    percent: Math.max(0, Math.min(100, Math.floor(share * 100))),
    expectedHours: hoursOf(y.expectedMinutes),
    shortfallHours: hoursOf(y.shortfallMinutes),
    atRisk: y.atRisk,
    done: y.minutes >= requiredMinutes,
  };
}

export interface QuarterCell {
  quarter: number;
  /** Null before the quarter has begun (nothing to show yet). */
  points: number | null;
  hours: number;
  noShows: number;
  current: boolean;
}

export function quarterCells(y: MyServiceYear): QuarterCell[] {
  return y.quarters.map((q) => ({
    quarter: q.quarter,
    points: q.begun ? q.points : null,
    hours: hoursOf(q.minutes),
    noShows: q.noShows,
    current: q.begun && !q.ended,
  }));
}

/** The latest rating the community confirmed (the list is latest first; an open quarter has no grade yet). */
export function latestGraded(items: readonly RatingView[] | undefined): RatingView | null {
  return items?.find((r) => r.grade !== null) ?? null;
}

/** The posts the member holds now (a suggestion not yet confirmed, or an ended one, is not theirs). */
export function confirmedPosts(items: readonly PostAssignmentView[] | undefined): PostAssignmentView[] {
  return items?.filter((p) => p.state === 'confirmed') ?? [];
}

const COMING = new Set(['signed_up', 'checked_in']);

/**
 * The member's next duties: scheduled activities they are signed up for or checked in at (not those they left or
 * missed), soonest first, at most `limit`.
 */
export function nextDuties(items: readonly MyPostActivity[] | undefined, limit: number): MyPostActivity[] {
  return (items ?? [])
    .filter((a) => a.state === 'scheduled' && a.mySignup !== null && COMING.has(a.mySignup.state))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, limit);
}
