/**
 * The registry of background jobs: every job src/background.ts starts, how often it runs, on which databases, and
 * what turns it off. background.ts takes each job's name and interval from here (`scheduleOf`), and the admins'
 * job-runs page lists the jobs from here (`backgroundJobs`, handed to modules/operations by src/app.ts), so a job
 * that never ran is listed as such, and a late one is measured against the interval it really runs at. A new job
 * adds its name to JOB_NAMES (modules/operations/operations.enums.ts; the web names it in its i18n files) and a row
 * here, and the compiler asks for both.
 */
import type { AppConfig } from './core/config.js';
import { FOLD_EVERY_MS } from './modules/cases/cases.service.js';
import {
  type BackgroundJob,
  type DatabaseKind,
  JOB_NAMES,
  type JobName,
} from './modules/operations/operations.contracts.js';

const HOUR_MS = 3_600_000;
const ANY_DATABASE = ['pglite', 'postgres'] as const;

/** The scheduled backup first looks a few minutes after start, so it never holds PGlite's connection while starting. */
export const BACKUP_FIRST_CHECK_MS = 5 * 60_000;

interface JobDefinition {
  everyMs: (config: AppConfig) => number;
  firstRunAfterMs?: number;
  databases: readonly DatabaseKind[];
  /** The setting that may turn the job off (absent: always on where its database is). */
  enabled?: (config: AppConfig) => boolean;
}

const JOBS: Record<JobName, JobDefinition> = {
  // 督办: due-soon warnings, overdue escalation, closing unrated cases (each tick claimed in job_runs).
  'case-sweep': { everyMs: () => 60_000, databases: ANY_DATABASE },
  // 党建联席会: each community's meeting of the quarter, proposed when the quarter begins.
  'meetings-propose': { everyMs: () => HOUR_MS, databases: ANY_DATABASE },
  // Checked hourly (or every BACKUP_EVERY_HOURS if shorter), taken when the newest backup is that old.
  backup: {
    everyMs: (c) => Math.min(c.backupEveryHours * HOUR_MS, HOUR_MS),
    firstRunAfterMs: BACKUP_FIRST_CHECK_MS,
    databases: ANY_DATABASE,
    enabled: (c) => c.backupEveryHours > 0,
  },
  // PGlite has no autovacuum: VACUUM (ANALYZE) of the busy tables once a night in MAINTENANCE_HOURS, checked hourly.
  vacuum: { everyMs: () => HOUR_MS, databases: ['pglite'], enabled: (c) => c.maintenanceHours !== null },
  // New cases' statistics from case_stats_pending into case_stats (PGlite writes case_stats at once).
  'case-stats-fold': { everyMs: () => FOLD_EVERY_MS, databases: ['postgres'] },
  // The shared rate-limit counters' ended windows (PGlite counts in memory).
  'rate-limit-prune': { everyMs: () => 60_000, databases: ['postgres'] },
  // 岗位活动: no-shows marked and members still checked in checked out (their service records) once an activity ended.
  'post-activities-sweep': { everyMs: () => 5 * 60_000, databases: ANY_DATABASE },
  // 志愿服务: once an activity is over, missing check-outs closed at its end (flagged) and no-shows marked (penalty).
  'volunteer-sweep': { everyMs: () => 60_000, databases: ANY_DATABASE },
  // 20小时进度: members behind the pace at the start of the month are reminded once that month (checked hourly).
  'service-reminders': { everyMs: () => HOUR_MS, databases: ANY_DATABASE },
};

/** A job's name and interval, as background.ts starts it. */
export function scheduleOf(config: AppConfig, name: JobName): { name: JobName; everyMs: number } {
  return { name, everyMs: JOBS[name].everyMs(config) };
}

/** Every job, in JOB_NAMES' order, and whether this server (its database kind and settings) runs it. */
export function backgroundJobs(config: AppConfig, database: DatabaseKind): BackgroundJob[] {
  return JOB_NAMES.map((name) => {
    const job = JOBS[name];
    const off = !job.databases.includes(database) ? 'database' : job.enabled?.(config) === false ? 'setting' : null;
    return {
      name,
      everyMs: job.everyMs(config),
      firstRunAfterMs: job.firstRunAfterMs ?? 0,
      databases: job.databases,
      off,
    };
  });
}
