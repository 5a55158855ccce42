import { inflateSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock, setClock } from '../../../core/clock.js';
import { volunteerCertificates } from '../volunteers.schema.js';
import { certificateDocument } from './certificates.card.js';
import type { PublicCertificate, VolunteerCertificateView } from './hours.contracts.js';
import { insertActivity, insertSignups } from './hours.fixtures.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let v: Awaited<ReturnType<typeof seedVolunteerWorld>>;

const DAY = 86_400_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);
const period = () => ({ periodFrom: localDayOf(ago(90)), periodTo: localDayOf(clock.now()) });
const certCount = async () => (await ctx.database.db.select({ n: count() }).from(volunteerCertificates))[0].n;
const issue = (as: string, volunteerId: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/api/volunteer-certificates', { as, body: { volunteerId, ...period(), ...extra } });
const publicList = async (as: string) =>
  expectOk<{ items: PublicCertificate[] }>(await call('GET', '/api/volunteer-certificates/public', { as })).items;

/**
 * member01 (张党员, a man with an ID number, in team A): two patrols (3 h, 2 h) and a policy talk (1 h) in the last
 * 90 days, a no-show costing 30 minutes: 5.5 h over 3 activities. vol01: a patrol of 4 h. vol02: nothing.
 */
beforeAll(async () => {
  // The 公示 test moves the clock past the publicity: sessions must outlive it.
  ctx = await createTestContext({ config: { sessionIdleMinutes: 100_000, sessionMaxHours: 10_000 } });
  call = api(ctx);
  v = await seedVolunteerWorld(ctx);
  const db = ctx.database.db;
  const communityId = ctx.world.communityA.id;
  const shift = async (typeId: string, daysAgo: number, signups: Parameters<typeof insertSignups>[2]) => {
    const startsAt = ago(daysAgo);
    const a = await insertActivity(db, { communityId, teamId: v.teams.A, typeId, startsAt, hours: 4 });
    await insertSignups(db, { ...a, startsAt }, signups);
  };
  const member = v.volunteers.member01;
  await shift(v.types.street_patrol, 30, [
    { volunteerId: member, state: 'checked_out', minutes: 180 },
    { volunteerId: v.volunteers.vol01, state: 'checked_out', minutes: 240 },
  ]);
  await shift(v.types.street_patrol, 20, [{ volunteerId: member, state: 'checked_out', minutes: 120 }]);
  await shift(v.types.policy_talk, 10, [{ volunteerId: member, state: 'checked_out', minutes: 60 }]);
  await shift(v.types.policy_talk, 5, [{ volunteerId: member, state: 'no_show', penaltyMinutes: 30 }]);
});
afterEach(() => {
  setClock(TEST_CLOCK);
});
afterAll(async () => {
  await ctx?.close();
});

describe('issuing', () => {
  it('copies in the counted hours and activities, generates the content, allocates the serial, starts 公示, audits', async () => {
    const made = expectOk<VolunteerCertificateView>(await issue('hangdong', v.volunteers.member01), 201);
    expect(made).toMatchObject({
      serial: `GZZY-${clock.year()}-000001`,
      volunteerName: '张党员',
      gender: 'male',
      idNumber: '350723********3456',
      issuerOrgId: ctx.world.communityA.id,
      issuerName: '杭东社区',
      minutes: 330,
      hours: 5.5,
      activities: 3,
      content: '参加街巷巡逻、政策宣讲等志愿服务 3 次',
      state: 'publicising',
      revokedAt: null,
    });
    expect(Date.parse(made.publicUntil) - Date.parse(made.issuedAt)).toBe(7 * DAY);
    expect(Math.abs(Date.parse(made.issuedAt) - clock.nowMs())).toBeLessThan(60_000);
    const [audit] = await auditRows(ctx, { action: 'volunteer_certificate.issue', entityId: made.id });
    expect(audit).toBeDefined();
  });

  it('takes given content; the county issues as the county organisation', async () => {
    const made = expectOk<VolunteerCertificateView>(
      await issue('admin', v.volunteers.vol01, { content: '街巷巡逻志愿服务' }),
      201,
    );
    expect(made).toMatchObject({
      issuerOrgId: ctx.world.county.id,
      content: '街巷巡逻志愿服务',
      hours: 4,
      activities: 1,
    });
  });

  it('refuses without verified hours in the period, out of scope, without certify, and writes nothing', async () => {
    const before = await certCount();
    expectError(await issue('hangdong', v.volunteers.vol02), 409, 'VOLUNTEER_CERTIFICATE_NO_HOURS');
    const old = { periodFrom: localDayOf(ago(400)), periodTo: localDayOf(ago(200)) };
    expectError(await issue('hangdong', v.volunteers.member01, old), 409, 'VOLUNTEER_CERTIFICATE_NO_HOURS');
    expectError(await issue('sanfeng', v.volunteers.member01), 404, 'NOT_FOUND');
    for (const as of ['lead01', 'vol01', 'grid01', 'resident01'])
      expectError(await issue(as, v.volunteers.member01), 403, 'FORBIDDEN');
    const reversed = { periodFrom: localDayOf(clock.now()), periodTo: localDayOf(ago(10)) };
    expectError(await issue('hangdong', v.volunteers.member01, reversed), 400, 'VALIDATION_FAILED');
    expect(await certCount()).toBe(before);
  });

  it('allocates unique, consecutive serials under 10 concurrent issues', async () => {
    const before = await certCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => issue('hangdong', v.volunteers.member01)));
    const serials = answers.map((r) => expectOk<VolunteerCertificateView>(r, 201).serial);
    expect(new Set(serials).size).toBe(10);
    const numbers = serials.map((s) => Number(s.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
  });
});

describe('lists and the card', () => {
  it('lists certificates to staff in scope with filters; the volunteer sees theirs', async () => {
    const all = expectOk<Page<VolunteerCertificateView>>(
      await call('GET', '/api/volunteer-certificates?pageSize=50', { as: 'hangdong' }),
    );
    expect(all.total).toBe(await certCount());
    const sanfeng = expectOk<Page<VolunteerCertificateView>>(
      await call('GET', '/api/volunteer-certificates', { as: 'sanfeng' }),
    );
    expect(sanfeng.total).toBe(0);
    const vol01 = expectOk<Page<VolunteerCertificateView>>(
      await call('GET', `/api/volunteer-certificates?volunteerId=${v.volunteers.vol01}`, { as: 'admin' }),
    );
    expect(vol01.items.map((c) => c.volunteerName)).toEqual(['志愿者甲']);
    const bySerial = expectOk<Page<VolunteerCertificateView>>(
      await call('GET', `/api/volunteer-certificates?q=${clock.year()}-000001`, { as: 'admin' }),
    );
    expect(bySerial.items.map((c) => c.volunteerName)).toEqual(['张党员']);
    const mine = expectOk<{ items: VolunteerCertificateView[] }>(
      await call('GET', '/api/volunteer-certificates/mine', { as: 'vol01' }),
    );
    expect(mine.items.map((c) => c.content)).toEqual(['街巷巡逻志愿服务']);
    expectError(await call('GET', '/api/volunteer-certificates', { as: 'resident01' }), 403, 'FORBIDDEN');
  });

  it('prints the PDF for the volunteer and staff in scope, with no internal id; 404 to others', async () => {
    const [cert] = expectOk<{ items: VolunteerCertificateView[] }>(
      await call('GET', '/api/volunteer-certificates/mine', { as: 'vol01' }),
    ).items;
    for (const as of ['vol01', 'hangdong', 'admin']) {
      const res = await call('GET', `/api/volunteer-certificates/${cert.id}/card.pdf`, { as });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The raw file and every inflated stream: no UUID anywhere (the document's texts, its info, its content).
      const streams = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map((m) => {
        try {
          return inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
        } catch {
          return m[1];
        }
      });
      expect(UUID.test(pdf.toString('latin1'))).toBe(false);
      for (const s of streams) expect(UUID.test(s)).toBe(false);
    }
    // The text set in the PDF (the glyphs are a subset font's, so checked on the document it is drawn from).
    const doc = JSON.stringify(certificateDocument(cert));
    expect(UUID.test(doc)).toBe(false);
    for (const block of ['志愿服务证明', '志愿者甲', cert.serial, '4 小时', '谁记录谁证明', '公示期', '出具单位'])
      expect(doc).toContain(block);
    for (const as of ['vol02', 'sanfeng', 'lead02', 'resident01'])
      expectError(await call('GET', `/api/volunteer-certificates/${cert.id}/card.pdf`, { as }), 404, 'NOT_FOUND');
  });
});

describe('公示 and revocation', () => {
  it('lists only certificates whose publicity is running; past publicUntil they are gone and issued', async () => {
    const running = await publicList('vol02');
    expect(running.length).toBe(await certCount());
    expect(running[0]).toMatchObject({ idNumber: expect.stringMatching(/\*{4}/) });
    expect(Object.keys(running[0])).not.toContain('volunteerId');
    expect((await publicList('resident01')).length).toBe(running.length);
    expectError(await call('GET', '/api/volunteer-certificates/public', { as: 'unit01' }), 403, 'FORBIDDEN');
    setClock(new Date(Date.parse(running[0].publicUntil) + 1000));
    expect(await publicList('vol02')).toEqual([]);
    const issued = expectOk<Page<VolunteerCertificateView>>(
      await call('GET', '/api/volunteer-certificates?state=issued&pageSize=50', { as: 'admin' }),
    );
    expect(issued.total).toBe(await certCount());
  });

  it('revokes with a reason (audited): off the 公示, no card, not twice; others refused, nothing written', async () => {
    const [cert] = expectOk<{ items: VolunteerCertificateView[] }>(
      await call('GET', '/api/volunteer-certificates/mine', { as: 'member01' }),
    ).items;
    const url = `/api/volunteer-certificates/${cert.id}/revoke`;
    expectError(await call('POST', url, { as: 'hangdong', body: { reason: ' ' } }), 400, 'VALIDATION_FAILED');
    expectError(await call('POST', url, { as: 'sanfeng', body: { reason: '重复出具' } }), 404, 'NOT_FOUND');
    expectError(await call('POST', url, { as: 'lead01', body: { reason: '重复出具' } }), 403, 'FORBIDDEN');
    expect((await auditRows(ctx, { action: 'volunteer_certificate.revoke' })).length).toBe(0);
    const done = expectOk<VolunteerCertificateView>(
      await call('POST', url, { as: 'hangdong', body: { reason: '重复出具' } }),
    );
    expect(done).toMatchObject({ state: 'revoked', revokeReason: '重复出具' });
    expect((await auditRows(ctx, { action: 'volunteer_certificate.revoke', entityId: cert.id })).length).toBe(1);
    expect((await publicList('vol02')).map((c) => c.id)).not.toContain(cert.id);
    expectError(
      await call('GET', `/api/volunteer-certificates/${cert.id}/card.pdf`, { as: 'member01' }),
      409,
      'VOLUNTEER_CERTIFICATE_REVOKED',
    );
    expectError(
      await call('POST', url, { as: 'hangdong', body: { reason: '再次' } }),
      409,
      'VOLUNTEER_CERTIFICATE_REVOKED',
    );
    const [row] = await ctx.database.db
      .select()
      .from(volunteerCertificates)
      .where(eq(volunteerCertificates.id, cert.id));
    expect(row.revokeReason).toBe('重复出具');
  });
});
