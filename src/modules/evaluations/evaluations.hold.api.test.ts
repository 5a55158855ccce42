import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk, type Page } from '../../../test/http.js';
import { call, createSession, ctx, ids, setupEvaluationsApi } from '../../../test/api-setup/evaluations.js';
import { auditLog } from '../../core/audit.schema.js';
import type { EvaluationItem, SessionDetail, SessionView } from './evaluations.contracts.js';

// Recording representatives, minutes and verdicts, and holding a session (its record final from then on).
setupEvaluationsApi();

beforeAll(async () => {
  await createSession('2026-01-20');
  await createSession('2026-02-20');
  await createSession('2026-02-20', ctx.world.communityB.id, 'admin');
});

const janView = async () =>
  expectOk<Page<SessionView>>(await call('GET', '/api/evaluation-sessions?to=2026-01-31', { as: 'hangdong' })).items[0];

describe('recording and holding a session', () => {
  let session: SessionDetail;

  beforeAll(async () => {
    const list = expectOk<Page<SessionView>>(
      await call('GET', `/api/evaluation-sessions?communityId=${ctx.world.communityA.id}&sort=-heldOn`, {
        as: 'hangdong',
      }),
    );
    session = expectOk<SessionDetail>(
      await call('GET', `/api/evaluation-sessions/${list.items[0].id}`, { as: 'hangdong' }),
    );
  });

  it('staff record the representatives, the minutes and a verdict per case', async () => {
    const patched = expectOk<SessionDetail>(
      await call('PATCH', `/api/evaluation-sessions/${session.id}`, {
        as: 'hangdong',
        body: {
          representatives: ['王大爷', '李阿姨', '张师傅'],
          minutes: '与会代表对本月事项逐项评议。\n楼道燃气问题处理及时，代表表示满意。',
          version: session.version,
        },
      }),
    );
    expect(patched).toMatchObject({ representatives: ['王大爷', '李阿姨', '张师傅'], version: session.version + 1 });
    expectError(
      await call('PATCH', `/api/evaluation-sessions/${session.id}`, {
        as: 'hangdong',
        body: { minutes: 'x', version: session.version },
      }),
      409,
      'STALE_UPDATE',
    );
    const verdicts = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
    for (const [i, item] of session.items.entries()) {
      const res = await call('PUT', `/api/evaluation-sessions/${session.id}/items/${item.id}`, {
        as: 'hangdong',
        body: { verdict: verdicts[i], comment: i === 2 ? '处理太慢，希望加快' : undefined },
      });
      expect(expectOk<EvaluationItem>(res)).toMatchObject({ id: item.id, verdict: verdicts[i] });
    }
    expectError(
      await call('PUT', `/api/evaluation-sessions/${session.id}/items/${session.items[0].id}`, {
        as: 'hangdong',
        body: { verdict: 'pending' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PUT', `/api/evaluation-sessions/${session.id}/items/${session.items[0].id}`, {
        as: 'grid01',
        body: { verdict: 'satisfied' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PUT', `/api/evaluation-sessions/${session.id}/items/${session.items[0].id}`, {
        as: 'sanfeng',
        body: { verdict: 'satisfied' },
      }),
      404,
      'NOT_FOUND',
    );
    const jan = expectOk<Page<SessionView>>(
      await call('GET', '/api/evaluation-sessions?from=2026-01-01&to=2026-01-31', { as: 'hangdong' }),
    ).items[0];
    expectError(
      await call('PUT', `/api/evaluation-sessions/${jan.id}/items/${session.items[0].id}`, {
        as: 'hangdong',
        body: { verdict: 'satisfied' },
      }),
      404,
      'NOT_FOUND',
    );
    const detail = expectOk<SessionDetail>(
      await call('GET', `/api/evaluation-sessions/${session.id}`, { as: 'hangdong' }),
    );
    expect(detail.counts).toEqual({
      satisfied: 1,
      basically_satisfied: 1,
      unsatisfied: 1,
      pending: 0,
      carried_over: 0,
    });
    session = detail;
  });

  it('cannot be held without representatives', async () => {
    const jan = expectOk<Page<SessionView>>(
      await call('GET', '/api/evaluation-sessions?to=2026-01-31', { as: 'hangdong' }),
    ).items[0];
    const res = expectError(
      await call('POST', `/api/evaluation-sessions/${jan.id}/hold`, { as: 'hangdong' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.error.details).toEqual([expect.objectContaining({ path: '/representatives' })]);
    expectError(
      await call('POST', `/api/evaluation-sessions/${jan.id}/hold`, { as: 'hangdong', body: { representatives: [] } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('cannot be held while an item has neither a verdict nor a carry-over; carried items go to the next session', async () => {
    const jan = expectOk<SessionDetail>(
      await call('GET', `/api/evaluation-sessions/${(await janView()).id}`, { as: 'hangdong' }),
    );
    const body = { representatives: ['赵代表', '钱代表'], minutes: '一月份事项评议完毕。', version: jan.version };
    const refused = expectError(
      await call('POST', `/api/evaluation-sessions/${jan.id}/hold`, { as: 'hangdong', body }),
      409,
      'EVALUATION_ITEMS_PENDING',
    );
    expect(refused.error.message).toContain('2');
    for (const item of jan.items) {
      expectOk(
        await call('PUT', `/api/evaluation-sessions/${jan.id}/items/${item.id}`, {
          as: 'hangdong',
          body: { verdict: 'carried_over', comment: '下月再议' },
        }),
      );
    }
    const held = expectOk<SessionDetail>(
      await call('POST', `/api/evaluation-sessions/${jan.id}/hold`, { as: 'hangdong', body }),
    );
    expect(held).toMatchObject({
      status: 'held',
      representatives: ['赵代表', '钱代表'],
      minutes: '一月份事项评议完毕。',
      counts: { pending: 0, carried_over: 2 },
    });
    const held2 = expectOk<Page<SessionView>>(
      await call('GET', '/api/evaluation-sessions?status=held', { as: 'hangdong' }),
    );
    expect(held2.items.map((s) => s.id)).toEqual([jan.id]);
    // February was already created: 'old' joins its agenda, 'late' (on it already) is marked as carried.
    const feb = expectOk<SessionDetail>(
      await call('GET', `/api/evaluation-sessions/${session.id}`, { as: 'hangdong' }),
    );
    const fromJan = feb.items.filter((i) => i.carriedFrom?.heldOn === '2026-01-20').map((i) => i.caseId);
    expect(fromJan.sort()).toEqual([ids.late, ids.old].sort());
    expect(feb.items.find((i) => i.caseId === ids.old)).toMatchObject({ verdict: 'pending', kind: 'handled' });
    expect(feb.items.find((i) => i.caseId === ids.late)?.verdict).toBe('satisfied');
    session = feb;
  });

  it('once held the record is final: edits, verdicts and a second hold are 409', async () => {
    expectError(await call('POST', `/api/evaluation-sessions/${session.id}/hold`, { as: 'grid01' }), 403, 'FORBIDDEN');
    const old = session.items.find((i) => i.caseId === ids.old) as EvaluationItem;
    expectError(
      await call('POST', `/api/evaluation-sessions/${session.id}/hold`, { as: 'hangdong' }),
      409,
      'EVALUATION_ITEMS_PENDING',
    );
    expectOk(
      await call('PUT', `/api/evaluation-sessions/${session.id}/items/${old.id}`, {
        as: 'hangdong',
        body: { verdict: 'satisfied' },
      }),
    );
    expectError(
      await call('POST', `/api/evaluation-sessions/${session.id}/hold`, {
        as: 'hangdong',
        body: { version: session.version + 9 },
      }),
      409,
      'STALE_UPDATE',
    );
    const held = expectOk<SessionDetail>(
      await call('POST', `/api/evaluation-sessions/${session.id}/hold`, {
        as: 'hangdong',
        body: { version: session.version },
      }),
    );
    expect(held.status).toBe('held');
    expect(held.heldAt).not.toBeNull();
    expectError(
      await call('PATCH', `/api/evaluation-sessions/${session.id}`, {
        as: 'hangdong',
        body: { minutes: '改一下', version: held.version },
      }),
      409,
      'EVALUATION_SESSION_HELD',
    );
    expectError(
      await call('PUT', `/api/evaluation-sessions/${session.id}/items/${session.items[0].id}`, {
        as: 'admin',
        body: { verdict: 'unsatisfied' },
      }),
      409,
      'EVALUATION_SESSION_HELD',
    );
    expectError(
      await call('POST', `/api/evaluation-sessions/${session.id}/hold`, { as: 'hangdong' }),
      409,
      'EVALUATION_SESSION_HELD',
    );
    const after = expectOk<SessionDetail>(
      await call('GET', `/api/evaluation-sessions/${session.id}`, { as: 'hangdong' }),
    );
    expect(after.counts).toEqual(held.counts);
    expect(after.minutes).toContain('逐项评议');
    session = after;
  });

  it('audits every write', async () => {
    const rows = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'evaluation_session'), eq(auditLog.entityId, session.id)));
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'evaluation_session.create',
        'evaluation_session.update',
        'evaluation_item.verdict',
        'evaluation_session.hold',
      ]),
    );
    expect(actions.filter((a) => a === 'evaluation_item.verdict')).toHaveLength(4);
    const all = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, 'evaluation_session.create'));
    expect(all).toHaveLength(3);
  });
});
