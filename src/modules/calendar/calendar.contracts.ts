import { z } from 'zod';
import { ZIsoDate } from '../../core/contracts.js';
import { CALENDAR_DAY_KINDS } from './calendar.enums.js';

export { CALENDAR_DAY_KINDS } from './calendar.enums.js';
export const ZCalendarDayKind = z.enum(CALENDAR_DAY_KINDS);

/** Years the calendar can be edited for: wide enough for history and planning, narrow enough to catch typos. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

export const ZCalendarYearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .pipe(z.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR)),
});

export const ZCalendarDay = z.strictObject({
  day: ZIsoDate,
  kind: ZCalendarDayKind,
  /** The festival, e.g. 国庆节; a make-up workday carries the name of the holiday it pays for. */
  name: z.string().trim().min(1).max(50),
});
export type CalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYear = z.object({ year: z.number().int(), days: z.array(ZCalendarDay) });
export type CalendarYear = z.infer<typeof ZCalendarYear>;

/** Replaces every exception of the year; a year has at most 366 days. */
export const ZReplaceCalendarYear = z.strictObject({ days: z.array(ZCalendarDay).max(366) });
export type ReplaceCalendarYear = z.infer<typeof ZReplaceCalendarYear>;

/** A non-negative decimal in a query string ('' and 'Infinity' are not numbers here). */
const ZAmount = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number);

/** `?start=ISO&hours=N` or `?start=ISO&workingDays=N`: exactly one of the two. */
export const ZWorkingTimeQuery = z
  .strictObject({
    start: z.iso.datetime({ offset: true }),
    hours: ZAmount.pipe(z.number().max(10_000)).optional(),
    workingDays: ZAmount.pipe(z.number().max(1_000)).optional(),
  })
  .refine((q) => (q.hours === undefined) !== (q.workingDays === undefined), {
    message: 'give exactly one of hours or workingDays',
    path: ['hours'],
  });
export type WorkingTimeQuery = z.infer<typeof ZWorkingTimeQuery>;

/** The deadline as ISO 8601 with the county's offset, e.g. 2026-10-08T09:00:00+08:00. */
export const ZWorkingTimeResponse = z.object({ due: z.string() });
