import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { WorkCalendar } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { roleBindings } from '../../auth/auth.schema.js';
import { grids } from '../../grid/grid.schema.js';
import { notifyPeople, notifyUsers } from '../../notifications/notifications.service.js';
import { notificationTitle } from '../../../core/i18n.js';
import { PROCESS_NAME } from '../../../core/leader.js';
import { recordJobOutcome } from '../../../core/periodic.js';
import { jobRuns } from '../../../core/system.schema.js';
import { allCategories } from '../cases.categories.js';
import { workCalendar } from '../cases.clock.js';
import { ownerAbove } from '../intake/routing.js';
import { caseEvents, cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';
import { DEFAULT_CASE_RATING_WORKING_DAYS } from '../../../core/config.js';
import { closeUnrated } from '../resident/autoclose.js';

/**
 * 督办: the clock sweep. Every step claims its work through the database (a row lock skipped by other sweepers, and
 * a conditional UPDATE that re-checks the condition), so any number of app processes may sweep at once and each case
 * is warned once and supervised once. Time comes in as `now`, so tests sweep "next year" without waiting.
 */

/** States in which a clock still runs: a resolved or verified case has met its resolution clock already. */
export const SWEPT_STATES = [
  'reported',
  'accepted',
  'dispatched',
  'acknowledged',
  'in_progress',
  'returned',
  'reopened',
] as const;

/** "Due soon" = at most this share of a clock's limit (in working time) is left. */
export const DUE_SOON_SHARE = 0.25;

/** Cases handled per sweep and step: a backlog is worked off over several ticks instead of one long run. */
const MAX_PER_RUN = 500;

const SYSTEM_ACTOR = '督办（系统）';

export interface SweepResult {
  dueSoon: number;
  supervised: number;
  /** Overdue cases whose supervision failed (rolled back; retried next tick). */
  failed: number;
  /** Verified cases closed without a rating: their reporter's time to rate ran out (resident/autoclose.ts). */
  closedUnrated: number;
}

type Clock = 'response' | 'resolution';

export async function runCaseSweep(opts: {
  db: Db;
  now?: Date;
  max?: number;
  /** CASE_RATING_WORKING_DAYS (core/config.ts). */
  ratingWorkingDays?: number;
}): Promise<SweepResult> {
  const now = opts.now ?? clock.now();
  const max = opts.max ?? MAX_PER_RUN;
  // Overdue first: a case past its due time is supervised, never merely "due soon".
  const supervised = await superviseOverdue(opts.db, now, max);
  const dueSoon = await warnDueSoon(opts.db, now, max);
  const closedUnrated = await closeUnrated(
    opts.db,
    now,
    opts.ratingWorkingDays ?? DEFAULT_CASE_RATING_WORKING_DAYS,
    max,
  );
  return { dueSoon, supervised: supervised.done, failed: supervised.failed, closedUnrated };
}

/** Open, not merged into another case, not yet supervised. */
function sweepable(): SQL {
  return and(inArray(cases.status, [...SWEPT_STATES]), isNull(cases.mergedIntoId), isNull(cases.supervisedAt)) as SQL;
}

function overdueAt(now: Date): SQL {
  return and(
    sweepable(),
    or(
      and(isNull(cases.acknowledgedAt), lt(cases.responseDueAt, now)),
      and(isNull(cases.resolvedAt), lt(cases.resolutionDueAt, now)),
    ),
  ) as SQL;
}

// ---------------------------------------------------------------------------------------------------------------
// Overdue → supervised, escalated one grid level up

/**
 * One transaction per case: claim it (FOR UPDATE SKIP LOCKED, so a concurrent sweeper takes the next one; the outer
 * WHERE re-checks supervised_at, so a case committed by another sweeper meanwhile is not taken twice), escalate,
 * write the event, the audit row and the notifications. A case that fails is left unclaimed for the next tick.
 */
async function superviseOverdue(db: Db, now: Date, max: number): Promise<{ done: number; failed: number }> {
  const failed: string[] = [];
  let done = 0;
  while (done + failed.length < max) {
    const attempt = { id: null as string | null };
    try {
      const claimed = await db.transaction(async (tx) => {
        const next = tx
          .select({ id: cases.id })
          .from(cases)
          .where(and(overdueAt(now), failed.length ? notInArray(cases.id, failed) : undefined))
          .orderBy(asc(cases.resolutionDueAt))
          .limit(1)
          .for('update', { skipLocked: true });
        // `= (subquery)`, not `IN (subquery)`: a scalar subquery runs once, whereas the planner may rescan an IN
        // subquery per outer row (nested-loop semi join), and each rescan skips the row just locked — claiming them all.
        const [row] = await tx
          .update(cases)
          .set({ supervisedAt: now, escalationLevel: 1, updatedAt: now, version: sql`${cases.version} + 1` })
          .where(and(eq(cases.id, sql`(${next})`), isNull(cases.supervisedAt)))
          .returning();
        if (!row) return false;
        attempt.id = row.id;
        await escalate(tx, row, now);
        return true;
      });
      if (!claimed) break;
      done += 1;
    } catch (err) {
      // Rolled back, so still unclaimed: skip it for the rest of this run, retry it on the next tick.
      if (!attempt.id) throw err;
      failed.push(attempt.id);
    }
  }
  return { done, failed: failed.length };
}

type CaseRow = typeof cases.$inferSelect;

async function escalate(tx: Db, c: CaseRow, now: Date): Promise<void> {
  const clock: Clock = !c.acknowledgedAt && c.responseDueAt < now ? 'response' : 'resolution';
  const [grid] = await tx.select({ code: grids.code }).from(grids).where(eq(grids.id, c.gridId));
  const above = await ownerAbove(tx, grid.code, c.ownerPersonId, now);
  if (above) await tx.update(cases).set({ ownerPersonId: above.personId }).where(eq(cases.id, c.id));
  const change = {
    clock,
    dueAt: (clock === 'response' ? c.responseDueAt : c.resolutionDueAt).toISOString(),
    fromOwner: c.ownerPersonId,
    toOwner: above?.personId ?? c.ownerPersonId,
    toGridCode: above?.gridCode ?? null,
  };
  await tx.insert(caseEvents).values({
    caseId: c.id,
    at: now,
    actorName: SYSTEM_ACTOR,
    action: 'supervise',
    fromStatus: c.status,
    toStatus: c.status,
    data: change,
  });
  await recordAudit(tx, {
    actor: null,
    action: 'case.supervise',
    entityType: 'case',
    entityId: c.id,
    before: { ownerPersonId: c.ownerPersonId, escalationLevel: c.escalationLevel },
    after: { ...change, escalationLevel: 1 },
  });
  const draft = {
    kind: 'case.supervised',
    title: notificationTitle(`case_supervised_${clock}`, { number: c.number }),
    body: c.title,
    entityType: 'case',
    entityId: c.id,
    link: `/cases/${c.id}`,
  };
  await notifyPeople(tx, [c.ownerPersonId, above?.personId], draft);
  await notifyUsers(tx, await communityAdmins(tx, c.communityId), draft);
}

/** The owner's superiors: the users holding a community_admin binding on the case's community. */
async function communityAdmins(tx: Db, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: roleBindings.userId })
    .from(roleBindings)
    .where(and(eq(roleBindings.role, 'community_admin'), eq(roleBindings.scopeOrgId, communityId)));
  return rows.map((r) => r.userId);
}

