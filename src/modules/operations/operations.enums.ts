/**
 * Value lists of the operations module (imports nothing: the contracts and the web read them). JOB_NAMES are the
 * background jobs src/background.ts starts, as their runs are named in job_runs; the registry that says how often
 * each runs and where is src/background.jobs.ts, and the web names and describes each in its i18n files.
 */
export const JOB_NAMES = [
  'case-sweep',
  'meetings-propose',
  'backup',
  'vacuum',
  'case-stats-fold',
  'rate-limit-prune',
  'service-reminders',
  'post-activities-sweep',
  'volunteer-sweep',
] as const;

/** The database kinds a job may run on (core/db.ts `Database.kind`). */
export const DATABASE_KINDS = ['pglite', 'postgres'] as const;

/**
 * A job's state on the job-runs page: `off` this server does not run it (another database kind, or a setting turned it
 * off); `never_run` it should run and has no run recorded; `failing` its last run failed; `late` no run for longer than
 * LATE_FACTOR of its interval; `ok` otherwise (operations.state.ts).
 */
export const JOB_STATES = ['ok', 'failing', 'late', 'never_run', 'off'] as const;

/** Why a job is off on this server. */
export const JOB_OFF_REASONS = ['database', 'setting'] as const;
