import dayjs, { type Dayjs } from 'dayjs';

/** Instants on the county's clock (Asia/Shanghai, UTC+8, no daylight saving), whatever the device's zone. */
const county = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();

/** "YYYY-MM-DD" (the county day). */
export const countyDay = (iso: string): string => county(iso).slice(0, 10);

/** "MM-DD HH:mm" for dense tables; "—" for none. */
export function countyShort(iso: string | null | undefined): string {
  return iso ? county(iso).slice(5, 16).replace('T', ' ') : '—';
}

/** "YYYY-MM-DD HH:mm". */
export function countyLong(iso: string | null | undefined): string {
  return iso ? county(iso).slice(0, 16).replace('T', ' ') : '—';
}

/** "09:00–11:00", with the end's day when it ends on another. */
export function timeRange(a: { startsAt: string; endsAt: string }): string {
  const end = countyDay(a.endsAt) === countyDay(a.startsAt) ? county(a.endsAt).slice(11, 16) : countyShort(a.endsAt);
  return `${county(a.startsAt).slice(11, 16)}–${end}`;
}

/** A county instant as a Dayjs whose local fields read the county's wall clock (for the pickers). */
export function wallClock(iso: string): Dayjs {
  return dayjs(county(iso).slice(0, 19));
}

/** A picker's wall-clock value as the county instant, for a request: "2027-03-12T09:00:00+08:00". */
export function instantOf(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** Minutes as "2 小时 5 分" (through the caller's t). */
export function hm(minutes: number): { h: number; m: number } {
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}
