/**
 * What the demo's suggestion and whistle lifecycles (demo-cases-suggestion.ts, demo-cases-whistle.ts) share with the
 * case builder: its generator, calendar and world, and the small steps both flows take (supervise, rate, a note).
 */
import type { WorkCalendar } from '../core/calendar.js';
import type { CaseStatus } from '../modules/cases/cases.enums.js';
import type { CaseInsert, Lifecycle } from './cases-lifecycle.js';
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
  Object.assign(lc.row, {
    satisfaction,
    ratedAt: lc.at,
    ratedByPhoneVisit: !byReporter,
    ratingComment: satisfaction === 'unsatisfied' ? '处理不彻底，问题还会反复' : null,
  });
  return satisfaction;
}

/** Who rates a closed case: its reporter when they reported through an account, else the community on a phone visit. */
export function raterOf(row: CaseInsert, admin: CaseActor): { rater: CaseActor; byReporter: boolean } {
  const byReporter = row.reporterUserId !== null;
  const rater = byReporter ? { userId: row.reporterUserId ?? null, name: row.reporterName ?? '居民' } : admin;
  return { rater, byReporter };
}
