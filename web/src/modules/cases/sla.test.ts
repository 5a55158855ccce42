import { describe, expect, it } from 'vitest';
import { caseClocks, isRunning, readClock, shownClocks, slaTextKey } from './sla';

const H = 3600_000;
const at = (iso: string) => Date.parse(iso);
const START = '2027-03-01T00:00:00.000Z';
const DUE = '2027-03-02T00:00:00.000Z'; // a 24-hour span

describe('SLA display', () => {
  it('a running clock is "ok" with its time left, "soon" in the last quarter of its span', () => {
    expect(readClock('response', START, DUE, null, at('2027-03-01T06:00:00Z'))).toEqual({
      clock: 'response',
      state: 'ok',
      ms: 18 * H,
      dueAt: DUE,
    });
    expect(readClock('response', START, DUE, null, at('2027-03-01T18:00:00Z'))).toMatchObject({
      state: 'soon',
      ms: 6 * H,
    });
  });

  it('a short clock is "soon" in its last two hours', () => {
    const due = '2027-03-01T04:00:00.000Z';
    expect(readClock('response', START, due, null, at('2027-03-01T01:59:00Z')).state).toBe('ok');
    expect(readClock('response', START, due, null, at('2027-03-01T02:00:00Z')).state).toBe('soon');
  });

  it('past its due time a clock is overdue by how long', () => {
    expect(readClock('resolution', START, DUE, null, at('2027-03-02T03:00:00Z'))).toMatchObject({
      state: 'overdue',
      ms: 3 * H,
    });
  });

  it('a finished clock is met (on or before time) or late, by how much', () => {
    expect(readClock('response', START, DUE, DUE, at('2027-05-01T00:00:00Z'))).toMatchObject({ state: 'met', ms: 0 });
    expect(readClock('response', START, DUE, '2027-03-02T05:00:00.000Z', 0)).toMatchObject({
      state: 'late',
      ms: 5 * H,
    });
  });

  it('a rejected or merged case has no clocks; another has both', () => {
    const c = {
      status: 'accepted' as const,
      reportedAt: START,
      responseDueAt: DUE,
      resolutionDueAt: '2027-03-05T00:00:00.000Z',
      acknowledgedAt: '2027-03-01T01:00:00.000Z',
      resolvedAt: null,
      mergedIntoId: null,
    };
    const now = at('2027-03-03T00:00:00Z');
    expect(caseClocks(c, now).map((r) => [r.clock, r.state])).toEqual([
      ['response', 'met'],
      ['resolution', 'ok'],
    ]);
    expect(caseClocks({ ...c, status: 'rejected' }, now)).toEqual([]);
    expect(caseClocks({ ...c, mergedIntoId: 'other' }, now)).toEqual([]);
  });

  it('lists show running clocks and late ones; the case page shows all', () => {
    const r = (state: 'ok' | 'soon' | 'overdue' | 'met' | 'late') => ({
      clock: 'response' as const,
      state,
      ms: 0,
      dueAt: DUE,
    });
    const all = [r('ok'), r('soon'), r('overdue'), r('met'), r('late')];
    expect(shownClocks(all, true).map((x) => x.state)).toEqual(['ok', 'soon', 'overdue', 'late']);
    expect(shownClocks(all, false)).toEqual(all);
  });

  it('labels: time left, overdue by, done on time, done late; running clocks carry an icon', () => {
    expect(slaTextKey('ok')).toBe('sla.left');
    expect(slaTextKey('soon')).toBe('sla.left');
    expect(slaTextKey('overdue')).toBe('sla.overdue');
    expect(slaTextKey('met')).toBe('sla.metOnTime');
    expect(slaTextKey('late')).toBe('sla.metLate');
    expect(['ok', 'soon', 'overdue', 'met', 'late'].filter((s) => isRunning(s as 'ok'))).toEqual([
      'ok',
      'soon',
      'overdue',
    ]);
  });
});
