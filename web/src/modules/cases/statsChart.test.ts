import { describe, expect, it } from 'vitest';
import type { CaseStatsGroup } from '../../api/contracts';
import { figureListQuery } from '../../api/contracts';
import { countsChartOption, ratesChartOption } from './statsChart';

const t = ((k: string) => k) as Parameters<typeof countsChartOption>[1];
const group = (name: string, raised: number, responseRate: number | null) =>
  ({
    key: name,
    name,
    raised,
    resolved: 1,
    overdue: 0,
    responseRate,
    resolutionRate: 0.5,
    satisfactionRate: null,
  }) as CaseStatsGroup;

describe('the statistics charts', () => {
  const groups = [group('杭东', 12, 0.9), group('城东', 3, null)];
  it('keeps counts and rates apart: counts on a count axis, rates (0–1, gaps as null) on a percent axis', () => {
    const counts = countsChartOption(groups, t);
    const rates = ratesChartOption(groups, t);
    const names = (o: typeof counts) => (o.series as { name: string }[]).map((s) => s.name);
    expect(names(counts)).toEqual(['caseStats.raised', 'caseStats.resolved', 'caseStats.overdue']);
    expect(names(rates)).toEqual(['caseStats.responseRate', 'caseStats.resolutionRate', 'caseStats.satisfactionRate']);
    expect((counts.series as { data: unknown[] }[])[0].data).toEqual([12, 3]);
    expect((rates.series as { data: unknown[] }[])[0].data).toEqual([0.9, null]);
    expect(rates.yAxis).toMatchObject({ min: 0, max: 1 });
    expect(counts.yAxis).toMatchObject({ minInterval: 1 });
  });
  it('links a figure to the case list of exactly its cases', () => {
    expect(figureListQuery('voiceSolved', { from: '2026-01-01', to: '2026-11-24' })).toEqual({
      counted: 'resolved',
      countedFrom: '2026-01-01',
      countedTo: '2026-11-24',
      whistle: 'none',
      channel: 'hall,street_point,door_visit',
    });
    expect(figureListQuery('whistleResponseRate', { from: '2026-01-01', to: '2026-01-31' })).toMatchObject({
      counted: 'responseDue',
      whistle: 'any',
    });
  });
});
