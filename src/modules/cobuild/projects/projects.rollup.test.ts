import { describe, expect, it } from 'vitest';
import {
  childrenProgress,
  deriveStatus,
  isOverdue,
  milestoneProgress,
  nextDue,
  progressSource,
  rollUp,
} from './projects.rollup.js';

const ms = (weight: number, dueOn: string, doneOn: string | null = null) => ({ weight, dueOn, doneOn });

describe('progress roll-up', () => {
  it('weights milestones', () => {
    expect(milestoneProgress([ms(1, '2026-03-01', '2026-02-28'), ms(3, '2026-06-01')])).toBe(25);
    expect(milestoneProgress([ms(1, '2026-03-01', '2026-02-28'), ms(1, '2026-06-01', '2026-05-01')])).toBe(100);
    expect(milestoneProgress([])).toBe(0);
  });

  it('weights children by budget when all have one, equally otherwise, and leaves cancelled children out', () => {
    expect(
      childrenProgress([
        { progress: 100, budget: 100, cancelled: false },
        { progress: 0, budget: 300, cancelled: false },
      ]),
    ).toBe(25);
    expect(
      childrenProgress([
        { progress: 100, budget: 100, cancelled: false },
        { progress: 0, budget: null, cancelled: false },
      ]),
    ).toBe(50);
    expect(
      childrenProgress([
        { progress: 100, budget: 100, cancelled: false },
        { progress: 0, budget: 300, cancelled: true },
      ]),
    ).toBe(100);
  });

  it('prefers live children, then milestones, then the manual figure', () => {
    const child = { progress: 40, budget: 1, cancelled: false };
    expect(rollUp({ children: [child], milestones: [ms(1, '2026-01-01', '2026-01-01')], manualProgress: 90 })).toBe(40);
    expect(progressSource({ children: [{ ...child, cancelled: true }], milestones: [ms(1, '2026-01-01')] })).toBe(
      'milestones',
    );
    expect(rollUp({ children: [], milestones: [], manualProgress: 62.55 })).toBe(62.6);
    expect(rollUp({ children: [], milestones: [], manualProgress: null })).toBe(0);
  });

  it('finds the earliest open milestone', () => {
    expect(nextDue([ms(1, '2026-05-01', '2026-04-01'), ms(1, '2026-07-01'), ms(1, '2026-06-01')])).toBe('2026-06-01');
    expect(nextDue([ms(1, '2026-05-01', '2026-04-01')])).toBeNull();
  });
});

describe('status', () => {
  const base = { cancelled: false, progress: 0, startOn: '2026-03-01', endOn: '2026-09-30', nextDueOn: null };
  it('follows progress and dates', () => {
    expect(deriveStatus(base, '2026-02-01')).toBe('planned');
    expect(deriveStatus(base, '2026-03-05')).toBe('in_progress');
    expect(deriveStatus({ ...base, progress: 30 }, '2026-02-01')).toBe('in_progress');
    expect(deriveStatus({ ...base, progress: 100 }, '2026-12-01')).toBe('done');
    expect(deriveStatus({ ...base, progress: 80 }, '2026-10-01')).toBe('delayed');
    expect(deriveStatus({ ...base, progress: 10, nextDueOn: '2026-04-01' }, '2026-04-02')).toBe('delayed');
    expect(deriveStatus({ ...base, cancelled: true, progress: 100 }, '2026-12-01')).toBe('cancelled');
  });

  it('flags a project overdue only after its end date when it is not done or cancelled', () => {
    expect(isOverdue({ ...base, progress: 99 }, '2026-10-01')).toBe(true);
    expect(isOverdue({ ...base, progress: 99 }, '2026-09-30')).toBe(false);
    expect(isOverdue({ ...base, progress: 100 }, '2026-10-01')).toBe(false);
    expect(isOverdue({ ...base, cancelled: true }, '2026-10-01')).toBe(false);
  });
});
