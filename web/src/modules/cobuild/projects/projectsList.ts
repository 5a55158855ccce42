import dayjs from 'dayjs';
import { countyWallClock } from '../../../ui/clock';
import type { ListParams } from '../../../ui/useListParams';

/** The projects list's address-bar filters, and the years a plan or list may be looked at in. */
export const PROJECT_FILTERS = ['view', 'year', 'communityId', 'unitId', 'domain', 'status', 'overdue'] as const;
export type ProjectListParams = ListParams<(typeof PROJECT_FILTERS)[number]>;

export const thisYear = () => dayjs(countyWallClock()).year();
export const yearOptions = () =>
  [thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: String(y), label: String(y) }));
