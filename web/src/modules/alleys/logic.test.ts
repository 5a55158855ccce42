import { describe, expect, it } from 'vitest';
import { draftScore, emptyDraft, inspectionBody, scoreTone } from './logic';

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
