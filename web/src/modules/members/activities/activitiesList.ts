import type { ListParams } from '../../../ui/useListParams';

/** The activities list's address-bar filters (`tab` picks list or week, `week` the Monday shown). */
export const ACTIVITY_FILTERS = ['communityId', 'state', 'from', 'to', 'tab', 'week'] as const;
export type ActivityListParams = ListParams<(typeof ACTIVITY_FILTERS)[number]>;

/** The Monday (YYYY-MM-DD) of the week containing a county day. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The county day `n` days after `day`. */
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
