import { and, count, eq } from 'drizzle-orm';
import { decodePng } from '../../../../test/qr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDayOf } from '../../../core/calendar.js';
import { clock, setClock } from '../../../core/clock.js';
import { auditLog } from '../../../core/audit.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, expectError, expectOk, type Page } from '../../../../test/http.js';
import { TEST_PASSWORD } from '../../../../test/world.js';
import type { ApproveResult, MyReports, ReportView, ScanView, UnreportedView } from './reports.contracts.js';
import { memberCertificates, memberReports } from './reports.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  setClock(TEST_CLOCK);
  await ctx.close();
});

async function reportCount(memberId: string): Promise<number> {
  const [{ n }] = await ctx.database.db
    .select({ n: count() })
    .from(memberReports)
    .where(eq(memberReports.memberId, memberId));
  return n;
}

async function apply(as: string, body: object = { skills: ['legal_service'] }) {
  return call('POST', '/api/member-reports', { as, body });
}

const tokenOfUrl = (url: string) => url.slice(url.indexOf('/m/scan/') + '/m/scan/'.length);

describe('applying and withdrawing', () => {
  it('a member applies to their residence community with a grid and skills; a second is 409, nothing written', async () => {
    const { member1 } = ctx.world.members;
    const r = expectOk<ReportView>(
      await apply('member01', {
        gridId: ctx.world.grids.gA11.id,
        skills: ['legal_service', 'youth_care'],
        note: '周末有空',
      }),
      201,
    );
    expect(r).toMatchObject({
      memberId: member1.id,
      communityId: ctx.world.communityA.id,
      communityName: '杭东社区',
      gridId: ctx.world.grids.gA11.id,
      state: 'pending',
      skills: ['legal_service', 'youth_care'],
      memberName: '张党员',
    });
    const before = await reportCount(member1.id);
    expectError(await apply('member01'), 409, 'MEMBER_REPORT_PENDING');
    expect(await reportCount(member1.id)).toBe(before);
  });

  it('refuses a grid outside the community, an unknown skill and a login that is not a member', async () => {
    expectError(await apply('member02', { gridId: ctx.world.grids.gA11.id, skills: [] }), 400, 'VALIDATION_FAILED');
    expectError(await apply('member02', { skills: ['cooking'] }), 400, 'VALIDATION_FAILED');
    expectError(await apply('member02', { skills: ['legal_service', 'legal_service'] }), 400, 'VALIDATION_FAILED');
    expectError(await apply('admin'), 404, 'NOT_FOUND');
    expectError(await apply('hangdong'), 403, 'FORBIDDEN');
    expect(await reportCount(ctx.world.members.member2.id)).toBe(0);
  });

  it('the member sees their own applications; another member cannot withdraw it; the member can, once', async () => {
    const mine = expectOk<MyReports>(await call('GET', '/api/member-reports/mine', { as: 'member01' }));
    expect(mine).toMatchObject({ inService: true, communityName: '杭东社区', reported: false, certificate: null });
    expect(mine.items).toHaveLength(1);
    const id = mine.items[0].id;
    expectError(await call('POST', `/api/member-reports/${id}/withdraw`, { as: 'member02' }), 404, 'NOT_FOUND');
    expect(
      expectOk<ReportView>(await call('POST', `/api/member-reports/${id}/withdraw`, { as: 'member01' })).state,
    ).toBe('withdrawn');
    const again = expectError(
      await call('POST', `/api/member-reports/${id}/withdraw`, { as: 'member01' }),
      409,
      'MEMBER_REPORT_NOT_PENDING',
    );
    expect(again.error.message).toContain('已撤回');
  });
});

