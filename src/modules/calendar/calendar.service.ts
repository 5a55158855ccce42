import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { localDayOf, weekdayOf, WorkCalendar, type WorkCalendarOptions, type WorkLimit } from '../../core/calendar.js';
import type { Db } from '../../core/db.js';
import { AppError, type ErrorCode } from '../../core/errors.js';
import type { CalendarDay, CalendarYear } from './calendar.contracts.js';
import { calendarDays } from './calendar.schema.js';

/** Arbitrary but fixed: calendar writes (edits and the default seed) run one at a time across processes. */
export const CALENDAR_LOCK_KEY = 7_150_020_262;

async function readYear(db: Db, year: number): Promise<CalendarDay[]> {
  return db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(eq(calendarDays.year, year))
    .orderBy(asc(calendarDays.day));
}

export async function getCalendarYear(opts: { db: Db; year: number }): Promise<CalendarYear> {
  return { year: opts.year, days: await readYear(opts.db, opts.year) };
}

export interface CalendarProblem {
  path: string;
  code: ErrorCode;
  day: string;
}

/**
 * What is wrong with a year's exceptions, in input order: a day outside the year, a day listed twice, a make-up
 * workday that is not a weekend day, a holiday that is not a weekday (either would silently change nothing).
 */
export function calendarProblems(year: number, days: readonly Pick<CalendarDay, 'day' | 'kind'>[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const path = `/days/${i}/day`;
    if (!d.day.startsWith(`${year}-`)) problems.push({ path, code: 'CALENDAR_DAY_OUTSIDE_YEAR', day: d.day });
    else if (seen.has(d.day)) problems.push({ path, code: 'CALENDAR_DAY_DUPLICATE', day: d.day });
    else {
      const weekend = weekdayOf(d.day) % 6 === 0;
      if (d.kind === 'workday' && !weekend) problems.push({ path, code: 'CALENDAR_WORKDAY_NOT_WEEKEND', day: d.day });
      if (d.kind === 'holiday' && weekend) problems.push({ path, code: 'CALENDAR_HOLIDAY_NOT_WEEKDAY', day: d.day });
    }
    seen.add(d.day);
  });
  return problems;
}

/** The first problem names the error; all of them go in details so a form can mark every bad row at once. */
function assertValidYear(year: number, days: readonly CalendarDay[]): void {
  const problems = calendarProblems(year, days);
  if (problems.length > 0) throw new AppError(problems[0].code, { day: problems[0].day, year }, problems);
}

/** Replaces all of a year's exceptions in one transaction, audited with the year's list before and after. */
export async function replaceCalendarYear(opts: {
  db: Db;
  actor: Actor;
  year: number;
  days: CalendarDay[];
}): Promise<CalendarYear> {
  const { year } = opts;
  assertValidYear(year, opts.days);
  const days = [...opts.days].sort((a, b) => a.day.localeCompare(b.day));
  await opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK_KEY})`);
    const before = await readYear(tx, year);
    await tx.delete(calendarDays).where(eq(calendarDays.year, year));
    if (days.length > 0) await tx.insert(calendarDays).values(days.map((d) => ({ ...d, year })));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: String(year),
      before: { year, days: before },
      after: { year, days },
    });
  });
  return getCalendarYear({ db: opts.db, year });
}

/** A local day ('YYYY-MM-DD') or the local day of an instant. */
type DayBound = string | Date;
const dayOf = (d: DayBound): string => (typeof d === 'string' ? d : localDayOf(d));

/**
 * The work calendar with the exceptions stored for the local days [from, to] (either end open when omitted). Days
 * outside the range count as plain Monday–Friday weeks, so load a range that covers every clock you compute: from
 * the earliest start to a year past it is plenty for a 15-working-day limit.
 */
export async function loadWorkCalendar(opts: {
  db: Db;
  from?: DayBound;
  to?: DayBound;
  options?: WorkCalendarOptions;
}): Promise<WorkCalendar> {
  const rows = await opts.db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(
      and(
        opts.from === undefined ? undefined : gte(calendarDays.day, dayOf(opts.from)),
        opts.to === undefined ? undefined : lte(calendarDays.day, dayOf(opts.to)),
      ),
    );
  return new WorkCalendar(rows, opts.options);
}

/** When a limit counted from `start` runs out, on the stored calendar from the start's day onwards. */
export async function computeDue(opts: { db: Db; start: Date; limit: WorkLimit }): Promise<Date> {
  const calendar = await loadWorkCalendar({ db: opts.db, from: opts.start });
  return calendar.dueAt(opts.start, opts.limit);
}
