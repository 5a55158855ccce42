import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { addDays, localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import { memberReports } from '../reports/reports.schema.js';
import { type QuarterKey, quarterFirstDay, quarterLastDay, quarterOfDay } from './quarters.js';
import type { Coverage, RatingView, ServiceRulesResponse, UnitSheet } from './ratings.contracts.js';
import { memberRatings, memberServiceRules } from './ratings.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
/** The quarter running on the test clock's day, and the last one that has ended before it. */
let current: QuarterKey;
let ended: QuarterKey;

/** A service record of `hours` on `day` for a member (written directly: the ledger's sources are other modules'). */
async function serve(memberId: string, communityId: string, day: string, hours: number) {
  const startsAt = localInstant(day, '08:00');
  await ctx.database.db.insert(serviceRecords).values({
    memberId,
    kind: 'post_duty',
    sourceId: randomUUID(),
    communityId,
    title: '楼道值守',
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
    minutes: hours * 60,
    day,
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  current = quarterOfDay(clock.today());
  ended = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { ...current, quarter: current.quarter - 1 };
  const { member1 } = ctx.world.members;
  const a = ctx.world.communityA.id;
  // member1 (杭东, unit1) reported in the ended quarter and served 4 × 6 h in it: 4 × min(60 + 5, 60) = 240 points.
  const first = quarterFirstDay(ended);
  await ctx.database.db.insert(memberReports).values({
    memberId: member1.id,
    communityId: a,
    state: 'approved',
    appliedAt: localInstant(first, '09:00'),
    decidedAt: localInstant(first, '10:00'),
  });
  for (const d of [0, 1, 2]) await serve(member1.id, a, addDays(first, d), 6);
  await serve(member1.id, a, quarterLastDay(ended), 6);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const quarterBody = (q: QuarterKey, extra: object = {}) => ({ year: q.year, quarter: q.quarter, ...extra });

async function ratingsOf(q: QuarterKey, as = 'admin'): Promise<RatingView[]> {
  return expectOk<Page<RatingView>>(
    await call('GET', `/api/member-ratings?year=${q.year}&quarter=${q.quarter}&pageSize=200`, { as }),
  ).items;
}

describe('the service rules', () => {
  it('are the defaults until the county saves a row; a negative cap is refused with its reason, nothing written', async () => {
    const rules = expectOk<ServiceRulesResponse>(await call('GET', '/api/member-service-rules', { as: 'member01' }));
    expect(rules).toMatchObject({ id: null, requiredHoursPerYear: 20, reportEveryMonths: 6 });
    const { id: _id, createdAt: _at, ...body } = rules;
    const bad = { ...body, points: { ...body.points, capPerDay: -5 } };
    const refused = expectError(
      await call('PUT', '/api/member-service-rules', { as: 'admin', body: bad, headers: { 'accept-language': 'en' } }),
      400,
      'POINTS_RULES_INVALID',
    );
    expect(refused.error.message).toContain('a cap cannot be negative');
    const disordered = { ...body, points: { ...body.points, thresholds: { excellent: 10, qualified: 50, basic: 5 } } };
    expectError(
      await call('PUT', '/api/member-service-rules', { as: 'admin', body: disordered }),
      400,
      'POINTS_RULES_INVALID',
    );
    expectError(
      await call('PUT', '/api/member-service-rules', { as: 'admin', body: { ...body, reportEveryMonths: 13 } }),
      400,
      'POINTS_RULES_INVALID',
    );
    expectError(await call('PUT', '/api/member-service-rules', { as: 'hangdong', body }), 403, 'FORBIDDEN');
    const [{ n }] = await ctx.database.db.select({ n: count() }).from(memberServiceRules);
    expect(n).toBe(0);
  });
});

describe('quarterly ratings', () => {
  it('cannot be suggested for a quarter that has not begun', async () => {
    const next =
      current.quarter === 4 ? { year: current.year + 1, quarter: 1 } : { ...current, quarter: current.quarter + 1 };
    expectError(
      await call('POST', '/api/member-ratings/generate', { as: 'hangdong', body: quarterBody(next) }),
      409,
      'RATING_QUARTER_NOT_STARTED',
    );
  });

  it('are suggested from the figures for the community’s residents only, storing the default rules first', async () => {
    const res = expectOk<{ suggested: number }>(
      await call('POST', '/api/member-ratings/generate', { as: 'hangdong', body: quarterBody(ended) }),
    );
    expect(res.suggested).toBe(1);
    const [r] = await ratingsOf(ended);
    expect(r).toMatchObject({
      memberId: ctx.world.members.member1.id,
      points: 240,
      minutes: 24 * 60,
      reported: true,
      suggestedGrade: 'excellent',
      state: 'suggested',
      noShows: 0,
    });
    const [{ n }] = await ctx.database.db.select({ n: count() }).from(memberServiceRules);
    expect(n).toBe(1);
    expectError(
      await call('POST', '/api/member-ratings/generate', {
        as: 'hangdong',
        body: quarterBody(ended, { communityId: ctx.world.communityB.id }),
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('cannot be confirmed before the quarter ends (a preview)', async () => {
    expectOk(await call('POST', '/api/member-ratings/generate', { as: 'hangdong', body: quarterBody(current) }));
    expectError(
      await call('POST', '/api/member-ratings/confirm', { as: 'hangdong', body: quarterBody(current) }),
      409,
      'RATING_QUARTER_NOT_ENDED',
    );
  });

  it('refuses the whole confirmation, writing nothing, when a member who has not reported is given 合格', async () => {
    // The county suggests for everybody: member2 (三凤) has neither reported nor served.
    expectOk(await call('POST', '/api/member-ratings/generate', { as: 'admin', body: quarterBody(ended) }));
    const ratings = await ratingsOf(ended);
    const r2 = ratings.find((r) => r.memberId === ctx.world.members.member2.id)!;
    expect(r2).toMatchObject({ reported: false, suggestedGrade: 'unqualified', points: 0 });
    const body = quarterBody(ended, { grades: [{ ratingId: r2.id, grade: 'qualified' }] });
    const refused = expectError(
      await call('POST', '/api/member-ratings/confirm', { as: 'admin', body }),
      422,
      'RATING_GRADE_NOT_ALLOWED',
    );
    expect(refused.error.details).toEqual({ ratingIds: [r2.id] });
    expect((await ratingsOf(ended)).every((r) => r.state === 'suggested')).toBe(true);
  });

  it('refuses a listed rating of another community as not found', async () => {
    const r2 = (await ratingsOf(ended)).find((r) => r.memberId === ctx.world.members.member2.id)!;
    expectError(
      await call('POST', '/api/member-ratings/confirm', {
        as: 'hangdong',
        body: quarterBody(ended, { only: [r2.id] }),
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('are confirmed in bulk by the community, notifying the member and auditing each; regenerating keeps them', async () => {
    const done = expectOk<{ confirmed: number }>(
      await call('POST', '/api/member-ratings/confirm', { as: 'hangdong', body: quarterBody(ended) }),
    );
    expect(done.confirmed).toBe(1);
    const mine = (await ratingsOf(ended, 'hangdong')).find((r) => r.memberId === ctx.world.members.member1.id)!;
    expect(mine).toMatchObject({ state: 'confirmed', grade: 'excellent' });
    const [note] = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ctx.world.users.member01.id));
    expect(note.title).toContain('优秀');
    expect((await auditRows(ctx, { entityType: 'member_rating', action: 'member_rating.confirm' })).length).toBe(1);
    // New service after confirmation changes nothing in the confirmed rating.
    await serve(ctx.world.members.member1.id, ctx.world.communityA.id, addDays(quarterFirstDay(ended), 5), 2);
    expectOk(await call('POST', '/api/member-ratings/generate', { as: 'hangdong', body: quarterBody(ended) }));
    const [kept] = await ctx.database.db.select().from(memberRatings).where(eq(memberRatings.id, mine.id));
    expect(kept).toMatchObject({ points: 240, state: 'confirmed', grade: 'excellent' });
  });

  it('are seen by the member (their own, confirmed only) and appealed once', async () => {
    const { items } = expectOk<{ items: RatingView[] }>(
      await call('GET', '/api/member-ratings/mine', { as: 'member01' }),
    );
    expect(items.map((r) => r.memberId)).toEqual([ctx.world.members.member1.id]);
    const none = expectOk<{ items: RatingView[] }>(await call('GET', '/api/member-ratings/mine', { as: 'member02' }));
    expect(none.items).toEqual([]);
    const id = items[0].id;
    expectError(
      await call('POST', `/api/member-ratings/${id}/appeal`, { as: 'member02', body: { reason: '这不是我的评定' } }),
      404,
      'NOT_FOUND',
    );
    const r2 = (await ratingsOf(ended)).find((r) => r.memberId === ctx.world.members.member2.id)!;
    expectError(
      await call('POST', `/api/member-ratings/${r2.id}/appeal`, {
        as: 'member02',
        body: { reason: '还没有确认的评定' },
      }),
      409,
      'RATING_NOT_CONFIRMED',
    );
    const appealed = expectOk<RatingView>(
      await call('POST', `/api/member-ratings/${id}/appeal`, {
        as: 'member01',
        body: { reason: '本季度还参加了社区服务日' },
      }),
    );
    expect(appealed.appealState).toBe('pending');
    expectError(
      await call('POST', `/api/member-ratings/${id}/appeal`, { as: 'member01', body: { reason: '再申诉一次试试' } }),
      409,
      'RATING_APPEAL_EXISTS',
    );
    expectError(await call('GET', '/api/member-ratings/mine', { as: 'hangdong' }), 403, 'FORBIDDEN');
  });

  it('appeals are answered by the community (revised), notifying the member, once', async () => {
    const [appealed] = expectOk<Page<RatingView>>(
      await call('GET', '/api/member-ratings?appeal=pending', { as: 'hangdong' }),
    ).items;
    expectError(
      await call('POST', `/api/member-ratings/${appealed.id}/answer`, {
        as: 'sanfeng',
        body: { outcome: 'upheld', answer: '维持' },
      }),
      404,
      'NOT_FOUND',
    );
    const answered = expectOk<RatingView>(
      await call('POST', `/api/member-ratings/${appealed.id}/answer`, {
        as: 'hangdong',
        body: { outcome: 'revised', grade: 'qualified', answer: '经核实调整为合格' },
      }),
    );
    expect(answered).toMatchObject({ appealState: 'revised', grade: 'qualified', appealAnswer: '经核实调整为合格' });
    expectError(
      await call('POST', `/api/member-ratings/${appealed.id}/answer`, {
        as: 'hangdong',
        body: { outcome: 'upheld', answer: '再答复' },
      }),
      409,
      'RATING_APPEAL_NOT_PENDING',
    );
    const notes = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ctx.world.users.member01.id));
    expect(notes.some((n) => n.title.includes('申诉已答复'))).toBe(true);
  });
});

describe('commendations', () => {
  it('are given by the member’s community (1–50 points) and count in the quarter', async () => {
    const body = { memberId: ctx.world.members.member1.id, reason: '调解邻里纠纷', points: 20, day: clock.today() };
    expectOk(await call('POST', '/api/member-commendations', { as: 'hangdong', body }), 201);
    expectError(
      await call('POST', '/api/member-commendations', { as: 'hangdong', body: { ...body, points: 51 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', '/api/member-commendations', {
        as: 'hangdong',
        body: { ...body, memberId: ctx.world.members.member2.id },
      }),
      403,
      'FORBIDDEN',
    );
    const list = expectOk<Page<{ points: number }>>(await call('GET', '/api/member-commendations', { as: 'unit01' }));
    expect(list.items.map((c) => c.points)).toEqual([20]);
    expect(expectOk<Page<unknown>>(await call('GET', '/api/member-commendations', { as: 'unit02' })).total).toBe(0);
    expectOk(await call('POST', '/api/member-ratings/generate', { as: 'hangdong', body: quarterBody(current) }));
    const [r] = (await ratingsOf(current, 'hangdong')).filter((x) => x.memberId === ctx.world.members.member1.id);
    expect(r.points).toBe(20);
  });
});

describe('the unit’s quarterly sheet and the coverage', () => {
  const sheetUrl = (q: QuarterKey, extra = '') =>
    `/api/member-ratings/unit-sheet?year=${q.year}&quarter=${q.quarter}${extra}`;

  it('shows a unit admin its own members only, wherever they live', async () => {
    const sheet = expectOk<UnitSheet>(await call('GET', sheetUrl(ended), { as: 'unit01' }));
    expect(sheet).toMatchObject({ unitId: ctx.world.unit1.id, ended: true, asOf: quarterLastDay(ended) });
    expect(sheet.items).toHaveLength(1);
    expect(sheet.items[0]).toMatchObject({
      name: '张党员',
      communityName: '杭东社区',
      reported: true,
      grade: 'qualified',
      points: 240,
      // The rating's stored figures: the 2 h served after confirmation is not in them.
      quarterMinutes: 24 * 60,
      atRisk: false,
    });
    expectError(
      await call('GET', sheetUrl(ended, `&unitId=${ctx.world.unit2.id}`), { as: 'unit01' }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('GET', sheetUrl(ended), { as: 'hangdong' }), 403, 'FORBIDDEN');
    expectError(await call('GET', sheetUrl(ended), { as: 'member01' }), 403, 'FORBIDDEN');
    const county = expectOk<UnitSheet>(await call('GET', sheetUrl(ended), { as: 'admin' }));
    expect(county.items).toHaveLength(2);
  });

  it('exports as Excel and PDF for the unit', async () => {
    const xlsx = await call(
      'GET',
      `/api/member-ratings/unit-sheet/export.xlsx?year=${ended.year}&quarter=${ended.quarter}`,
      { as: 'unit01' },
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-export-rows']).toBe('1');
    const pdf = await call('GET', `/api/member-ratings/unit-sheet.pdf?year=${ended.year}&quarter=${ended.quarter}`, {
      as: 'unit01',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectError(
      await call(
        'GET',
        `/api/member-ratings/unit-sheet.pdf?year=${ended.year}&quarter=${ended.quarter}&unitId=${ctx.world.unit2.id}`,
        { as: 'unit01' },
      ),
      403,
      'FORBIDDEN',
    );
  });

  it('gives the county coverage by unit with totals, a community its residents only', async () => {
    const all = expectOk<Coverage>(
      await call('GET', `/api/member-ratings/coverage?year=${ended.year}&quarter=${ended.quarter}`, { as: 'admin' }),
    );
    expect(all.totals).toMatchObject({ members: 2, registered: 1, share: 0.5 });
    expect(all.totals.grades).toMatchObject({ qualified: 1, unrated: 1 });
    expect(all.units.map((u) => u.unitName).sort()).toEqual(['县卫健局党组', '县司法局党组']);
    const own = expectOk<Coverage>(
      await call('GET', `/api/member-ratings/coverage?year=${ended.year}&quarter=${ended.quarter}`, { as: 'hangdong' }),
    );
    expect(own.totals.members).toBe(1);
    expectError(
      await call('GET', `/api/member-ratings/coverage?year=${ended.year}&quarter=${ended.quarter}`, { as: 'unit01' }),
      403,
      'FORBIDDEN',
    );
  });
});
