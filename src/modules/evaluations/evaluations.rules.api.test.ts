import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk, type Page } from '../../../test/http.js';
import { TEST_CLOCK } from '../../../test/clock.js';
import {
  A,
  call,
  caseAt,
  createSession,
  ctx,
  getSession,
  ids,
  numbers,
  setupEvaluationsApi,
} from '../../../test/api-setup/evaluations.js';
import { setClock } from '../../core/clock.js';
import { auditLog } from '../../core/audit.schema.js';
import { caseDispatches, caseEvents, cases } from '../cases/cases.schema.js';
import { notifications } from '../notifications/notifications.schema.js';
import type { FollowUp, SessionDetail } from './evaluations.contracts.js';

// The rules of holding a session (每月20日定期评事): its day, every item decided, and what 不满意 does. Each test pins
// its own instants, so the suite's clock (2027-01-01, 2028-02-29, a 20th…) does not matter.
setupEvaluationsApi();
afterEach(() => setClock(TEST_CLOCK));

const t = (s: string) => new Date(s);
const hold = (s: SessionDetail, body: object = {}) =>
  call('POST', `/api/evaluation-sessions/${s.id}/hold`, {
    as: 'hangdong',
    body: { representatives: ['王代表'], ...body },
  });
const decide = (s: SessionDetail, caseKey: string, verdict: string, comment?: string) => {
  const item = s.items.find((i) => i.caseId === ids[caseKey]);
  if (!item) throw new Error(`${caseKey} is not on the agenda of ${s.heldOn}`);
  return call('PUT', `/api/evaluation-sessions/${s.id}/items/${item.id}`, {
    as: 'hangdong',
    body: { verdict, comment },
  });
};

describe('a session is judged and held on or after its day, with every item decided', () => {
  let mar: SessionDetail;

  beforeAll(async () => {
    await caseAt('march', 'hangdong', A, { reportedAt: t('2026-03-05T10:00:00+08:00') });
    setClock('2026-03-06T10:00:00+08:00');
    mar = await createSession('2026-03-20');
  });

  it('before its day (county time) a verdict, a carry-over and holding are 409 EVALUATION_SESSION_NOT_YET', async () => {
    // 23:59 on the 19th in the county is already the 20th in no zone that matters: it is still the 19th.
    setClock('2026-03-19T23:59:00+08:00');
    const early = expectError(await decide(mar, 'march', 'satisfied'), 409, 'EVALUATION_SESSION_NOT_YET');
    expect(early.error.message).toContain('2026-03-20');
    expectError(await decide(mar, 'march', 'carried_over'), 409, 'EVALUATION_SESSION_NOT_YET');
    expectError(await hold(mar), 409, 'EVALUATION_SESSION_NOT_YET');
    expect((await getSession(mar.id)).dayReached).toBe(false);
    // Preparing is allowed ahead: the representatives and minutes.
    expectOk(
      await call('PATCH', `/api/evaluation-sessions/${mar.id}`, {
        as: 'hangdong',
        body: { representatives: ['王代表'], version: mar.version },
      }),
    );
  });

  it('on its day an item still pending blocks holding (409 EVALUATION_ITEMS_PENDING); decided, it holds', async () => {
    setClock('2026-03-20T00:01:00+08:00');
    expect((await getSession(mar.id)).dayReached).toBe(true);
    const pending = expectError(await hold(mar), 409, 'EVALUATION_ITEMS_PENDING');
    // The first session of the community takes everything since the start of last month.
    expect(pending.error.message).toContain(String(mar.items.length));
    for (const item of mar.items.slice(1)) {
      expectOk(
        await call('PUT', `/api/evaluation-sessions/${mar.id}/items/${item.id}`, {
          as: 'hangdong',
          body: { verdict: 'basically_satisfied' },
        }),
      );
    }
    expect(expectError(await hold(mar), 409, 'EVALUATION_ITEMS_PENDING').error.message).toContain('1');
    expectOk(
      await call('PUT', `/api/evaluation-sessions/${mar.id}/items/${mar.items[0].id}`, {
        as: 'hangdong',
        body: { verdict: 'satisfied' },
      }),
    );
    expect(expectOk<SessionDetail>(await hold(mar)).status).toBe('held');
  });
});

describe('carrying an item over (结转) to a session created later', () => {
  it('the next session created takes it, marked with where it came from, once', async () => {
    await caseAt('april', 'hangdong', A, { reportedAt: t('2026-04-02T10:00:00+08:00') });
    setClock('2026-04-20T15:00:00+08:00');
    const apr = await createSession('2026-04-20');
    expectOk(await decide(apr, 'april', 'carried_over', '需与物业再协调'));
    expectOk(await hold(apr));
    setClock('2026-05-20T09:00:00+08:00');
    const may = await createSession('2026-05-20');
    const carried = may.items.find((i) => i.caseId === ids.april);
    expect(carried).toMatchObject({ verdict: 'pending', carriedFrom: { sessionId: apr.id, heldOn: '2026-04-20' } });
    const heldApr = await getSession(apr.id);
    expect(heldApr.counts).toMatchObject({ carried_over: 1, pending: 0 });
    // Holding May with the item judged leaves nothing to carry into June.
    expectOk(await decide(may, 'april', 'basically_satisfied'));
    expectOk(await hold(may));
    setClock('2026-06-20T09:00:00+08:00');
    const jun = await createSession('2026-06-20');
    expect(jun.items.find((i) => i.caseId === ids.april)).toBeUndefined();
  });
});

