import { date, pgEnum, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../core/columns.js';
import { CALENDAR_DAY_KINDS } from './calendar.enums.js';

/** holiday: a weekday off (法定节假日); workday: a weekend day worked (调休上班). */
export const calendarDayKind = pgEnum('calendar_day_kind', CALENDAR_DAY_KINDS);

/** Exceptions to the Monday–Friday working week, per year; edited by the county admin. */
export const calendarDays = pgTable('calendar_days', {
  day: date('day').primaryKey(),
  year: smallint('year').notNull(),
  kind: calendarDayKind('kind').notNull(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
