import { describe, expect, it } from 'vitest';
import { backgroundJobs, scheduleOf } from './background.jobs.js';
import { loadConfig } from './core/config.js';
import { MAINTENANCE_JOB } from './core/maintenance.js';
import { SWEEP_JOB } from './modules/cases/dispatch/sweep.js';
import { JOB_NAMES } from './modules/operations/operations.enums.js';

const config = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env });
const offOf = (jobs: ReturnType<typeof backgroundJobs>) => Object.fromEntries(jobs.map((j) => [j.name, j.off]));

describe('the registry of background jobs (src/background.jobs.ts)', () => {
  it('names the jobs that name their own runs in job_runs (the sweep’s claim, the maintenance)', () => {
    expect(JOB_NAMES).toContain(SWEEP_JOB);
    expect(JOB_NAMES).toContain(MAINTENANCE_JOB);
  });

  it('says which jobs run on PGlite and which on PostgreSQL', () => {
    expect(offOf(backgroundJobs(config(), 'pglite'))).toEqual({
      'case-sweep': null,
      'meetings-propose': null,
      backup: null,
      vacuum: null,
      'case-stats-fold': 'database',
      'rate-limit-prune': 'database',
      'post-activities-sweep': null,
      'service-reminders': null,
      'volunteer-sweep': null,
    });
    expect(offOf(backgroundJobs(config(), 'postgres'))).toMatchObject({ vacuum: 'database', 'case-stats-fold': null });
  });

  it('turns the backup and the maintenance off by their settings', () => {
    const off = offOf(backgroundJobs(config({ BACKUP_EVERY_HOURS: '0', MAINTENANCE_HOURS: 'off' }), 'pglite'));
    expect(off).toMatchObject({ backup: 'setting', vacuum: 'setting' });
  });

  it('gives background.ts the intervals the page measures lateness by', () => {
    expect(scheduleOf(config(), 'case-sweep')).toEqual({ name: 'case-sweep', everyMs: 60_000 });
    // The backup looks hourly, or more often when backups are due more often than hourly.
    expect(scheduleOf(config({ BACKUP_EVERY_HOURS: '24' }), 'backup').everyMs).toBe(3_600_000);
    expect(scheduleOf(config({ BACKUP_EVERY_HOURS: '0.5' }), 'backup').everyMs).toBe(1_800_000);
    expect(backgroundJobs(config(), 'pglite').find((j) => j.name === 'backup')?.firstRunAfterMs).toBe(300_000);
  });
});