describe('deciding', () => {
  let reportId: string;
  let approved: ApproveResult;

  it('another community cannot decide; the member’s community approves and a certificate is issued', async () => {
    reportId = expectOk<ReportView>(await apply('member01', { skills: ['environment'] }), 201).id;
    expectError(await call('POST', `/api/member-reports/${reportId}/approve`, { as: 'sanfeng' }), 403, 'FORBIDDEN');
    expectError(await call('POST', `/api/member-reports/${reportId}/approve`, { as: 'grid01' }), 403, 'FORBIDDEN');
    approved = expectOk<ApproveResult>(
      await call('POST', `/api/member-reports/${reportId}/approve`, { as: 'hangdong' }),
    );
    expect(approved.report).toMatchObject({
      state: 'approved',
      decidedByName: 'hangdong',
      certificateId: approved.certificate.id,
    });
    expect(approved.certificate.serial).toBe(`光泽-杭东-${clock.year()}-0001`);
    expect(approved.certificate.status).toBe('live');
    const days = (Date.parse(approved.certificate.expiresAt) - Date.parse(approved.certificate.issuedAt)) / 86_400_000;
    expect(Math.round(days)).toBe(365);
    expectError(
      await call('POST', `/api/member-reports/${reportId}/approve`, { as: 'hangdong' }),
      409,
      'MEMBER_REPORT_NOT_PENDING',
    );
    const audits = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, reportId));
    expect(audits.map((a) => a.action).sort()).toEqual(['member_report.apply', 'member_report.approve']);
    const told = await ctx.database.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.world.users.member01.id), eq(notifications.entityId, reportId)));
    expect(told[0]?.title).toContain(approved.certificate.serial);
  });

  it('the member now counts as reported and sees the certificate with its token and QR text', async () => {
    const mine = expectOk<MyReports>(await call('GET', '/api/member-reports/mine', { as: 'member01' }));
    expect(mine.reported).toBe(true);
    expect(mine.certificate).toMatchObject({ id: approved.certificate.id, status: 'live' });
    expect(mine.certificate?.qrText).toMatch(/^http:\/\/localhost(:\d+)?\/m\/scan\//);
    expect(mine.certificate?.qrText.endsWith(`/m/scan/${mine.certificate?.token}`)).toBe(true);
  });

  it('declining needs a reason and tells the member', async () => {
    const id = expectOk<ReportView>(await apply('member02'), 201).id;
    expectError(
      await call('POST', `/api/member-reports/${id}/decline`, { as: 'sanfeng', body: { reason: ' ' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', `/api/member-reports/${id}/decline`, { as: 'hangdong', body: { reason: '不在本社区' } }),
      403,
      'FORBIDDEN',
    );
    const r = expectOk<ReportView>(
      await call('POST', `/api/member-reports/${id}/decline`, { as: 'sanfeng', body: { reason: '请补充网格' } }),
    );
    expect(r).toMatchObject({ state: 'declined', declineReason: '请补充网格' });
    const [told] = await ctx.database.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.world.users.member02.id), eq(notifications.entityId, id)));
    expect(told.body).toBe('请补充网格');
    expectError(
      await call('POST', `/api/member-reports/${id}/approve`, { as: 'sanfeng' }),
      409,
      'MEMBER_REPORT_NOT_PENDING',
    );
  });

  it('a new approval replaces the live certificate (revoked as replaced) with the next serial', async () => {
    const id = expectOk<ReportView>(await apply('member01'), 201).id;
    const next = expectOk<ApproveResult>(await call('POST', `/api/member-reports/${id}/approve`, { as: 'admin' }));
    expect(next.certificate.serial).toBe(`光泽-杭东-${clock.year()}-0002`);
    const [old] = await ctx.database.db
      .select()
      .from(memberCertificates)
      .where(eq(memberCertificates.id, approved.certificate.id));
    expect(old.revokeReason).toBe('replaced');
  });
});

