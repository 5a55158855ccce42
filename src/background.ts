/**
 * The background work of a server process, started after it listens, in one process of however many share the
 * database: core/leader.ts elects it (an advisory lock on PostgreSQL; PGlite's one process always). Nothing here is the
 * only record of anything, and each job is safe if it ever runs twice: the lock is about doing the work once, not
 * about keeping it correct (docs/SCALING.md).
 */
import { BACKUP_FIRST_CHECK_MS, backgroundJobs, scheduleOf } from './background.jobs.js';
import { backupIfDue } from './core/backup/schedule.js';
import { type AppConfig, uploadsDir } from './core/config.js';
import type { Database } from './core/db.js';
import { pruneRateLimitHits } from './core/http/rate-limit-store.js';
import { lead, type LeaderLog } from './core/leader.js';
import { MAINTENANCE_JOB, maintainIfDue } from './core/maintenance.js';
import { startPeriodic } from './core/periodic.js';
import { clock } from './core/clock.js';
import { pruneEndedSessions } from './modules/auth/auth.sessions.js';
import { foldCaseStats, startCaseSweeper } from './modules/cases/cases.service.js';
import type { JobName } from './modules/operations/operations.contracts.js';
import { proposeCurrentQuarter } from './modules/cobuild/meetings/meetings.propose.js';
import { sweepPostActivities } from './modules/members/activities/activities.sweep.js';
import { sweepVolunteerActivities } from './modules/volunteers/presence/presence.sweep.js';
import { remindAtRiskMonthly } from './modules/members/pace/pace.service.js';

export interface BackgroundLog extends LeaderLog {
  error(obj: object, msg?: string): void;
}

/** Starts a job after `delayMs` (unless stopped before). */
function startLater(delayMs: number, start: () => () => Promise<void>): () => Promise<void> {
  let stop: (() => Promise<void>) | null = null;
  const timer = setTimeout(() => {
    stop = start();
  }, delayMs);
  timer.unref();
  return async () => {
    clearTimeout(timer);
    await stop?.();
  };
}

/** A job that runs one task at its registry interval, counted in job_runs under its name. */
function everyInterval(
  db: Database['db'],
  config: AppConfig,
  log: BackgroundLog,
  name: JobName,
  task: (db: Database['db']) => Promise<unknown>,
): () => Promise<void> {
  return startPeriodic({ db, log, ...scheduleOf(config, name), task });
}

/**
 * The jobs, started in the leading process; returns their stop function. Names, intervals and where each runs come
 * from the registry (background.jobs.ts), which the admins' job-runs page lists.
 */
/** The modules' periodic jobs that run everywhere, each claimed in job_runs per tick. */
function moduleJobs(db: Database['db'], config: AppConfig, log: BackgroundLog): (() => Promise<void>)[] {
  return [
    // 党建联席会: each community's meeting of the quarter is proposed when the quarter begins (idempotent by index).
    everyInterval(db, config, log, 'meetings-propose', (d) => proposeCurrentQuarter({ db: d })),
    // 20小时进度: the members behind at the start of the month get one reminder that month (idempotent per member).
    everyInterval(db, config, log, 'service-reminders', (d) => remindAtRiskMonthly({ db: d, today: clock.today() })),
    // 岗位活动: once an activity is over, no-shows are marked and members still in are checked out (idempotent).
    everyInterval(db, config, log, 'post-activities-sweep', (d) => sweepPostActivities({ db: d })),
    // 志愿服务: missing check-outs closed at the end and no-shows marked once an activity is over (idempotent).
    everyInterval(db, config, log, 'volunteer-sweep', (d) => sweepVolunteerActivities({ db: d })),
  ];
}

function startJobs(database: Database, config: AppConfig, log: BackgroundLog): () => Promise<void> {
  const db = database.db;
  const stoppers: (() => Promise<void>)[] = [];
  const registry = backgroundJobs(config, database.kind);
  const on = (name: JobName) => registry.some((job) => job.name === name && job.off === null);
  // 督办: due-soon warnings and overdue escalation; each tick is also claimed in job_runs ('case-sweep').
  const sweepEveryMs = scheduleOf(config, 'case-sweep').everyMs;
  stoppers.push(
    startCaseSweeper({ db, intervalMs: sweepEveryMs, log, ratingWorkingDays: config.caseRatingWorkingDays }),
  );
  stoppers.push(...moduleJobs(db, config, log));
  if (on('backup')) {
    // The backups a county restores from (docs/OPERATIONS.md); on PGlite only this process can read the database.
    const everyMs = config.backupEveryHours * 3_600_000;
    const opts = {
      backupDir: config.backupDir,
      uploadsDir: uploadsDir(config),
      keep: config.backupKeep,
      everyMs,
      // PostgreSQL writes on beside a backup; PGlite waits for it, so there the backup waits for the quiet hours.
      quietHours: database.kind === 'pglite' ? config.maintenanceHours : null,
    };
    // Checked hourly, taken when due: a restart neither skips a backup nor takes an extra one. The first check waits a
    // few minutes, so a backup never holds PGlite's one connection while a server is starting to answer.
    stoppers.push(
      startLater(BACKUP_FIRST_CHECK_MS, () =>
        startPeriodic({
          db,
          log,
          ...scheduleOf(config, 'backup'),
          task: () => backupIfDue(database, opts),
        }),
      ),
    );
  }
  const hours = config.maintenanceHours;
  if (on(MAINTENANCE_JOB) && hours) {
    // No autovacuum in PGlite: VACUUM (ANALYZE) of the busy tables once a night in the quiet hours, checked hourly
    // (core/maintenance.ts). PostgreSQL's autovacuum does this there.
    const prune = { endedSessions: pruneEndedSessions };
    const task = () => maintainIfDue(database, { hours, prune, log });
    stoppers.push(startPeriodic({ db, log, ...scheduleOf(config, MAINTENANCE_JOB), task }));
  }
  if (on('case-stats-fold')) {
    // New cases' statistics wait in case_stats_pending (readers count them there too) until folded in; PGlite writes
    // them to case_stats at once. case_stats_fold() is safe from several processes, but one is enough.
    stoppers.push(
      startPeriodic({
        db,
        log,
        ...scheduleOf(config, 'case-stats-fold'),
        task: (d) => foldCaseStats({ db: d }),
      }),
    );
  }
  if (on('rate-limit-prune')) {
    // The shared rate-limit counters' ended windows (PGlite counts in memory).
    stoppers.push(startPeriodic({ db, log, ...scheduleOf(config, 'rate-limit-prune'), task: pruneRateLimitHits }));
  }
  return async () => {
    await Promise.all(stoppers.map((stop) => stop()));
  };
}

/** Leads (or waits to lead) the background work; the returned function stops it and gives the lead up. */
export function startBackgroundWork(opts: {
  database: Database;
  config: AppConfig;
  log: BackgroundLog;
  /** How often a process that does not lead tries to (tests shorten it). */
  retryMs?: number;
}): () => Promise<void> {
  return lead(opts.database, {
    log: opts.log,
    retryMs: opts.retryMs,
    start: () => startJobs(opts.database, opts.config, opts.log),
  });
}
