import { describe, expect, it } from 'vitest';
import { JOB_STATES } from '../../api/contracts';
import { ago, countByState, spanOf, STATE_COLOURS } from './jobRuns';

describe('the background jobs page', () => {
  it('gives every state a colour; failing and late stand out, never-run and off do not', () => {
    expect(Object.keys(STATE_COLOURS).sort()).toEqual([...JOB_STATES].sort());
    expect(STATE_COLOURS.failing).toBe('error');
    expect(STATE_COLOURS.late).toBe('warning');
    expect(STATE_COLOURS.ok).toBe('success');
  });

  it('writes spans in their largest unit', () => {
    expect(spanOf(35.4)).toEqual({ unit: 'ms', n: 35 });
    expect(spanOf(1_234)).toEqual({ unit: 'seconds', n: 1.2 });
    expect(spanOf(42_400)).toEqual({ unit: 'seconds', n: 42 });
    expect(spanOf(200)).toEqual({ unit: 'ms', n: 200 });
    expect(spanOf(3_600_000)).toEqual({ unit: 'hours', n: 1 });
    expect(spanOf(59 * 60_000)).toEqual({ unit: 'minutes', n: 59 });
    expect(spanOf(47 * 3_600_000)).toEqual({ unit: 'hours', n: 47 });
    expect(spanOf(3 * 86_400_000)).toEqual({ unit: 'days', n: 3 });
    expect(spanOf(-5)).toEqual({ unit: 'ms', n: 0 });
  });

  it('says how long ago against the server’s time, not the device’s; under a minute is just now', () => {
    const checkedAt = '2027-01-01T00:30:00.000Z';
    expect(ago(checkedAt, null)).toBeNull();
    expect(ago(checkedAt, '2027-01-01T00:29:30.000Z')).toEqual({ span: null });
    expect(ago(checkedAt, '2027-01-01T00:25:00.000Z')).toEqual({ span: { unit: 'minutes', n: 5 } });
    expect(ago(checkedAt, '2026-12-29T00:30:00.000Z')).toEqual({ span: { unit: 'days', n: 3 } });
  });

  it('counts jobs by state in a fixed order, leaving out empty states', () => {
    const items = [{ state: 'late' }, { state: 'ok' }, { state: 'ok' }, { state: 'off' }] as const;
    expect(countByState(items)).toEqual([
      { state: 'ok', count: 2 },
      { state: 'late', count: 1 },
      { state: 'off', count: 1 },
    ]);
  });
});
