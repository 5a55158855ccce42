import { describe, expect, it } from 'vitest';
import { expectError, expectOk, type Page } from '../../../test/http.js';
import { call, caseKeys, ctx, ids, numbers, setupEvaluationsApi } from '../../../test/api-setup/evaluations.js';
import type { EvaluationItem, SessionDetail, SessionView } from './evaluations.contracts.js';

// Creating and listing sessions; recording and holding them is evaluations.hold.api.test.ts, the record's PDF
// evaluations.pdf.api.test.ts.
setupEvaluationsApi();

describe('creating a monthly evaluation session (每月20日定期评事)', () => {
  let jan: SessionDetail;
  let feb: SessionDetail;

  it('the first session covers cases since the start of the previous month', async () => {
    jan = expectOk<SessionDetail>(
      await call('POST', '/api/evaluation-sessions', {
        as: 'hangdong',
        body: { communityId: ctx.world.communityA.id, heldOn: '2026-01-20' },
      }),
      201,
    );
    expect(jan).toMatchObject({
      heldOn: '2026-01-20',
      status: 'draft',
      communityName: '杭东社区',
      periodFrom: '2025-11-30T16:00:00.000Z',
      periodTo: '2026-01-19T16:00:00.000Z',
    });
    expect(caseKeys(jan)).toEqual(['late', 'old']);
  });

  it("the next session's agenda runs from the previous session's day: earlier cases are left out, merged ones too", async () => {
    feb = expectOk<SessionDetail>(
      await call('POST', '/api/evaluation-sessions', {
        as: 'hangdong',
        body: { communityId: ctx.world.communityA.id, heldOn: '2026-02-20' },
      }),
      201,
    );
    expect(feb.periodFrom).toBe(jan.periodTo);
    expect(caseKeys(feb)).toEqual(['eve', 'late', 'new']);
    const late = feb.items.find((i) => i.caseId === ids.late) as EvaluationItem;
    expect(late).toMatchObject({
      kind: 'handled',
      caseStatus: 'resolved',
      verdict: 'pending',
      caseNumber: numbers.late,
      resolvedAt: '2026-02-03T07:00:00.000Z',
    });
    expect(feb.items.find((i) => i.caseId === ids.new)).toMatchObject({ kind: 'raised', satisfaction: 'satisfied' });
    expect(feb.items[0].categoryName.length).toBeGreaterThan(0);
    expect(feb.itemCount).toBe(3);
  });

  it('refuses a day that is not the 20th, an impossible date, and a second session on the same day', async () => {
    const body = (heldOn: string) => ({ as: 'hangdong', body: { communityId: ctx.world.communityA.id, heldOn } });
    expectError(await call('POST', '/api/evaluation-sessions', body('2026-03-19')), 400, 'VALIDATION_FAILED');
    expectError(await call('POST', '/api/evaluation-sessions', body('2026-02-30')), 400, 'VALIDATION_FAILED');
    expectError(await call('POST', '/api/evaluation-sessions', body('20260320')), 400, 'VALIDATION_FAILED');
    const dup = expectError(
      await call('POST', '/api/evaluation-sessions', body('2026-02-20')),
      409,
      'EVALUATION_SESSION_EXISTS',
    );
    expect(dup.error.message).toContain('2026-02-20');
    expectError(
      await call('POST', '/api/evaluation-sessions', {
        as: 'admin',
        body: { communityId: ctx.world.town.id, heldOn: '2026-03-20' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', '/api/evaluation-sessions', {
        as: 'hangdong',
        body: { communityId: ctx.world.communityA.id, heldOn: '2026-03-20', extra: 1 },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('keeps to scope: another community, grid workers and residents cannot create; the county can', async () => {
    const forA = { communityId: ctx.world.communityA.id, heldOn: '2026-04-20' };
    expectError(await call('POST', '/api/evaluation-sessions', { as: 'sanfeng', body: forA }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/evaluation-sessions', { as: 'grid01', body: forA }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/evaluation-sessions', { as: 'resident01', body: forA }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/evaluation-sessions', { body: forA }), 401, 'UNAUTHENTICATED');
    const b = expectOk<SessionDetail>(
      await call('POST', '/api/evaluation-sessions', {
        as: 'admin',
        body: { communityId: ctx.world.communityB.id, heldOn: '2026-02-20' },
      }),
      201,
    );
    expect(caseKeys(b)).toEqual(['other']);
  });

  it('lists sessions with counts, each user seeing only their communities', async () => {
    const mine = expectOk<Page<SessionView>>(
      await call('GET', `/api/evaluation-sessions?communityId=${ctx.world.communityA.id}`, { as: 'hangdong' }),
    );
    expect(mine.items.map((s) => s.heldOn)).toEqual(['2026-02-20', '2026-01-20']);
    expect(mine.items[0]).toMatchObject({
      itemCount: 3,
      counts: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0, pending: 3 },
    });
    const grid = expectOk<Page<SessionView>>(await call('GET', '/api/evaluation-sessions', { as: 'grid01' }));
    expect(grid.total).toBe(2);
    expectOk(await call('GET', `/api/evaluation-sessions/${feb.id}`, { as: 'grid01' }));
    const sanfeng = expectOk<Page<SessionView>>(
      await call('GET', `/api/evaluation-sessions?communityId=${ctx.world.communityA.id}`, { as: 'sanfeng' }),
    );
    expect(sanfeng.total).toBe(0);
    expect(
      expectOk<Page<SessionView>>(await call('GET', '/api/evaluation-sessions?page=1&pageSize=1', { as: 'admin' })),
    ).toMatchObject({ total: 3, pageSize: 1 });
    expectError(await call('GET', `/api/evaluation-sessions/${feb.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/evaluation-sessions', { as: 'resident01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/evaluation-sessions', { as: 'unit01' }), 403, 'FORBIDDEN');
  });
});