// ---------------------------------------------------------------------------------------------------------------
// Due soon → one warning to the owner

/**
 * A clock is due soon when at most a quarter of its limit is left, both counted in working time on the work
 * calendar (a 24-working-hour response clock warns in its last 6 working hours; the limit is the working time from
 * the report to the due time, so recategorised cases and edited limits are measured by the clock they really run).
 * dueSoonNotifiedAt is one column for two clocks: the resolution clock may warn again once the case was
 * acknowledged after a response-clock warning (warned before acknowledged), never twice for the same clock.
 */
type ClockFields = Pick<
  CaseRow,
  'reportedAt' | 'responseDueAt' | 'resolutionDueAt' | 'acknowledgedAt' | 'resolvedAt' | 'dueSoonNotifiedAt'
>;

export function dueSoonClock(calendar: WorkCalendar, c: ClockFields, now: Date): Clock | null {
  const near = (due: Date) =>
    due > now &&
    calendar.workingMinutesBetween(now, due) <= DUE_SOON_SHARE * calendar.workingMinutesBetween(c.reportedAt, due);
  if (!c.acknowledgedAt && !c.dueSoonNotifiedAt && near(c.responseDueAt)) return 'response';
  const resolutionWarnable =
    !c.dueSoonNotifiedAt || (c.acknowledgedAt !== null && c.dueSoonNotifiedAt < c.acknowledgedAt);
  if (!c.resolvedAt && resolutionWarnable && near(c.resolutionDueAt)) return 'resolution';
  return null;
}

/** The SQL side of dueSoonClock's "not yet warned for this clock", re-checked by the claiming UPDATE. */
function unwarned(clock: Clock): SQL {
  return (
    clock === 'response'
      ? and(isNull(cases.acknowledgedAt), isNull(cases.dueSoonNotifiedAt))
      : and(
          isNull(cases.resolvedAt),
          or(
            isNull(cases.dueSoonNotifiedAt),
            and(isNotNull(cases.acknowledgedAt), lt(cases.dueSoonNotifiedAt, cases.acknowledgedAt)),
          ),
        )
  ) as SQL;
}

