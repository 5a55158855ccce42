import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../../core/calendar.js';
import {
  isInQuarter,
  previousQuarter,
  quarterDays,
  quarterOfDay,
  quarterOfInstant,
  suggestedMeetingDate,
} from './meetings.quarter.js';
import { isTaskOverdue } from './meetings.tasks.query.js';

describe('quarters of the joint meetings', () => {
  it("knows each quarter's first and last day", () => {
    expect(quarterDays({ year: 2026, quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDays({ year: 2028, quarter: 2 })).toEqual({ from: '2028-04-01', to: '2028-06-30' });
    expect(quarterDays({ year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOfDay('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
  });

  it('takes "today" in the county\'s zone: 2026-03-31 16:30 UTC is already Q2 in Guangze', () => {
    expect(quarterOfInstant(new Date('2026-03-31T16:30:00Z'))).toEqual({ year: 2026, quarter: 2 });
  });

  it('suggests a Wednesday in the middle month, staggered by community, always inside the quarter', () => {
    for (let quarter = 1; quarter <= 4; quarter++) {
      for (let offset = 0; offset < 11; offset++) {
        const day = suggestedMeetingDate({ year: 2026, quarter }, offset);
        expect(weekdayOf(day)).toBe(3);
        expect(isInQuarter(day, { year: 2026, quarter })).toBe(true);
      }
    }
    expect(suggestedMeetingDate({ year: 2026, quarter: 1 }, 0)).toBe('2026-02-04');
    expect(suggestedMeetingDate({ year: 2026, quarter: 1 }, 1)).toBe('2026-02-11');
  });

  it('a task is overdue once its deadline has passed and it is neither done nor cancelled', () => {
    expect(isTaskOverdue({ status: 'open', deadline: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isTaskOverdue({ status: 'in_progress', deadline: '2026-03-31' }, '2026-03-31')).toBe(false);
    expect(isTaskOverdue({ status: 'done', deadline: '2026-03-31' }, '2026-04-01')).toBe(false);
    expect(isTaskOverdue({ status: 'cancelled', deadline: '2026-03-31' }, '2026-04-01')).toBe(false);
  });
});
