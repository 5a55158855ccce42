/**
 * The background jobs page's pure parts: a state's colour, spans of time for people, how long ago a run was (against
 * the server's `checkedAt`, the database clock that stamped the runs, not the device's).
 */
import { JOB_STATES, type JobRun, type JobState } from '../../api/contracts';

/** antd Tag colours: what needs an operator's eye stands out. */
export const STATE_COLOURS: Record<JobState, string> = {
  ok: 'success',
  failing: 'error',
  late: 'warning',
  never_run: 'default',
  off: 'default',
};

export type SpanUnit = 'ms' | 'seconds' | 'minutes' | 'hours' | 'days';
export interface Span {
  unit: SpanUnit;
  n: number;
}

/** A span in its largest fitting unit: 35 ms, 1.2 s, 42 s, 5 min, 3 h, 2 d (whole numbers but seconds under 10). */
export function spanOf(ms: number): Span {
  const abs = Math.max(0, ms);
  if (abs < 1_000) return { unit: 'ms', n: Math.round(abs) };
  if (abs < 10_000) return { unit: 'seconds', n: Math.round(abs / 100) / 10 };
  if (abs < 60_000) return { unit: 'seconds', n: Math.round(abs / 1_000) };
  if (abs < 3_600_000) return { unit: 'minutes', n: Math.floor(abs / 60_000) };
  if (abs < 2 * 86_400_000) return { unit: 'hours', n: Math.floor(abs / 3_600_000) };
  return { unit: 'days', n: Math.floor(abs / 86_400_000) };
}

/** How long before `checkedAt` the instant was; null for none. Under a minute is "just now" (null span). */
export function ago(checkedAt: string, at: string | null): { span: Span | null } | null {
  if (!at) return null;
  const ms = Date.parse(checkedAt) - Date.parse(at);
  return { span: ms < 60_000 ? null : spanOf(ms) };
}

/** How many jobs are in each state, in JOB_STATES' order, leaving out the empty ones (the page's summary). */
export function countByState(items: readonly Pick<JobRun, 'state'>[]): { state: JobState; count: number }[] {
  return JOB_STATES.map((state) => ({ state, count: items.filter((j) => j.state === state).length })).filter(
    (c) => c.count > 0,
  );
}
