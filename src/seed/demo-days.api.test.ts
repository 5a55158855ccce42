import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRollback, openDemoWorld } from '../../test/demo-world.js';
import { addDays } from '../core/calendar.js';
import type { Database } from '../core/db.js';
import { jointMeetings, meetingTasks } from '../modules/cobuild/meetings/meetings.schema.js';
import { serviceDays, serviceDaySignups } from '../modules/cobuild/servicedays/servicedays.schema.js';
import { seedDemoMeetings } from './cobuild-meetings.js';
import { seedDemoServiceDays } from './cobuild-servicedays.js';
import type { DemoData } from './demo.js';
import { demoTime } from './demo-types.js';

/**
 * The co-building demo is built for the day of the first start: whatever that day, this year's meetings and service
 * days are as one would see them then — nothing recorded after yesterday, past days held, one coming per community.
 */
const DAYS = ['2027-01-01', '2026-02-20', '2028-02-29', '2026-08-20', '2026-12-31'];

let database: Database;
let data: DemoData;

beforeAll(async () => {
  ({ database, data } = await openDemoWorld());
});
afterAll(async () => {
  await database?.close();
});

describe.each(DAYS)('the co-building demo first started on %s', (today) => {
  const time = demoTime(today);

  it('holds the meetings whose day has passed and has the next one coming in every community', async () => {
    const { meetings, tasks } = await inRollback(database, async (tx) => {
      await seedDemoMeetings(tx, data, time);
      return { meetings: await tx.select().from(jointMeetings), tasks: await tx.select().from(meetingTasks) };
    });
    for (const m of meetings) {
      expect(m.status === 'held', `${m.meetingDate} ${m.status}`).toBe(m.meetingDate < today);
      expect(m.createdAt <= time.now && m.updatedAt <= time.now, m.meetingDate).toBe(true);
    }
    const coming = meetings.filter((m) => m.status !== 'held');
    expect(coming).toHaveLength(11);
    expect(new Set(coming.map((m) => m.communityId)).size).toBe(11);
    expect(meetings.filter((m) => m.status === 'held').every((m) => m.year === time.year)).toBe(true);
    for (const t of tasks) {
      if (t.completedOn) expect(t.completedOn < today).toBe(true);
      expect(t.createdAt <= time.now).toBe(true);
    }
  });

  it("holds the service days already past and schedules each community's next one", async () => {
    const { days, signups } = await inRollback(database, async (tx) => {
      await seedDemoServiceDays(tx, data, time);
      return { days: await tx.select().from(serviceDays), signups: await tx.select().from(serviceDaySignups) };
    });
    for (const d of days) {
      expect(d.status === 'scheduled', `${d.date} ${d.status}`).toBe(d.date >= today);
      expect(d.createdAt <= time.now, d.date).toBe(true);
    }
    const scheduled = days.filter((d) => d.status === 'scheduled');
    expect(scheduled).toHaveLength(11);
    expect(scheduled.every((d) => d.date <= addDays(today, 75))).toBe(true);
    expect(signups.every((s) => s.createdAt <= time.now)).toBe(true);
  });
});
