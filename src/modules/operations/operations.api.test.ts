import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { startPeriodic } from '../../core/periodic.js';
import { jobRuns } from '../../core/system.schema.js';
import { JOB_NAMES, type JobRun, type JobRunList } from './operations.contracts.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function get(as?: string) {
  const headers = as ? { cookie: await ctx.cookieFor(as) } : {};
  return ctx.app.inject({ method: 'GET', url: '/api/job-runs', headers });
}

async function jobs(): Promise<Record<string, JobRun>> {
  const res = await get('admin');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<JobRunList>();
  return Object.fromEntries(body.items.map((j) => [j.name, j]));
}

describe('GET /api/job-runs (后台任务)', () => {
  it('is the county admin’s: a community admin is refused, an anonymous caller must log in', async () => {
    expect((await get('admin')).statusCode).toBe(200);
    expect((await get('hangdong')).statusCode).toBe(403);
    expect((await get('grid01')).statusCode).toBe(403);
    expect((await get()).statusCode).toBe(401);
  });

  it('lists every job of the registry, one that never ran included, with the database it answers for', async () => {
    const body = (await get('admin')).json<JobRunList>();
    expect(body.items.map((j) => j.name)).toEqual([...JOB_NAMES]);
    expect(body.database).toBe(ctx.database.kind);
    expect(Math.abs(Date.parse(body.checkedAt) - Date.now())).toBeLessThan(60_000);
    const byName = await jobs();
    expect(byName['meetings-propose']).toMatchObject({ state: 'never_run', runs: 0, failures: 0, lastRunAt: null });
    expect(byName['meetings-propose'].everyMs).toBe(3_600_000);
    // Tests run with BACKUP_EVERY_HOURS=0: the backup is off by its setting.
    expect(byName.backup).toMatchObject({ state: 'off', offReason: 'setting' });
    // The fold runs on PostgreSQL only.
    const fold = byName['case-stats-fold'];
    if (ctx.database.kind === 'pglite') expect(fold).toMatchObject({ state: 'off', offReason: 'database' });
    else expect(fold).toMatchObject({ state: 'never_run', offReason: null });
  });

  it('shows a failing periodic task as failing, with its message, duration and the process that ran it', async () => {
    const stop = startPeriodic({
      db: ctx.database.db,
      log: { error: () => undefined },
      everyMs: 3_600_000,
      name: 'meetings-propose',
      task: async () => {
        await new Promise((r) => setTimeout(r, 30));
        throw new Error('relation "joint_meetings" is locked');
      },
    });
    await stop();
    const job = (await jobs())['meetings-propose'];
    expect(job).toMatchObject({
      state: 'failing',
      lastOk: false,
      runs: 1,
      failures: 1,
      lastError: 'relation "joint_meetings" is locked',
    });
    expect(job.lastDurationMs).toBeGreaterThanOrEqual(25);
    expect(job.ranBy).toMatch(/:\d+$/);
    expect(job.lastFailedAt).not.toBeNull();
    expect(Date.parse(job.lastRunAt ?? '') - Date.parse(job.lastStartedAt ?? '')).toBeGreaterThanOrEqual(25);
  });

  it('shows a job late when its last run is older than three of its intervals, ok when recent', async () => {
    const ranAgo = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;
    await ctx.database.db
      .insert(jobRuns)
      .values({ name: 'case-sweep', lastRunAt: ranAgo(10), runs: 7, lastOk: true })
      .onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: ranAgo(10), lastOk: true } });
    expect((await jobs())['case-sweep']).toMatchObject({ state: 'late', runs: 7 });
    await ctx.database.db
      .update(jobRuns)
      .set({ lastRunAt: ranAgo(1) })
      .where(sql`${jobRuns.name} = 'case-sweep'`);
    expect((await jobs())['case-sweep'].state).toBe('ok');
  });

  it('ignores job_runs rows of jobs the registry does not have', async () => {
    await ctx.database.db.insert(jobRuns).values({ name: 'retired-job', lastRunAt: sql`now()`, runs: 1 });
    const body = (await get('admin')).json<JobRunList>();
    expect(body.items.some((j) => (j.name as string) === 'retired-job')).toBe(false);
  });
});