describe('不满意 has consequences when the session is held', () => {
  let jul: SessionDetail;
  let held: SessionDetail;

  beforeAll(async () => {
    // A resolved case a unit worked on (reopened by failing verification) and one still being handled (督办).
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
    jul = await createSession('2026-07-20');
    expectOk(await decide(jul, 'fixed', 'unsatisfied', '路面修补后又塌陷'));
    expectOk(await decide(jul, 'stuck', 'unsatisfied'));
    held = expectOk<SessionDetail>(await hold(jul));
  });

  it('a resolved case is reopened; one still being handled is put under supervision (督办)', async () => {
    const [fixed] = await ctx.database.db.select().from(cases).where(eq(cases.id, ids.fixed));
    const [stuck] = await ctx.database.db.select().from(cases).where(eq(cases.id, ids.stuck));
    expect(fixed.status).toBe('reopened');
    expect(stuck.status).toBe('accepted');
    expect(stuck.supervisedAt).not.toBeNull();
    expect(held.items.find((i) => i.caseId === ids.fixed)?.consequence).toBe('reopened');
    expect(held.items.find((i) => i.caseId === ids.stuck)?.consequence).toBe('supervised');
    const events = await ctx.database.db
      .select({ action: caseEvents.action, note: caseEvents.note })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, ids.stuck));
    expect(events.find((e) => e.action === 'supervise')?.note).toContain('2026-07-20');
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ids.fixed), eq(auditLog.action, 'case.fail_verification')));
    expect(audit).toHaveLength(1);
  });

  it('creates a follow-up task for the owner and for the unit, and notifies them', async () => {
    const fixedTasks = held.followUps.filter((f) => f.caseId === ids.fixed);
    expect(fixedTasks.map((f) => f.assigneeKind).sort()).toEqual(['owner', 'unit']);
    expect(fixedTasks.every((f) => f.status === 'open' && f.consequence === 'reopened')).toBe(true);
    expect(held.followUps.filter((f) => f.caseId === ids.stuck).map((f) => f.assigneeKind)).toEqual(['owner']);
    const unitUser = ctx.world.users.unit01;
    const ownerUser = ctx.world.users.grid01;
    const notes = await ctx.database.db
      .select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title })
      .from(notifications)
      .where(eq(notifications.entityId, ids.fixed));
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: unitUser.id, kind: 'evaluation.reopened' }),
        expect.objectContaining({ userId: ownerUser.id, kind: 'evaluation.reopened' }),
      ]),
    );
    expect(notes.find((n) => n.kind === 'evaluation.reopened')?.title).toContain(numbers.fixed);
  });

  it('the next session shows the follow-ups; the community marks them done', async () => {
    setClock('2026-08-20T09:00:00+08:00');
    const aug = await createSession('2026-08-20');
    expect(aug.earlierFollowUps.map((f) => f.id).sort()).toEqual(held.followUps.map((f) => f.id).sort());
    const task = aug.earlierFollowUps[0];
    const body = { status: 'done', note: '已重新修补并验收', version: task.version };
    expectError(await call('PATCH', `/api/evaluation-follow-ups/${task.id}`, { as: 'grid01', body }), 403, 'FORBIDDEN');
    expectError(
      await call('PATCH', `/api/evaluation-follow-ups/${task.id}`, { as: 'sanfeng', body }),
      404,
      'NOT_FOUND',
    );
    const done = expectOk<FollowUp>(
      await call('PATCH', `/api/evaluation-follow-ups/${task.id}`, { as: 'hangdong', body }),
    );
    expect(done).toMatchObject({ status: 'done', note: '已重新修补并验收', version: task.version + 1 });
    expect(done.doneAt).not.toBeNull();
    expectError(
      await call('PATCH', `/api/evaluation-follow-ups/${task.id}`, { as: 'hangdong', body }),
      409,
      'STALE_UPDATE',
    );
    // A session after the next one still shows what is open, no longer what is done.
    setClock('2026-09-20T09:00:00+08:00');
    const sep = await createSession('2026-09-20');
    const later = sep.earlierFollowUps.map((f) => f.id);
    expect(later).not.toContain(task.id);
    expect(later.length).toBe(held.followUps.length - 1);
  });
});

describe('the list filters by community, month and status', () => {
  it('answers the held sessions of one month', async () => {
    const page = expectOk<Page<SessionDetail>>(
      await call(
        'GET',
        `/api/evaluation-sessions?communityId=${ctx.world.communityA.id}&from=2026-07-01&to=2026-07-31&status=held`,
        { as: 'admin' },
      ),
    );
    expect(page.items.map((s) => s.heldOn)).toEqual(['2026-07-20']);
  });
});
