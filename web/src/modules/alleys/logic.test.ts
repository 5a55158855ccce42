import { describe, expect, it } from 'vitest';
import { caseFigureVars, draftScore, emptyDraft, inspectionBody, scoreTone } from './logic';

describe('inspection draft', () => {
  it('has no score or body until every item has a status', () => {
    const d = emptyDraft();
    expect(draftScore(d)).toBeNull();
    expect(inspectionBody(d, '')).toBeNull();
    for (const k of Object.keys(d) as (keyof typeof d)[]) d[k].status = 'present';
    d.residentsPact.status = null;
    expect(draftScore(d)).toBeNull();
  });

  it('scores 2 / 1 / 0 per item out of 12 as a percentage, as the server does', () => {
    const d = emptyDraft();
    for (const k of Object.keys(d) as (keyof typeof d)[]) d[k].status = 'present';
    expect(draftScore(d)).toBe(100);
    d.volunteerTeam.status = 'needs_work';
    expect(draftScore(d)).toBe(92);
    d.culturalFeature.status = 'missing';
    expect(draftScore(d)).toBe(75);
  });

  it('sends the six in order with trimmed notes, leaving empty notes out', () => {
    const d = emptyDraft();
    for (const k of Object.keys(d) as (keyof typeof d)[]) d[k].status = 'present';
    d.guideline.note = '  已上墙 ';
    const body = inspectionBody(d, '  ');
    expect(body?.items[0]).toEqual({ item: 'guideline', status: 'present', note: '已上墙' });
    expect(body?.items[1]).toEqual({ item: 'cleaningCompany', status: 'present' });
    expect(body).not.toHaveProperty('note');
  });

  it('bands scores', () => {
    expect([scoreTone(null), scoreTone(100), scoreTone(90), scoreTone(89), scoreTone(60), scoreTone(59)]).toEqual([
      'none',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
    ]);
  });
});

describe('region case figures', () => {
  it('shows the median in hours, or a dash before any case was solved', () => {
    const hours = (n: number) => `${n} h`;
    expect(caseFigureVars({ open: 2, resolved: 3, medianResolveHours: 26.5, latest: [] }, hours)).toEqual({
      open: 2,
      resolved: 3,
      median: '26.5 h',
    });
    expect(caseFigureVars({ open: 1, resolved: 0, medianResolveHours: null, latest: [] }, hours).median).toBe('—');
  });
});
