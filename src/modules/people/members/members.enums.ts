/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const MEMBER_KINDS = ['in_service', 'mobile', 'retired', 'ordinary'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
