import type { ListParams } from '../../../ui/useListParams';

/** The service days list's address-bar filters (`tab` picks list, calendar or units), and the years offered. */
export const DAY_FILTERS = ['year', 'month', 'communityId', 'status', 'kind', 'tab'] as const;
export type DayListParams = ListParams<(typeof DAY_FILTERS)[number]>;
export const DAY_YEARS = [2025, 2026, 2027];