describe('who sees which registrations', () => {
  const list = async (as: string, query = '') => call('GET', `/api/member-reports?pageSize=50${query}`, { as });

  it('a community only its residents, a unit only its members, a member none through the staff list', async () => {
    const names = async (as: string) => expectOk<Page<ReportView>>(await list(as)).items.map((r) => r.memberName);
    expect(new Set(await names('hangdong'))).toEqual(new Set(['张党员']));
    expect(new Set(await names('sanfeng'))).toEqual(new Set(['赵党员']));
    expect(new Set(await names('unit01'))).toEqual(new Set(['张党员']));
    expect(new Set(await names('unit02'))).toEqual(new Set(['赵党员']));
    expect(new Set(await names('grid01'))).toEqual(new Set(['张党员']));
    expect(new Set(await names('admin'))).toEqual(new Set(['张党员', '赵党员']));
    expectError(await list('member01'), 403, 'FORBIDDEN');
    expectError(await list('resident01'), 403, 'FORBIDDEN');
  });

  it('filters by state and name, and pages', async () => {
    const pending = expectOk<Page<ReportView>>(await list('admin', '&state=approved&q=张'));
    expect(pending.items.every((r) => r.state === 'approved' && r.memberName === '张党员')).toBe(true);
    expect(pending.total).toBe(2);
    const page = expectOk<Page<ReportView>>(
      await call('GET', '/api/member-reports?pageSize=1&page=2&sort=-appliedAt', { as: 'admin' }),
    );
    expect(page.items).toHaveLength(1);
  });

  it('the unreported list: who has never reported, in scope', async () => {
    const all = expectOk<Page<UnreportedView>>(await call('GET', '/api/member-reports/unreported', { as: 'admin' }));
    expect(all.items.map((r) => r.memberName)).toEqual(['赵党员']);
    expect(all.items[0]).toMatchObject({ lastReportedAt: null, lapsedAt: null, pendingReportId: null });
    expect(
      expectOk<Page<UnreportedView>>(await call('GET', '/api/member-reports/unreported', { as: 'hangdong' })).total,
    ).toBe(0);
    expect(
      expectOk<Page<UnreportedView>>(await call('GET', '/api/member-reports/unreported', { as: 'unit02' })).total,
    ).toBe(1);
    const xlsx = await call('GET', '/api/member-reports/unreported/export.xlsx', { as: 'admin' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the certificate card and the scan page', () => {
  let certId: string;
  let token: string;

  it('the PNG decodes to the scan URL with the token; the PDF is a PDF; others cannot fetch it', async () => {
    const mine = expectOk<MyReports>(await call('GET', '/api/member-reports/mine', { as: 'member01' }));
    certId = mine.certificate!.id;
    const png = await call('GET', `/api/member-certificates/${certId}/card.png`, { as: 'member01' });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const text = await decodePng(png.rawPayload);
    expect(text).toMatch(/\/m\/scan\/[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]+$/);
    token = tokenOfUrl(text!);
    expect(token).toBe(mine.certificate!.token);
    const pdf = await call('GET', `/api/member-certificates/${certId}/card.pdf`, { as: 'hangdong' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await call('GET', `/api/member-certificates/${certId}/card.pdf`, { as: 'unit01' })).statusCode).toBe(200);
    expectError(await call('GET', `/api/member-certificates/${certId}/card.png`, { as: 'member02' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/member-certificates/${certId}/card.pdf`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/member-certificates/${certId}/card.pdf`, { as: 'unit02' }), 404, 'NOT_FOUND');
  });

  it('staff of the community scan it and see the member; other communities and members cannot', async () => {
    const url = `/api/member-certificates/scan?token=${encodeURIComponent(token)}`;
    const seen = expectOk<ScanView>(await call('GET', url, { as: 'grid01' }));
    expect(seen).toMatchObject({
      certificateId: certId,
      memberName: '张党员',
      phone: '137****3333',
      unitName: '县司法局党组',
      communityName: '杭东社区',
      reported: true,
      hoursThisYear: 0,
      year: clock.year(),
    });
    const viaUrl = `/api/member-certificates/scan?token=${encodeURIComponent(`https://x.example/m/scan/${token}`)}`;
    expectOk(await call('GET', viaUrl, { as: 'hangdong' }));
    expectError(await call('GET', url, { as: 'sanfeng' }), 403, 'FORBIDDEN');
    expectError(await call('GET', url, { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', url, { as: 'unit01' }), 403, 'FORBIDDEN');
  });

  it('a forged or altered token is 400 CERTIFICATE_INVALID', async () => {
    const [id, exp, sig] = token.split('.');
    const altered = `${id}.${(Number.parseInt(exp, 36) + 86_400).toString(36)}.${sig}`;
    const flipped = `${id}.${exp}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    for (const bad of [altered, flipped, 'not-a-token'])
      expectError(
        await call('GET', `/api/member-certificates/scan?token=${encodeURIComponent(bad)}`, { as: 'hangdong' }),
        400,
        'CERTIFICATE_INVALID',
      );
  });

  it('a revoked certificate is refused; revoking twice is a conflict; another community may not revoke', async () => {
    const url = `/api/member-certificates/${certId}/revoke`;
    expectError(await call('POST', url, { as: 'sanfeng', body: { reason: '误发' } }), 403, 'FORBIDDEN');
    expectError(await call('POST', url, { as: 'hangdong', body: {} }), 400, 'VALIDATION_FAILED');
    const revoked = expectOk<{ status: string; revokeReason: string }>(
      await call('POST', url, { as: 'hangdong', body: { reason: '已迁出本社区' } }),
    );
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '已迁出本社区' });
    expectError(await call('POST', url, { as: 'hangdong', body: { reason: '再次' } }), 409, 'CONFLICT');
    expectError(
      await call('GET', `/api/member-certificates/scan?token=${encodeURIComponent(token)}`, { as: 'hangdong' }),
      410,
      'CERTIFICATE_REVOKED',
    );
    const png = await call('GET', `/api/member-certificates/${certId}/card.png`, { as: 'member01' });
    expect(png.statusCode).toBe(200);
  });
});

describe('as time passes', () => {
  /** A fresh login: the test's cached sessions end when the clock jumps months ahead. */
  async function login(username: string): Promise<string> {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  it('a certificate expires with its time, and a registration lapses after the rules’ months', async () => {
    const id = expectOk<ReportView>(await apply('member02', { skills: [] }), 201).id;
    const approved = expectOk<ApproveResult>(
      await call('POST', `/api/member-reports/${id}/approve`, { as: 'sanfeng' }),
    );
    const mine = expectOk<MyReports>(await call('GET', '/api/member-reports/mine', { as: 'member02' }));
    const url = `/api/member-certificates/scan?token=${encodeURIComponent(mine.certificate!.token)}`;

    // Seven months on: the registration has lapsed (6 months by default); the certificate (a year) still scans.
    const today = localDayOf(clock.now());
    setClock(`${addDays(today, 214)}T10:00:00+08:00`);
    const staff = await login('sanfeng');
    const seen = await ctx.app.inject({ method: 'GET', url, headers: { cookie: staff } });
    expect(seen.json<ScanView>().reported).toBe(false);
    const unreported = await ctx.app.inject({
      method: 'GET',
      url: '/api/member-reports/unreported?reason=lapsed',
      headers: { cookie: staff },
    });
    const row = unreported.json<Page<UnreportedView>>().items.find((r) => r.memberName === '赵党员');
    expect(row?.lastReportedAt?.slice(0, 10)).toBe(today);
    expect(row?.lapsedAt).not.toBeNull();

    // A day past the certificate's expiry: refused with its local expiry.
    setClock(new Date(Date.parse(approved.certificate.expiresAt) + 86_400_000));
    const expired = await ctx.app.inject({ method: 'GET', url, headers: { cookie: await login('sanfeng') } });
    expect(expired.statusCode, expired.body).toBe(410);
    expect(expired.json<{ error: { code: string } }>().error.code).toBe('CERTIFICATE_EXPIRED');
  });
});
