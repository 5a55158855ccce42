import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { TEST_CLOCK } from '../../test/clock.js';
import { startBackgroundWork } from '../background.js';
import { sessions } from '../modules/auth/auth.schema.js';
import { pruneEndedSessions } from '../modules/auth/auth.sessions.js';
import { notifications } from '../modules/notifications/notifications.schema.js';
import { setClock } from './clock.js';
import { loadConfig } from './config.js';
import { MAINTENANCE_JOB, maintainIfDue, tableSizes, vacuumBusyTables } from './maintenance.js';
import { jobRuns } from './system.schema.js';

let ctx: TestContext;
const night = { from: 2, to: 5 };
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});
afterEach(() => {
  setClock(TEST_CLOCK);
});

/** Every notification of the admin read again: one dead row version per row and round. */
async function rereadAll(): Promise<void> {
  await ctx.database.db.update(notifications).set({ readAt: sql`now()` });
}

async function jobRow() {
  const [row] = await ctx.database.db.select().from(jobRuns).where(eq(jobRuns.name, MAINTENANCE_JOB));
  return row;
}

describe('VACUUM (ANALYZE) of busy tables', () => {
  it('clears the dead rows of an updated table, and the next updates reuse its space instead of growing it', async () => {
    const db = ctx.database.db;
    const userId = ctx.world.users.admin.id;
    await db
      .insert(notifications)
      .values(
        Array.from({ length: 3000 }, (_, i) => ({ userId, kind: 'test', title: `通知 ${i}`, body: 'x'.repeat(80) })),
      );
    await rereadAll();
    await rereadAll();
    const done = await vacuumBusyTables(db);
    const bell = done.find((t) => t.table === 'notifications');
    expect(bell, JSON.stringify(done.map((t) => t.table))).toBeDefined();
    expect(bell?.before.deadRows).toBeGreaterThanOrEqual(3000);
    expect(bell?.after.deadRows).toBe(0);
    const vacuumedSize = bell?.after.tableBytes ?? 0;
    await rereadAll();
    await vacuumBusyTables(db, { only: ['notifications'] });
    await rereadAll();
    const size = (await tableSizes(db, ['notifications'])).get('notifications');
    expect(size?.tableBytes).toBeLessThanOrEqual(vacuumedSize);
  });
});

describe('the nightly maintenance', () => {
  it('runs only in the quiet hours (county time) and once a night, and records what it did in job_runs', async () => {
    setClock('2027-01-20T09:15:00+08:00', { frozen: true });
    expect(await maintainIfDue(ctx.database, { hours: night })).toBeNull();
    setClock('2027-01-21T02:10:00+08:00', { frozen: true });
    const first = await maintainIfDue(ctx.database, { hours: night });
    expect(first?.at).toBe(new Date('2027-01-21T02:10:00+08:00').toISOString());
    expect((await jobRow())?.lastResult).toMatchObject({ at: first?.at });
    setClock('2027-01-21T04:10:00+08:00', { frozen: true });
    expect(await maintainIfDue(ctx.database, { hours: night })).toBeNull();
    setClock('2027-01-22T01:59:00+08:00', { frozen: true });
    expect(await maintainIfDue(ctx.database, { hours: night })).toBeNull();
    setClock('2027-01-22T02:05:00+08:00', { frozen: true });
    expect((await maintainIfDue(ctx.database, { hours: night }))?.at).toBe(
      new Date('2027-01-22T02:05:00+08:00').toISOString(),
    );
  });

  it('prunes what it is given before the vacuum: sessions past their end', async () => {
    setClock('2027-01-01T00:30:00+08:00', { frozen: true });
    const cookie = await ctx.cookieFor('grid01');
    expect(cookie).toBeTruthy();
    const alive = await ctx.database.db.select({ id: sessions.id }).from(sessions);
    expect(alive.length).toBeGreaterThan(0);
    expect(await pruneEndedSessions(ctx.database.db)).toBe(0);
    setClock('2027-02-01T03:00:00+08:00', { frozen: true });
    const result = await maintainIfDue(ctx.database, { hours: night, prune: { endedSessions: pruneEndedSessions } });
    expect(result?.pruned.endedSessions).toBe(alive.length);
    expect(await ctx.database.db.select().from(sessions)).toEqual([]);
  });
});

describe('the background job', () => {
  it('is started on PGlite, checked at once and counted in job_runs; not started on PostgreSQL (autovacuum)', async () => {
    setClock('2027-03-01T03:30:00+08:00', { frozen: true });
    const config = { ...loadConfig({ NODE_ENV: 'test', MAINTENANCE_HOURS: '2-5' }), webDistDir: null };
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const stop = startBackgroundWork({ database: ctx.database, config, log: silent });
    try {
      // meetings-propose is started before it and counted at once on both databases.
      await expect
        .poll(async () => (await ctx.database.db.select().from(jobRuns)).length, { timeout: 15_000 })
        .toBeGreaterThan(1);
      if (ctx.database.kind === 'pglite') {
        await expect.poll(async () => (await jobRow())?.runs ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
        expect((await jobRow())?.lastResult).toMatchObject({ at: new Date('2027-03-01T03:30:00+08:00').toISOString() });
      } else {
        await expect
          .poll(
            async () =>
              (await ctx.database.db.select().from(jobRuns).where(eq(jobRuns.name, 'meetings-propose'))).length,
            { timeout: 15_000 },
          )
          .toBe(1);
        // The row the direct calls above wrote, never counted as a run of the job.
        expect((await jobRow())?.runs ?? 0).toBe(0);
      }
    } finally {
      await stop();
    }
  });
});
