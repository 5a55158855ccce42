import { describe, expect, it } from 'vitest';
import { expectOk, type Page } from '../../../../test/http.js';
import type { MeetingDetail, MeetingView, ProposeResult } from './meetings.contracts.js';
import { needs } from '../needs/needs.schema.js';
import { projectPlans, projects } from '../projects/projects.schema.js';
import { call, ctx, overdueCaseId, setupMeetingsApi } from '../../../../test/api-setup/meetings.js';

setupMeetingsApi();

describe('agenda sources from the other co-building lists', () => {
  it('open needs (highest priority first) and delayed projects are drawn in; met needs and on-time projects are not', async () => {
    const db = ctx.database.db;
    const communityId = ctx.world.communityA.id;
    const need = (title: string, priority: number, status: 'open' | 'met') => ({
      communityId,
      title,
      domain: 'living_environment' as const,
      priority,
      lng: 117.331,
      lat: 27.541,
      quantity: 10,
      unit: 'person_hours' as const,
      source: 'community' as const,
      status,
    });
    const [low, high] = await db
      .insert(needs)
      .values([need('楼道堆物清理', 2, 'open'), need('老旧小区加装扶手', 5, 'open'), need('已解决的需求', 4, 'met')])
      .returning();
    const [plan] = await db.insert(projectPlans).values({ communityId, year: 2027, status: 'approved' }).returning();
    const project = (name: string, endOn: string) => ({
      planId: plan.id,
      communityId,
      year: 2027,
      name,
      domain: 'old_estate_renovation' as const,
      startOn: '2026-01-01',
      endOn,
      progress: 40,
    });
    const [late] = await db
      .insert(projects)
      .values([project('杭东小区雨污分流改造', '2026-06-30'), project('杭东文化长廊', '2099-12-31')])
      .returning();
    const res = expectOk<ProposeResult>(
      await call('POST', '/api/joint-meetings/propose', { as: 'hangdong', body: { year: 2027, quarter: 1 } }),
    );
    const m = expectOk<MeetingDetail>(
      await call('GET', `/api/joint-meetings/${res.created[0].id}`, { as: 'hangdong' }),
    );
    const bySource = (source: string) => m.agenda.filter((i) => i.source === source).map((i) => i.refId);
    expect(bySource('open_need')).toEqual([high.id, low.id]);
    expect(bySource('delayed_project')).toEqual([late.id]);
    expect(bySource('overdue_case')).toEqual([overdueCaseId]);
  });

  it('staff add and remove free items by hand', async () => {
    const page = expectOk<Page<MeetingView>>(
      await call('GET', '/api/joint-meetings?year=2027&quarter=1', { as: 'hangdong' }),
    );
    const withItem = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${page.items[0].id}/agenda`, {
        as: 'hangdong',
        body: { title: '研究春节慰问困难党员方案', detail: null },
      }),
    );
    const manual = withItem.agenda.filter((i) => i.source === 'manual');
    expect(manual.map((i) => i.title)).toEqual(['研究春节慰问困难党员方案']);
    expect(manual[0].sort).toBe(Math.max(...withItem.agenda.map((i) => i.sort)));
    const without = expectOk<MeetingDetail>(
      await call('DELETE', `/api/joint-meetings/${page.items[0].id}/agenda/${manual[0].id}`, { as: 'hangdong' }),
    );
    expect(without.agenda.some((i) => i.source === 'manual')).toBe(false);
  });
});
