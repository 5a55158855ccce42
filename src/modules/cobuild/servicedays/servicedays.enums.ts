/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const SERVICE_DAY_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const CHECKIN_METHODS = ['qr', 'staff'] as const;
