import type { RatingGrade } from './ratings.enums.js';

/**
 * The grades as printed on the unit's sheet (Excel, PDF) and in notifications, which are stored in the county's
 * language (core/i18n NOTIFICATION_LOCALE); the web has its own strings.
 */
export const GRADE_ZH: Record<RatingGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};
