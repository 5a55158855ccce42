/** Value lists of points and quarterly ratings. This file imports nothing server-side, so the web app imports it as values. */

/** 优秀 / 合格 / 基本合格 / 不合格, best first. A member who never reported cannot be rated `qualified` or better. */
export const RATING_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];

/** Suggested from points, pace and no-shows; confirmed (in bulk) by the community. */
export const RATING_STATES = ['suggested', 'confirmed'] as const;
/** One appeal per rating: pending until the community keeps the grade or changes it. */
export const APPEAL_STATES = ['pending', 'upheld', 'revised'] as const;

export const QUARTERS = [1, 2, 3, 4] as const;
