import { count, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import type { CalendarDay } from './calendar.contracts.js';
import { calendarDays } from './calendar.schema.js';
import { CALENDAR_LOCK_KEY } from './calendar.service.js';

/**
 * China's official schedules (国务院办公厅关于2025年 / 2026年部分节假日安排的通知, 国办发明电〔2024〕12号 and the notice
 * of 2025-11-04). Only exceptions are listed: holidays that fall on a weekday and make-up workdays (调休上班) on a
 * weekend; a weekend inside a holiday break is a day off anyway. A make-up workday carries the holiday it pays for.
 */
const SCHEDULES: Record<number, { name: string; holidays: string[]; workdays: string[] }[]> = {
  2025: [
    { name: '元旦', holidays: ['01-01'], workdays: [] },
    { name: '春节', holidays: ['01-28', '01-29', '01-30', '01-31', '02-03', '02-04'], workdays: ['01-26', '02-08'] },
    { name: '清明节', holidays: ['04-04'], workdays: [] },
    { name: '劳动节', holidays: ['05-01', '05-02', '05-05'], workdays: ['04-27'] },
    { name: '端午节', holidays: ['06-02'], workdays: [] },
    // 2025: 中秋 (10-06) falls in the National Day break, announced as one 8-day holiday "国庆节、中秋节".
    {
      name: '国庆节、中秋节',
      holidays: ['10-01', '10-02', '10-03', '10-06', '10-07', '10-08'],
      workdays: ['09-28', '10-11'],
    },
  ],
  2026: [
    { name: '元旦', holidays: ['01-01', '01-02'], workdays: ['01-04'] },
    { name: '春节', holidays: ['02-16', '02-17', '02-18', '02-19', '02-20', '02-23'], workdays: ['02-14', '02-28'] },
    { name: '清明节', holidays: ['04-06'], workdays: [] },
    { name: '劳动节', holidays: ['05-01', '05-04', '05-05'], workdays: ['05-09'] },
    { name: '端午节', holidays: ['06-19'], workdays: [] },
    { name: '中秋节', holidays: ['09-25'], workdays: [] },
    { name: '国庆节', holidays: ['10-01', '10-02', '10-05', '10-06', '10-07'], workdays: ['09-20', '10-10'] },
  ],
};

/** The default exceptions of one year (empty for a year without an official schedule here), sorted by day. */
export function calendarDefaults(year: number): CalendarDay[] {
  const days = (SCHEDULES[year] ?? []).flatMap(({ name, holidays, workdays }) => [
    ...holidays.map((md) => ({ day: `${year}-${md}`, kind: 'holiday' as const, name })),
    ...workdays.map((md) => ({ day: `${year}-${md}`, kind: 'workday' as const, name })),
  ]);
  return days.sort((a, b) => a.day.localeCompare(b.day));
}

export const CALENDAR_DEFAULT_YEARS = Object.keys(SCHEDULES).map(Number);

/**
 * Inserts the 2025 and 2026 schedules when the calendar is empty; returns how many days it inserted (0 when the
 * county already keeps its own calendar). Safe to call from several starting processes at once.
 */
export async function seedCalendarDefaults(opts: { db: Db }): Promise<number> {
  const isEmpty = async (db: Db) => (await db.select({ n: count() }).from(calendarDays))[0].n === 0;
  if (!(await isEmpty(opts.db))) return 0;
  return opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK_KEY})`);
    if (!(await isEmpty(tx))) return 0;
    const rows = CALENDAR_DEFAULT_YEARS.flatMap((year) => calendarDefaults(year).map((d) => ({ ...d, year })));
    await tx.insert(calendarDays).values(rows);
    return rows.length;
  });
}
