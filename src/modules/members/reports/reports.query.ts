import { and, eq, gt, inArray, lte, max, type SQL } from 'drizzle-orm';
import { addDays, formatLocalIso, localInstant, SHANGHAI_OFFSET_MS } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { currentServiceRules } from '../rules.js';
import { memberReports } from './reports.schema.js';

/**
 * Whether a member counts as reported (双报到 done) at an instant: their latest approved application was decided
 * within the last `reportEveryMonths` months (member_service_rules; 6 by default). Months are the county's calendar
 * months: decided on 31 August, lapsed at the same wall-clock time on the last day of February (the day is clamped,
 * never carried into March). Read by the unreported list, the member's page, the scan page and the ratings: this file
 * is the one place the rule is written (reportedWindow, approvedWithin).
 */

/** The instant `months` calendar months before `at`, in the county's zone (day of month clamped). */
export function monthsBefore(at: Date, months: number): Date {
  return shiftMonths(at, -months);
}

/** The instant `months` calendar months after `at` (when a registration decided at `at` lapses). */
export function monthsAfter(at: Date, months: number): Date {
  return shiftMonths(at, months);
}

function shiftMonths(at: Date, months: number): Date {
  const local = formatLocalIso(at);
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7)) - 1 + months;
  const day = Number(local.slice(8, 10));
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const msOfDay = (at.getTime() + SHANGHAI_OFFSET_MS) % 86_400_000;
  return new Date(Date.UTC(y, m, Math.min(day, lastDay)) + msOfDay - SHANGHAI_OFFSET_MS);
}

/**
 * The decisions that make a member count as reported at `at`: an approved application decided after `at` less
 * `reportEveryMonths` months and at or before `at`. Read "on a day" (a quarter's last day) at endOfCountyDay: six
 * months before 31 March 23:59:59.999 is 30 September 23:59:59.999, so a report decided on 1 October counts and one of
 * 30 September does not.
 */
export function reportedWindow(at: Date, reportEveryMonths: number): { after: Date; through: Date } {
  return { after: monthsBefore(at, reportEveryMonths), through: at };
}

/** The last instant of a county day: the rule read "on" that day counts everything decided during it. */
export function endOfCountyDay(day: string): Date {
  return new Date(localInstant(addDays(day, 1)).getTime() - 1);
}

/** member_reports rows that make their member count as reported at `at` (the ratings join their member lists on it). */
export function approvedWithin(at: Date, reportEveryMonths: number): SQL {
  const w = reportedWindow(at, reportEveryMonths);
  return and(
    eq(memberReports.state, 'approved'),
    gt(memberReports.decidedAt, w.after),
    lte(memberReports.decidedAt, w.through),
  ) as SQL;
}

export interface ReportStatus {
  reported: boolean;
  /** When the latest approved application was decided (null: never reported). */
  lastReportedAt: Date | null;
  /** When that registration lapses (or lapsed): lastReportedAt + reportEveryMonths. */
  renewBy: Date | null;
}

/** The latest approved decision per member: a subquery to join on `memberId` (e.g. the ratings' member lists). */
export function lastReportedSubquery(db: Db) {
  return db
    .select({ memberId: memberReports.memberId, lastReportedAt: max(memberReports.decidedAt).as('last_reported_at') })
    .from(memberReports)
    .where(eq(memberReports.state, 'approved'))
    .groupBy(memberReports.memberId)
    .as('last_reported');
}

/** The report status of each member at `at`, from decisions up to `at` (every id given gets an entry). */
export async function reportStatusOf(db: Db, memberIds: string[], at: Date): Promise<Map<string, ReportStatus>> {
  const { reportEveryMonths } = await currentServiceRules(db);
  const ids = [...new Set(memberIds)];
  const rows = ids.length
    ? await db
        .select({ memberId: memberReports.memberId, last: max(memberReports.decidedAt) })
        .from(memberReports)
        .where(
          and(
            eq(memberReports.state, 'approved'),
            inArray(memberReports.memberId, ids),
            lte(memberReports.decidedAt, at),
          ),
        )
        .groupBy(memberReports.memberId)
    : [];
  const last = new Map(rows.map((r) => [r.memberId, r.last]));
  const threshold = reportedWindow(at, reportEveryMonths).after;
  return new Map(
    ids.map((id) => {
      const lastReportedAt = last.get(id) ?? null;
      return [
        id,
        {
          reported: !!lastReportedAt && lastReportedAt > threshold,
          lastReportedAt,
          renewBy: lastReportedAt ? monthsAfter(lastReportedAt, reportEveryMonths) : null,
        },
      ];
    }),
  );
}
