import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/app.js';
import type { Database } from './db.js';
import { PROCESS_NAME } from './leader.js';
import { JOB_ERROR_MAX_CHARS, jobErrorMessage, recordJobOutcome, startPeriodic } from './periodic.js';
import { jobRuns } from './system.schema.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const row = async (name: string) => (await database.db.select().from(jobRuns).where(eq(jobRuns.name, name)))[0];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `task` once through startPeriodic (its first run is immediate) and waits for it to be recorded. */
async function runOnce(name: string, task: () => Promise<unknown>) {
  const logged: string[] = [];
  const stop = startPeriodic({
    db: database.db,
    log: { error: (_o, msg) => logged.push(msg ?? '') },
    everyMs: 3_600_000,
    name,
    task,
  });
  await stop();
  return logged;
}

describe('periodic jobs record how each run ended (job_runs)', () => {
  it('counts a failed run: its message, its duration, the failure count; the process is named', async () => {
    const logged = await runOnce('probe', async () => {
      await pause(40);
      throw new Error('connection refused');
    });
    expect(logged).toEqual(['probe failed']);
    const failed = await row('probe');
    expect(failed).toMatchObject({ runs: 1, failures: 1, lastOk: false, lastError: 'connection refused' });
    expect(failed.ranBy).toBe(PROCESS_NAME);
    expect(failed.lastDurationMs).toBeGreaterThanOrEqual(35);
    expect(failed.lastFailedAt).toBeInstanceOf(Date);
    // The start is the end less the duration, on the database's clock.
    const startedBefore = failed.lastRunAt.getTime() - (failed.lastStartedAt?.getTime() ?? 0);
    expect(startedBefore).toBeGreaterThanOrEqual(35);
  });

  it('a later success counts a run and keeps when and why it last failed', async () => {
    const before = await row('probe');
    await runOnce('probe', () => pause(5));
    const after = await row('probe');
    expect(after).toMatchObject({ runs: 2, failures: 1, lastOk: true, lastError: 'connection refused' });
    expect(after.lastFailedAt).toEqual(before.lastFailedAt);
    expect(after.lastDurationMs).toBeLessThan(before.lastDurationMs ?? 0);
  });

  it('a first run that fails creates the row; a non-Error is recorded by its text', async () => {
    await runOnce('thrown-text', () => Promise.reject('disk full'));
    expect(await row('thrown-text')).toMatchObject({ runs: 1, failures: 1, lastOk: false, lastError: 'disk full' });
  });

  it('keeps the message only, cut short: no stack, never a long statement', () => {
    const long = new Error(`insert into cases values ${'x'.repeat(5_000)}`);
    const message = jobErrorMessage(long);
    expect(message).toHaveLength(JOB_ERROR_MAX_CHARS);
    expect(message.endsWith('…')).toBe(true);
    expect(message).not.toContain('at ');
  });

  it('records the outcome of a claimed run without counting it again', async () => {
    await recordJobOutcome(database.db, 'probe', { ok: false, error: new Error('timeout'), durationMs: 12.4 });
    expect(await row('probe')).toMatchObject({
      runs: 2,
      failures: 2,
      lastOk: false,
      lastDurationMs: 12,
      lastError: 'timeout',
    });
  });
});
