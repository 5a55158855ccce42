/** Value lists of 双报到. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */

/** An application to report at the residence community: pending until the community approves or declines it. */
export const MEMBER_REPORT_STATES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type MemberReportState = (typeof MEMBER_REPORT_STATES)[number];

/** Why a 报到证 token is refused when scanned (each has its own error code). */
export const CERTIFICATE_REFUSALS = ['invalid', 'expired', 'revoked'] as const;
