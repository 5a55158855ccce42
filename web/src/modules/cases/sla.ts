import type { CaseStatus, CaseSummary } from '../../api/contracts';

export type SlaState = 'ok' | 'soon' | 'overdue' | 'met' | 'late';
export type SlaClock = 'response' | 'resolution';

export interface SlaReading {
  clock: SlaClock;
  state: SlaState;
  /** Time left (ok/soon), past due (overdue), or how early/late it was done (met/late), in ms. */
  ms: number;
  dueAt: string;
}

const TWO_HOURS = 2 * 3600_000;

/**
 * One clock against `now`: done (on time or late) once `doneAt` is set; otherwise overdue past the due time and
 * "due soon" in the last quarter of its span or the last two hours.
 */
export function readClock(
  clock: SlaClock,
  startIso: string,
  dueIso: string,
  doneIso: string | null,
  now: number,
): SlaReading {
  const due = Date.parse(dueIso);
  if (doneIso) {
    const done = Date.parse(doneIso);
    return { clock, state: done <= due ? 'met' : 'late', ms: Math.abs(due - done), dueAt: dueIso };
  }
  const left = due - now;
  if (left < 0) return { clock, state: 'overdue', ms: -left, dueAt: dueIso };
  const span = Math.max(0, due - Date.parse(startIso));
  return { clock, state: left <= Math.max(TWO_HOURS, span / 4) ? 'soon' : 'ok', ms: left, dueAt: dueIso };
}

/** States in which the clocks no longer matter (turned down, or merged into another case). */
const NO_CLOCKS: readonly CaseStatus[] = ['rejected'];

/** Both clocks of a case; none for a rejected or merged case. */
export function caseClocks(
  c: Pick<
    CaseSummary,
    'status' | 'reportedAt' | 'responseDueAt' | 'resolutionDueAt' | 'acknowledgedAt' | 'resolvedAt' | 'mergedIntoId'
  >,
  now: number,
): SlaReading[] {
  if (NO_CLOCKS.includes(c.status) || c.mergedIntoId) return [];
  return [
    readClock('response', c.reportedAt, c.responseDueAt, c.acknowledgedAt, now),
    readClock('resolution', c.reportedAt, c.resolutionDueAt, c.resolvedAt, now),
  ];
}

/** Lists show the clocks still running, and a clock that finished late; the case page shows every clock. */
export function shownClocks(all: SlaReading[], running: boolean): SlaReading[] {
  return running
    ? all.filter((r) => r.state === 'ok' || r.state === 'soon' || r.state === 'overdue' || r.state === 'late')
    : all;
}

/** The words of a clock's tag (with `clock` and `time` filled in): "响应剩2小时", "处置超时1天2小时", "响应按时完成". */
export function slaTextKey(state: SlaState): 'sla.overdue' | 'sla.metOnTime' | 'sla.metLate' | 'sla.left' {
  if (state === 'overdue') return 'sla.overdue';
  if (state === 'met') return 'sla.metOnTime';
  if (state === 'late') return 'sla.metLate';
  return 'sla.left';
}

/** Running clocks carry a clock icon; finished ones do not. */
export const isRunning = (state: SlaState) => state === 'ok' || state === 'soon' || state === 'overdue';

export const SLA_COLOURS: Record<SlaState, string> = {
  ok: 'blue',
  soon: 'orange',
  overdue: 'red',
  met: 'green',
  late: 'default',
};
