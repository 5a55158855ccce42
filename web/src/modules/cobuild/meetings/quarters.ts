import dayjs from 'dayjs';
import { countyWallClock } from '../../../ui/clock';

/** The county's current quarter (1-4) and the years the meetings pages offer: next year, this year, the two before. */
export const currentQuarter = () => Math.floor(dayjs(countyWallClock()).month() / 3) + 1;
export const yearOptions = () => {
  const y = dayjs(countyWallClock()).year();
  return [y + 1, y, y - 1, y - 2].map((v) => ({ value: v, label: String(v) }));
};
