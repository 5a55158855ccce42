import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, expectError, expectOk, type Page } from '../../../test/http.js';
import { auditLog } from '../../core/audit.schema.js';
import type { CaseDetail } from '../cases/cases.contracts.js';
import { cases } from '../cases/cases.schema.js';
import type { EvaluationItem, SessionDetail, SessionView } from './evaluations.contracts.js';
import { renderSessionRecord } from './evaluations.pdf.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

/** A case recorded by staff, then moved in time (tests may set the clock of their own rows directly). */
async function caseAt(
  key: string,
  as: string,
  lngLat: [number, number],
  at: Partial<typeof cases.$inferInsert>,
): Promise<void> {
  const res = await call('POST', '/api/cases', {
    as,
    body: {
      channel: 'hall',
      description: `居民反映：${key} 号事项，请社区协调处理`,
      reporterName: '王大爷',
      lng: lngLat[0],
      lat: lngLat[1],
    },
  });
  const c = expectOk<CaseDetail>(res, 201);
  await ctx.database.db.update(cases).set(at).where(eq(cases.id, c.id));
  ids[key] = c.id;
  numbers[key] = c.number;
}

const A: [number, number] = [117.331, 27.541];
const B: [number, number] = [117.345, 27.545];
const t = (s: string) => new Date(s);

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  await caseAt('old', 'hangdong', A, { reportedAt: t('2026-01-10T10:00:00+08:00') });
  await caseAt('late', 'hangdong', A, {
    reportedAt: t('2026-01-05T09:00:00+08:00'),
    resolvedAt: t('2026-02-03T15:00:00+08:00'),
    status: 'resolved',
  });
  await caseAt('new', 'hangdong', A, {
    reportedAt: t('2026-01-25T10:00:00+08:00'),
    status: 'closed',
    resolvedAt: t('2026-02-01T10:00:00+08:00'),
    closedAt: t('2026-02-02T10:00:00+08:00'),
    satisfaction: 'satisfied',
  });
  await caseAt('eve', 'hangdong', A, { reportedAt: t('2026-02-19T23:30:00+08:00') });
  await caseAt('after', 'hangdong', A, { reportedAt: t('2026-02-20T08:00:00+08:00') });
  await caseAt('merged', 'hangdong', A, { reportedAt: t('2026-02-10T10:00:00+08:00'), mergedIntoId: ids.new });
  await caseAt('other', 'sanfeng', B, { reportedAt: t('2026-02-01T10:00:00+08:00') });
});
afterAll(async () => {
  await ctx?.close();
});

const caseKeys = (s: SessionDetail) => s.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.caseId)).sort();

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
    expect(detail.counts).toEqual({ satisfied: 1, basically_satisfied: 1, unsatisfied: 1, pending: 0 });
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

  it('may be held with the final representatives and minutes in one step', async () => {
    const jan = expectOk<Page<SessionView>>(
      await call('GET', '/api/evaluation-sessions?to=2026-01-31', { as: 'hangdong' }),
    ).items[0];
    const held = expectOk<SessionDetail>(
      await call('POST', `/api/evaluation-sessions/${jan.id}/hold`, {
        as: 'hangdong',
        body: { representatives: ['赵代表', '钱代表'], minutes: '一月份事项评议完毕。', version: jan.version },
      }),
    );
    expect(held).toMatchObject({
      status: 'held',
      representatives: ['赵代表', '钱代表'],
      minutes: '一月份事项评议完毕。',
      counts: { pending: 2 },
    });
    const held2 = expectOk<Page<SessionView>>(
      await call('GET', '/api/evaluation-sessions?status=held', { as: 'hangdong' }),
    );
    expect(held2.items.map((s) => s.id)).toEqual([jan.id]);
  });

  it('once held the record is final: edits, verdicts and a second hold are 409', async () => {
    expectError(await call('POST', `/api/evaluation-sessions/${session.id}/hold`, { as: 'grid01' }), 403, 'FORBIDDEN');
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
    expect(actions.filter((a) => a === 'evaluation_item.verdict')).toHaveLength(3);
    const all = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, 'evaluation_session.create'));
    expect(all).toHaveLength(3);
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

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PDF's text through poppler's pdftotext, or null where poppler-utils is not installed. */
function pdfText(pdf: Buffer): string | null {
  if (!hasTool('pdftotext')) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-pdf-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page 1 as a PNG, for a person to look at (skipped where pdftoppm is missing). */
function renderFirstPage(pdf: Buffer, png: string): void {
  if (!hasTool('pdftoppm')) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-pdf-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(dir, 'r.pdf'),
      png.replace(/\.png$/, ''),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
