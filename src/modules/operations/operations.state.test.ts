import { describe, expect, it } from 'vitest';
import { jobState, LATE_FLOOR_MS, lateAfterMs } from './operations.state.js';

const NOW = new Date('2027-01-01T00:30:00+08:00');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MINUTE = 60_000;
const sweep = { off: null, everyMs: MINUTE, firstRunAfterMs: 0 };

describe('a background job’s state on the job-runs page', () => {
  it('is off when this server does not run it, whatever its last run was', () => {
    expect(jobState({ ...sweep, off: 'database' }, null, NOW)).toBe('off');
    expect(jobState({ ...sweep, off: 'setting' }, { lastRunAt: ago(MINUTE), lastOk: false }, NOW)).toBe('off');
  });

  it('is never run without a recorded run', () => {
    expect(jobState(sweep, null, NOW)).toBe('never_run');
  });

  it('is failing when its last run failed, even when also late', () => {
    expect(jobState(sweep, { lastRunAt: ago(MINUTE), lastOk: false }, NOW)).toBe('failing');
    expect(jobState(sweep, { lastRunAt: ago(60 * MINUTE), lastOk: false }, NOW)).toBe('failing');
  });

  it('is late after three intervals without a run, ok before', () => {
    const hourly = { off: null, everyMs: 60 * MINUTE, firstRunAfterMs: 0 };
    expect(jobState(hourly, { lastRunAt: ago(179 * MINUTE), lastOk: true }, NOW)).toBe('ok');
    expect(jobState(hourly, { lastRunAt: ago(181 * MINUTE), lastOk: true }, NOW)).toBe('late');
  });

  it('gives a fast job at least two minutes, and a job that starts later its first wait', () => {
    const fold = { off: null, everyMs: 200, firstRunAfterMs: 0 };
    expect(lateAfterMs(fold)).toBe(LATE_FLOOR_MS);
    expect(jobState(fold, { lastRunAt: ago(5_000), lastOk: true }, NOW)).toBe('ok');
    expect(jobState(fold, { lastRunAt: ago(LATE_FLOOR_MS + 1), lastOk: true }, NOW)).toBe('late');
    expect(lateAfterMs({ everyMs: 60 * MINUTE, firstRunAfterMs: 5 * MINUTE })).toBe(185 * MINUTE);
  });

  it('counts a claimed run that has not ended yet (no outcome) as running, not failing', () => {
    expect(jobState(sweep, { lastRunAt: ago(1_000), lastOk: null }, NOW)).toBe('ok');
  });
});
