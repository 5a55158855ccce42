import type { WorkCalendar } from '../core/calendar.js';
import type { caseDispatches, caseEvents, cases } from '../modules/cases/cases.schema.js';
import type { CaseStatus } from '../modules/cases/cases.machine.js';
import type { CaseActor } from './cases-world.js';
import type { Rng } from './rng.js';

export type CaseInsert = typeof cases.$inferInsert & {
  id: string;
  reportedAt: Date;
  responseDueAt: Date;
  resolutionDueAt: Date;
};
export type EventInsert = typeof caseEvents.$inferInsert;
export type DispatchInsert = typeof caseDispatches.$inferInsert & { id: string };

const MINUTE = 60_000;

/**
 * One case's life as the state machine (cases.machine.ts) would have recorded it: each step is an event with its
 * actor, moves the status and sets the timestamps the service sets. Nothing happens after `end` (the demo's now):
 * the first step that would is not taken, nor any after it, so recent cases are naturally still open.
 */
export class Lifecycle {
  status: CaseStatus = 'reported';
  /** When the last step happened. */
  at: Date;
  open = true;
  /** Transitions taken (the row's version is one more). */
  steps = 0;

  constructor(
    readonly row: CaseInsert,
    readonly events: EventInsert[],
    private readonly calendar: WorkCalendar,
    private readonly rng: Rng,
    private readonly end: Date,
  ) {
    this.at = row.reportedAt;
  }

  /** Staff act in working time: `min`–`max` working minutes after the last step. */
  after(min: number, max: number): Date {
    return this.calendar.addWorkingMinutes(this.at, this.rng.int(min, max));
  }

  /** Some working time after the last step and before `limit` (a little after the last step if it is already past). */
  before(limit: Date, lo = 0.1, hi = 0.85): Date {
    const left = this.calendar.workingMinutesBetween(this.at, limit);
    if (left < 20) return this.calendar.addWorkingMinutes(this.at, this.rng.int(3, 15));
    return this.calendar.addWorkingMinutes(this.at, Math.max(3, Math.round(left * this.rng.float(lo, hi))));
  }

  /** `min`–`max` working minutes after `from` (not before the last step). */
  workingAfter(from: Date, min: number, max: number): Date {
    const t = this.calendar.addWorkingMinutes(from, this.rng.int(min, max));
    return t < this.at ? this.at : t;
  }

  /** Real (calendar) time: `min`–`max` hours after the last step. */
  hoursAfter(min: number, max: number): Date {
    return new Date(this.at.getTime() + Math.round(this.rng.float(min, max) * 60) * MINUTE);
  }

  withinEnd(t: Date): boolean {
    return t.getTime() <= this.end.getTime();
  }

  step(
    action: string,
    to: CaseStatus,
    at: Date,
    actor: CaseActor,
    extra: { note?: string; data?: Record<string, unknown> } = {},
  ): boolean {
    if (!this.open || !this.withinEnd(at)) {
      this.open = false;
      return false;
    }
    const when = at < this.at ? this.at : at;
    this.events.push({
      caseId: this.row.id,
      at: when,
      actorUserId: actor.userId,
      actorName: actor.name,
      action,
      fromStatus: this.status,
      toStatus: to,
      note: extra.note ?? null,
      data: extra.data ?? null,
    });
    this.status = to;
    this.at = when;
    this.row.status = to;
    this.steps += 1;
    return true;
  }
}