async function warnDueSoon(db: Db, now: Date, max: number): Promise<number> {
  const calendar = await workCalendar(db);
  // Candidates in SQL: a clock whose due time falls within a quarter of the longest limit from now (in working
  // time) — a superset of the exact rule, which is then applied per case in dueSoonClock.
  const longest = Math.max(
    24 * 60,
    ...(await allCategories(db)).map((c) => Math.max(c.responseMinutes ?? 0, c.resolutionMinutes ?? 0)),
  );
  const horizon = calendar.addWorkingMinutes(now, DUE_SOON_SHARE * longest);
  const candidates = await db
    .select()
    .from(cases)
    .where(
      and(
        sweepable(),
        or(
          and(unwarned('response'), gt(cases.responseDueAt, now), lte(cases.responseDueAt, horizon)),
          and(unwarned('resolution'), gt(cases.resolutionDueAt, now), lte(cases.resolutionDueAt, horizon)),
        ),
      ),
    )
    .orderBy(asc(cases.responseDueAt))
    .limit(max);
  let warned = 0;
  for (const c of candidates) {
    const clock = dueSoonClock(calendar, c, now);
    if (clock && (await warnOnce(db, c, clock, now))) warned += 1;
  }
  return warned;
}

/** Claims the warning with a conditional UPDATE (only one sweeper sees the row come back) and notifies with it. */
async function warnOnce(db: Db, c: CaseRow, clock: Clock, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(cases)
      .set({ dueSoonNotifiedAt: now })
      .where(and(eq(cases.id, c.id), sweepable(), unwarned(clock)))
      .returning({ id: cases.id });
    if (!claimed) return false;
    const due = clock === 'response' ? c.responseDueAt : c.resolutionDueAt;
    const draft = {
      kind: 'case.due_soon',
      title: notificationTitle(`case_due_soon_${clock}`, { number: c.number }),
      body: c.title,
      entityType: 'case',
      entityId: c.id,
      link: `/cases/${c.id}`,
    };
    // A case nobody owns (no duty holder on its grid path) warns the community instead, so someone hears of it.
    const sent = await notifyPeople(tx, [c.ownerPersonId], draft);
    if (!sent) await notifyUsers(tx, await communityAdmins(tx, c.communityId), draft);
    await tx.insert(caseEvents).values({
      caseId: c.id,
      at: now,
      actorName: SYSTEM_ACTOR,
      action: 'due_soon',
      data: { clock, dueAt: due.toISOString() },
    });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduling: one sweep per tick across all processes

export const SWEEP_JOB = 'case-sweep';

/**
 * Claims this tick for the calling process: the job_runs row moves forward only if the last run is older than most
 * of an interval, and the database decides (its clock, one row, one conditional update), so of several processes
 * ticking at about the same time exactly one runs the sweep.
 */
export async function claimSweepTick(db: Db, intervalMs: number): Promise<boolean> {
  const minGapSeconds = (intervalMs * 0.8) / 1000;
  const rows = await db
    .insert(jobRuns)
    .values({ name: SWEEP_JOB, lastRunAt: sql`now()`, runs: 1, ranBy: PROCESS_NAME })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { lastRunAt: sql`now()`, runs: sql`${jobRuns.runs} + 1`, ranBy: PROCESS_NAME },
      setWhere: sql`${jobRuns.lastRunAt} <= now() - make_interval(secs => ${minGapSeconds})`,
    })
    .returning({ name: jobRuns.name });
  return rows.length > 0;
}

export interface SweepLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Runs the sweep every intervalMs in this process, on the ticks it claims. The timer is unref'd (it never keeps the
 * process alive); the database rows, not the timer, are the record of what was done. Returns a stop function that
 * waits for a sweep in flight.
 */
export function startCaseSweeper(opts: {
  db: Db;
  intervalMs: number;
  log: SweepLog;
  ratingWorkingDays?: number;
}): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  const tick = async () => {
    if (!(await claimSweepTick(opts.db, opts.intervalMs))) return;
    // The claim counted the run; its outcome is recorded when it ends, a failure too (then thrown on to the log).
    const started = performance.now();
    try {
      const result = await runCaseSweep({ db: opts.db, ratingWorkingDays: opts.ratingWorkingDays });
      await opts.db.update(jobRuns).set({ lastResult: result }).where(eq(jobRuns.name, SWEEP_JOB));
      await recordJobOutcome(opts.db, SWEEP_JOB, { ok: true, durationMs: performance.now() - started });
      if (result.dueSoon || result.supervised || result.failed || result.closedUnrated)
        opts.log.info({ ...result }, 'case sweep');
    } catch (err) {
      const outcome = { ok: false as const, error: err, durationMs: performance.now() - started };
      await recordJobOutcome(opts.db, SWEEP_JOB, outcome).catch((recordErr: unknown) =>
        opts.log.error({ err: recordErr }, 'case sweep: its failure could not be recorded in job_runs'),
      );
      throw err;
    }
  };
  const timer = setInterval(() => {
    // A slow sweep is not overlapped by the next tick of the same process.
    if (inFlight) return;
    inFlight = tick()
      .catch((err: unknown) => opts.log.error({ err }, 'case sweep failed'))
      .finally(() => {
        inFlight = null;
      });
  }, opts.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}
