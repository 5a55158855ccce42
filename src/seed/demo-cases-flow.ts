/**
 * What the demo's suggestion and whistle lifecycles (demo-cases-suggestion.ts, demo-cases-whistle.ts) share with the
 * case builder: its generator, calendar and world, and the small steps both flows take (supervise, rate, a note).
 */
import type { WorkCalendar } from '../core/calendar.js';
import { DEFAULT_CASE_RATING_WORKING_DAYS } from '../core/config.js';
import { worseOf } from '../modules/cases/cases.service.js';
import type { CaseStatus } from '../modules/cases/cases.enums.js';
import type { caseRatings } from '../modules/cases/resident/rating.schema.js';
import type { CaseInsert, EventInsert, Lifecycle } from './cases-lifecycle.js';

export type RatingInsert = typeof caseRatings.$inferInsert;
import { RESOLUTION_NOTES } from './cases-plan.js';
import type { CaseActor, CasesWorld } from './cases-world.js';
import type { DemoCases } from './demo-cases-types.js';
import type { Rng } from './rng.js';

export const MINUTE = 60_000;

const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export interface CaseFlow {
  readonly rng: Rng;
  readonly calendar: WorkCalendar;
  /** The demo's "now": nothing happens after it. */
  readonly end: Date;
  readonly world: CasesWorld;
  readonly out: DemoCases;
}

export type StepExtra = { note?: string; data?: Record<string, unknown> };
export type Go = (action: string, to: CaseStatus, at: Date, actor: CaseActor, extra?: StepExtra) => boolean;

/** A step that also says "stop" once the case reaches the status a demo login's special case must stay in. */
export function stepUntil(lc: Lifecycle, stopAfter: CaseStatus | undefined): Go {
  return (action, to, at, actor, extra = {}) => lc.step(action, to, at, actor, extra) && lc.status !== stopAfter;
}

/** The sweep would have supervised the case 10 minutes after the limit it missed, if that is before now. */
export function supervise(flow: CaseFlow, row: CaseInsert, limit: Date): void {
  const t = new Date(limit.getTime() + 10 * MINUTE);
  if (t <= flow.end && !row.supervisedAt) {
    row.supervisedAt = t;
    row.escalationLevel = 1;
  }
}

export function resolutionNote(rng: Rng, categoryCode: string): string {
  return rng.pick(RESOLUTION_NOTES[categoryCode.split('.')[0]] ?? RESOLUTION_NOTES.environment);
}

export function rate(
  rng: Rng,
  lc: Lifecycle,
  rater: CaseActor,
  byReporter: boolean,
  weights: readonly number[],
): Satisfaction | null {
  const satisfaction = SATISFACTIONS[rng.weightedIndex(weights)];
  if (!lc.step('rate', 'rated', lc.hoursAfter(3, 96), rater, { data: { satisfaction, phoneVisit: !byReporter } }))
    return null;
  // As resident/rating.ts keeps it: the case counts its worst round, at its first rating; the rating closes it.
  Object.assign(lc.row, {
    satisfaction: worseOf(lc.row.satisfaction ?? null, satisfaction),
    ratedAt: lc.row.ratedAt ?? lc.at,
    ratedByPhoneVisit: !byReporter,
    ratingComment: satisfaction === 'unsatisfied' ? '处理不彻底，问题还会反复' : null,
    closedAt: lc.row.closedAt ?? lc.at,
  });
  return satisfaction;
}

/** Who closes what its reporter left unrated (resident/autoclose.ts). */
const SWEEP: CaseActor = { userId: null, name: '系统（评价期满）' };

/**
 * After verification: the community closes (办结) a case whose reporter has no account (and may then record a phone
 * visit's rating); a reporter with an account rates the verified case themselves, which closes it. The close's time
 * is drawn either way, so the generator's order does not depend on who rates. False: nothing more happens by now.
 */
export function closeAfterVerify(lc: Lifecycle, admin: CaseActor, go: Go): boolean {
  const closeAt = lc.after(0, 240);
  if (lc.row.reporterUserId === null || lc.row.reporterUserId === undefined) {
    if (!go('close', 'closed', closeAt, admin)) return false;
    lc.row.closedAt = lc.at;
    return true;
  }
  return lc.open && lc.withinEnd(closeAt);
}

/** A verified case its reporter never rated: the sweep closes it the configured working days after verification. */
export function closeUnrated(flow: CaseFlow, lc: Lifecycle): void {
  if (lc.status !== 'verified') return;
  const due = flow.calendar.dueAt(lc.at, { workingDays: DEFAULT_CASE_RATING_WORKING_DAYS });
  if (lc.step('close_unrated', 'closed', due, SWEEP, { data: { ratingDueAt: due.toISOString() } }))
    lc.row.closedAt = lc.at;
}

/** Every rate event as its round's case_ratings row (events in time order; the first rating of a case is round 1). */
export function ratingsFromEvents(events: readonly EventInsert[]): RatingInsert[] {
  const rounds = new Map<string, number>();
  return events
    .filter((e) => e.action === 'rate')
    .map((e) => {
      const round = (rounds.get(e.caseId) ?? 0) + 1;
      rounds.set(e.caseId, round);
      const data = (e.data ?? {}) as { satisfaction: Satisfaction; phoneVisit?: boolean };
      return {
        caseId: e.caseId,
        round,
        satisfaction: data.satisfaction,
        comment: data.satisfaction === 'unsatisfied' ? '处理不彻底，问题还会反复' : null,
        byPhoneVisit: data.phoneVisit === true,
        ratedByUserId: e.actorUserId ?? null,
        ratedAt: e.at as Date,
      };
    });
}

/** Who rates a closed case: its reporter when they reported through an account, else the community on a phone visit. */
export function raterOf(row: CaseInsert, admin: CaseActor): { rater: CaseActor; byReporter: boolean } {
  const byReporter = row.reporterUserId !== null;
  const rater = byReporter ? { userId: row.reporterUserId ?? null, name: row.reporterName ?? '居民' } : admin;
  return { rater, byReporter };
}
