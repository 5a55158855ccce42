import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../../test/http.js';
import {
  call,
  createSession,
  ctx,
  ids,
  numbers,
  pdfText,
  renderFirstPage,
  setupEvaluationsApi,
} from '../../../test/api-setup/evaluations.js';
import type { SessionDetail } from './evaluations.contracts.js';
import { recordDocument, renderSessionRecord } from './evaluations.pdf.js';
import { cases } from '../cases/cases.schema.js';

// The session's printed record (每月20日定期评事记录).
setupEvaluationsApi();

describe('the record of a session as a PDF', () => {
  let session: SessionDetail;

  beforeAll(async () => {
    // The unsatisfied case has an owner, so holding gives it a follow-up task to print.
    await ctx.database.db
      .update(cases)
      .set({ ownerPersonId: ctx.world.people.gridWorkerPerson.id })
      .where(inArray(cases.id, Object.values(ids)));
    await createSession('2026-01-20');
    const feb = await createSession('2026-02-20');
    const patched = expectOk<SessionDetail>(
      await call('PATCH', `/api/evaluation-sessions/${feb.id}`, {
        as: 'hangdong',
        body: {
          representatives: ['王大爷', '李阿姨', '张师傅'],
          minutes: '与会代表对本月事项逐项评议。',
          version: feb.version,
        },
      }),
    );
    const verdicts = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
    for (const [i, item] of feb.items.entries()) {
      expectOk(
        await call('PUT', `/api/evaluation-sessions/${feb.id}/items/${item.id}`, {
          as: 'hangdong',
          body: { verdict: verdicts[i % 3] },
        }),
      );
    }
    session = expectOk<SessionDetail>(
      await call('POST', `/api/evaluation-sessions/${feb.id}/hold`, {
        as: 'hangdong',
        body: { version: patched.version },
      }),
    );
  });

  it('prints the record as a PDF in Chinese', async () => {
    const res = await call('GET', `/api/evaluation-sessions/${session.id}/record.pdf`, { as: 'hangdong' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^inline; filename="evaluation-2026-02-20.pdf"; filename\*=UTF-8''/,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain('光泽县杭东社区 每月20日定期评事记录');
      expect(text).toContain('王大爷、李阿姨、张师傅');
      expect(text).toContain('基本满意');
      expect(text).toContain(numbers.late);
      expect(text).toContain('满意率');
    }
    renderFirstPage(pdf, '/tmp/eval-record.png');
    expectError(
      await call('GET', `/api/evaluation-sessions/${session.id}/record.pdf`, { as: 'sanfeng' }),
      404,
      'NOT_FOUND',
    );
  });

  it('lists every verdict and the follow-up tasks of the unsatisfied one', async () => {
    const unsatisfied = session.items.find((i) => i.verdict === 'unsatisfied');
    expect(unsatisfied?.consequence).toBe('supervised');
    expect(session.followUps).toEqual([
      expect.objectContaining({ caseId: unsatisfied?.caseId, assigneeKind: 'owner', status: 'open' }),
    ]);
    const doc = JSON.stringify(recordDocument(session, '光泽县', new Date('2026-02-21T10:00:00+08:00')));
    for (const text of ['满意', '基本满意', '不满意', '处理：已督办', '不满意事项整改跟进', '未完成', '结转下次 0 件'])
      expect(doc).toContain(text);
    expect(doc).toContain(session.followUps[0].assigneeName);
    expect(doc).toContain(session.followUps[0].caseNumber);
    for (const item of session.items) expect(doc).toContain(item.caseNumber);
    // The printed bytes grow with the follow-ups table (a structure check where pdftotext is missing).
    const without = await renderSessionRecord({ ...session, followUps: [] }, '光泽县', { font: 'npm' });
    const withTasks = await renderSessionRecord(session, '光泽县', { font: 'npm' });
    expect(withTasks.length).toBeGreaterThan(without.length);
  });

  it('prints with the Chinese font from npm where the system has none', async () => {
    const pdf = await renderSessionRecord(session, '光泽县', { font: 'npm' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansHans');
    const text = pdfText(pdf);
    if (text !== null) expect(text).toContain('每月20日定期评事记录');
    renderFirstPage(pdf, '/tmp/eval-record-npm-font.png');
  });

  it('a long draft agenda runs over several pages', async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({
      ...session.items[i % session.items.length],
      id: `item-${i}`,
    }));
    const pdf = await renderSessionRecord({ ...session, status: 'draft', items, itemCount: items.length }, '光泽县', {
      font: 'npm',
    });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(4);
    const text = pdfText(pdf);
    if (text !== null) expect(text).toMatch(/第\s*4\s*页/);
  });
});
