import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLOCK } from '../../../test/clock.js';
import { expectError, expectOk, type Page } from '../../../test/http.js';
import {
  A,
  call,
  caseAt,
  createSession,
  ctx,
  ids,
  numbers,
  setupEvaluationsApi,
} from '../../../test/api-setup/evaluations.js';
import { auditLog } from '../../core/audit.schema.js';
import { setClock } from '../../core/clock.js';
import { caseDispatches } from '../cases/cases.schema.js';
import type { FollowUp, SessionDetail } from './evaluations.contracts.js';

// GET /api/evaluation-follow-ups: the follow-up tasks of 不满意 verdicts, for the county, the community and the unit
// they are given to; each marks its own done. The suite pins its own instants (the suite's clock does not matter).
setupEvaluationsApi();

const t = (s: string) => new Date(s);
const list = (as: string, qs = '') => call('GET', `/api/evaluation-follow-ups${qs}`, { as });
const listed = async (as: string, qs = '') => expectOk<Page<FollowUp>>(await list(as, qs));

beforeAll(async () => {
  // July: a resolved case unit01's unit worked on (reopened: tasks for the owner and the unit) and one still being
  // handled (督办: a task for the owner only), both judged 不满意.
  await caseAt('fixed', 'hangdong', A, {
    reportedAt: t('2026-07-01T10:00:00+08:00'),
    resolvedAt: t('2026-07-10T10:00:00+08:00'),
    status: 'resolved',
    ownerPersonId: ctx.world.people.gridWorkerPerson.id,
  });
  await caseAt('stuck', 'hangdong', A, {
    reportedAt: t('2026-07-03T10:00:00+08:00'),
    status: 'accepted',
    ownerPersonId: ctx.world.people.gridWorkerPerson.id,
  });
  await ctx.database.db.insert(caseDispatches).values({
    caseId: ids.fixed,
    unitId: ctx.world.unit1.id,
    status: 'done',
    dispatchedAt: t('2026-07-02T10:00:00+08:00'),
    responseDueAt: t('2026-07-02T12:00:00+08:00'),
    doneAt: t('2026-07-10T10:00:00+08:00'),
  });
  setClock('2026-07-20T10:00:00+08:00');
  const jul = await createSession('2026-07-20');
  for (const item of jul.items) {
    const verdict = item.caseId === ids.fixed || item.caseId === ids.stuck ? 'unsatisfied' : 'satisfied';
    expectOk(
      await call('PUT', `/api/evaluation-sessions/${jul.id}/items/${item.id}`, { as: 'hangdong', body: { verdict } }),
    );
  }
  const held = expectOk<SessionDetail>(
    await call('POST', `/api/evaluation-sessions/${jul.id}/hold`, {
      as: 'hangdong',
      body: { representatives: ['王代表'] },
    }),
  );
  expect(held.followUps).toHaveLength(3);
});
afterAll(() => setClock(TEST_CLOCK));

describe('who lists which follow-ups', () => {
  it("the county and the community see all three; a unit only its own unit's task, with the case number and verdict", async () => {
    expect((await listed('admin')).total).toBe(3);
    const community = await listed('hangdong');
    expect(community.items.map((f) => f.caseNumber).sort()).toEqual(
      [numbers.fixed, numbers.fixed, numbers.stuck].sort(),
    );
    const unit = await listed('unit01');
    expect(unit.total).toBe(1);
    expect(unit.items[0]).toMatchObject({
      caseId: ids.fixed,
      caseNumber: numbers.fixed,
      assigneeKind: 'unit',
      verdict: 'unsatisfied',
      consequence: 'reopened',
      status: 'open',
      heldOn: '2026-07-20',
      dueOn: '2026-08-20',
      communityId: ctx.world.communityA.id,
    });
    expect(unit.items[0].communityName).not.toBe('');
  });

  it('another community and another unit see none; a grid worker and a resident are refused (403)', async () => {
    expect((await listed('sanfeng')).total).toBe(0);
    expect((await listed('unit02')).total).toBe(0);
    expectError(await list('grid01'), 403, 'FORBIDDEN');
    expectError(await list('resident01'), 403, 'FORBIDDEN');
  });

  it('filters by status, community and session month, a page at a time; bad filters are 400', async () => {
    expect((await listed('admin', '?status=open')).total).toBe(3);
    expect((await listed('admin', '?status=done')).total).toBe(0);
    expect((await listed('admin', '?month=2026-07')).total).toBe(3);
    expect((await listed('admin', '?month=2026-08')).total).toBe(0);
    expect((await listed('admin', `?communityId=${ctx.world.communityB.id}`)).total).toBe(0);
    const page = await listed('admin', `?communityId=${ctx.world.communityA.id}&pageSize=2&page=2`);
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    for (const qs of ['?month=2026-13', '?month=2026-7', '?status=closed', '?communityId=x']) {
      expectError(await list('admin', qs), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('marking a follow-up done', () => {
  it("a unit marks its own task done (audited); not the owner's, nor another unit's", async () => {
    const all = await listed('hangdong');
    const unitTask = all.items.find((f) => f.assigneeKind === 'unit');
    const ownerTask = all.items.find((f) => f.assigneeKind === 'owner');
    if (!unitTask || !ownerTask) throw new Error('missing tasks');
    const body = (f: FollowUp) => ({ status: 'done', note: '已返工', version: f.version });
    const patch = (f: FollowUp, as: string) =>
      call('PATCH', `/api/evaluation-follow-ups/${f.id}`, { as, body: body(f) });
    expectError(await patch(ownerTask, 'unit01'), 404, 'NOT_FOUND');
    expectError(await patch(unitTask, 'unit02'), 404, 'NOT_FOUND');
    expectError(await patch(unitTask, 'grid01'), 403, 'FORBIDDEN');
    const done = expectOk<FollowUp>(await patch(unitTask, 'unit01'));
    expect(done).toMatchObject({ status: 'done', note: '已返工', version: unitTask.version + 1 });
    expect(done.doneAt?.slice(0, 10)).toBe('2026-07-20');
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unitTask.id), eq(auditLog.action, 'evaluation_follow_up.update')));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUserId).toBe(ctx.world.users.unit01.id);
    expect((await listed('unit01', '?status=done')).items.map((f) => f.id)).toEqual([unitTask.id]);
    expect((await listed('hangdong', '?status=open')).total).toBe(2);
  });
});
