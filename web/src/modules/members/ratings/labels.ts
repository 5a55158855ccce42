import type { RatingGrade } from './api';

/** Each grade's tag colour (best first, as RATING_GRADES); the names are `ratings.grades.<grade>`. */
export const GRADE_COLOURS: Record<RatingGrade, string> = {
  excellent: 'red',
  qualified: 'green',
  basic: 'gold',
  unqualified: 'default',
};

/** Whole minutes as hours with one decimal. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** 合格 and better need 双报到 (the server refuses them otherwise: RATING_GRADE_NOT_ALLOWED). */
export const gradeAllowed = (grade: RatingGrade, reported: boolean) =>
  reported || grade === 'basic' || grade === 'unqualified';
