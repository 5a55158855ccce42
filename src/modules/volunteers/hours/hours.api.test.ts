import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import { DEFAULT_VOLUNTEER_RULES } from '../volunteers.enums.js';
import { volunteerRules, volunteerSignups } from '../volunteers.schema.js';
import type { HoursSummary, MyHours, VolunteerHours } from './hours.contracts.js';
import { insertActivity, insertSignups } from './hours.fixtures.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let v: Awaited<ReturnType<typeof seedVolunteerWorld>>;
let vol02Signup: string;
let act2End: Date;

const DAY = 86_400_000;
const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);

const list = async (as: string, query = '') =>
  expectOk<Page<VolunteerHours>>(await call('GET', `/api/volunteer-hours?${query}`, { as }));
const names = (p: Page<VolunteerHours>) => p.items.map((r) => r.name);
const row = async (name: string, query = '') => (await list('admin', query)).items.find((r) => r.name === name)!;
const summary = async (as: string, query = '') =>
  expectOk<HoursSummary>(await call('GET', `/api/volunteer-hours/summary?${query}`, { as }));

/**
 * The ledger of the tests (counted minutes / penalties):
 * act1 (A, team A, 10 days ago, 40 served): vol01 180 (auto-closed), member01 120 (capped 30, corrected), lead01 no-show −360
 * act2 (A, team A, 3 days ago, 10 served): vol01 120, lead01 no-show −240
 * act3 (B, team B, 400 days ago, 99 served): lead02 600
 * act4 (B, team B, 20 days ago): lead02 no-show (no penalty); nobody checked out
 * act5 (A, no team, 30 days ago, 5 served): vol02 5,994 (99.9 h)
 */
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  v = await seedVolunteerWorld(ctx);
  const db = ctx.database.db;
  const { communityA, communityB } = ctx.world;
  const patrol = v.types.street_patrol;
  const at = async (communityId: string, teamId: string | null, daysAgo: number, residentsServed: number | null) => {
    const startsAt = ago(daysAgo);
    return {
      ...(await insertActivity(db, { communityId, teamId, typeId: patrol, startsAt, residentsServed })),
      startsAt,
    };
  };
  const act1 = await at(communityA.id, v.teams.A, 10, 40);
  await insertSignups(db, act1, [
    { volunteerId: v.volunteers.vol01, state: 'checked_out', minutes: 180, autoClosed: true },
    {
      volunteerId: v.volunteers.member01,
      state: 'checked_out',
      minutes: 120,
      cappedMinutes: 30,
      correctionReason: '补签',
    },
    { volunteerId: v.volunteers.lead01, state: 'no_show', penaltyMinutes: 360 },
  ]);
  const act2 = await at(communityA.id, v.teams.A, 3, 10);
  act2End = new Date(act2.startsAt.getTime() + 2 * 3_600_000);
  await insertSignups(db, act2, [
    { volunteerId: v.volunteers.vol01, state: 'checked_out', minutes: 120 },
    { volunteerId: v.volunteers.lead01, state: 'no_show', penaltyMinutes: 240 },
  ]);
  await insertSignups(db, await at(communityB.id, v.teams.B, 400, 99), [
    { volunteerId: v.volunteers.lead02, state: 'checked_out', minutes: 600 },
  ]);
  await insertSignups(db, await at(communityB.id, v.teams.B, 20, null), [
    { volunteerId: v.volunteers.lead02, state: 'no_show' },
  ]);
  [vol02Signup] = await insertSignups(db, await at(communityA.id, null, 30, 5), [
    { volunteerId: v.volunteers.vol02, state: 'checked_out', minutes: 5994 },
  ]);
});
afterAll(async () => {
  await ctx?.close();
});

const setVol02Minutes = (minutes: number) =>
  ctx.database.db.update(volunteerSignups).set({ minutes }).where(eq(volunteerSignups.id, vol02Signup));

describe('star levels', () => {
  it('counts 99.9 h as no star, 100 h as one, 1,500 h as five (national thresholds by default)', async () => {
    expect(await row('志愿者乙')).toMatchObject({ hours: 99.9, star: 0, nextStar: 1, hoursToNextStar: 0.1 });
    await setVol02Minutes(6000);
    expect(await row('志愿者乙')).toMatchObject({ hours: 100, star: 1, nextStar: 2, hoursToNextStar: 200 });
    await setVol02Minutes(1499 * 60 + 54);
    expect(await row('志愿者乙')).toMatchObject({ hours: 1499.9, star: 4, hoursToNextStar: 0.1 });
    await setVol02Minutes(1500 * 60);
    expect(await row('志愿者乙')).toMatchObject({ hours: 1500, star: 5, nextStar: null, hoursToNextStar: null });
    await setVol02Minutes(5994);
  });

  it('follows saved rules (a volunteer_rules row) at their edges', async () => {
    const db = ctx.database.db;
    const [saved] = await db
      .insert(volunteerRules)
      .values({ rules: { ...DEFAULT_VOLUNTEER_RULES, starHours: [5, 10, 20, 50, 100] } })
      .returning();
    try {
      expect(await row('志愿者甲')).toMatchObject({ hours: 5, star: 1, nextStar: 2, hoursToNextStar: 5 });
      expect(await row('志愿者乙')).toMatchObject({ hours: 99.9, star: 4, hoursToNextStar: 0.1 });
      expect(await row('队长乙')).toMatchObject({ hours: 10, star: 2 });
      expect((await summary('admin')).stars).toEqual([2, 1, 1, 0, 1, 0]);
      expect((await summary('admin')).starHours).toEqual([5, 10, 20, 50, 100]);
    } finally {
      await db.delete(volunteerRules).where(eq(volunteerRules.id, saved.id));
    }
    expect(await row('志愿者甲')).toMatchObject({ star: 0, hoursToNextStar: 95 });
  });
});

describe('hours', () => {
  it('sums checked-out minutes, takes the no-show penalty off (never below 0) and reports the block', async () => {
    expect(await row('志愿者甲')).toMatchObject({ verifiedMinutes: 300, penaltyMinutes: 0, hours: 5, services: 2 });
    const lead01 = await row('队长甲');
    expect(lead01).toMatchObject({ verifiedMinutes: 0, penaltyMinutes: 600, hours: 0, star: 0, noShows: 2 });
    // Two no-shows within 180 days: blocked 30 days after the last one ended.
    expect(lead01.blockedUntil).toBe(new Date(act2End.getTime() + 30 * DAY).toISOString());
    expect(lead01.teams.map((t) => t.name)).toEqual(['杭川老大妈义务巡逻队']);
    const lead02 = await row('队长乙');
    expect(lead02).toMatchObject({ hours: 10, noShows: 1, blockedUntil: null, services: 1 });
  });

  it('filters by period (activity start), team, community, star and name; sorts and pages', async () => {
    const from = localDayOf(ago(60));
    expect(await row('队长乙', `from=${from}`)).toMatchObject({ hours: 0, services: 0, noShows: 1 });
    expect(await row('志愿者甲', `from=${from}&to=${localDayOf(ago(5))}`)).toMatchObject({ hours: 3, services: 1 });
    expect(names(await list('admin', `teamId=${v.teams.A}`))).toEqual(['志愿者甲', '张党员', '队长甲']);
    expect(names(await list('admin', `communityId=${ctx.world.communityB.id}`))).toEqual(['队长乙']);
    expect(names(await list('admin', 'star=0')).length).toBe(5);
    expect(names(await list('admin', 'star=1'))).toEqual([]);
    expect(names(await list('admin', `q=${encodeURIComponent('志愿者')}`))).toEqual(['志愿者乙', '志愿者甲']);
    expect(names(await list('admin', 'sort=hours'))).toEqual(['队长甲', '张党员', '志愿者甲', '队长乙', '志愿者乙']);
    const page = await list('admin', 'pageSize=2&page=2');
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(page)).toEqual(['志愿者甲', '张党员']);
  });
});

describe('who sees whose hours', () => {
  it('the county all; a community admin residents and team members of theirs; a leader their team', async () => {
    expect(names(await list('admin'))).toEqual(['志愿者乙', '队长乙', '志愿者甲', '张党员', '队长甲']);
    expect(names(await list('hangdong'))).toEqual(['志愿者乙', '志愿者甲', '张党员', '队长甲']);
    expect(names(await list('sanfeng'))).toEqual(['队长乙']);
    expect(names(await list('lead01'))).toEqual(['志愿者甲', '张党员', '队长甲']);
    expect(names(await list('lead02'))).toEqual(['队长乙']);
    expect((await list('vol02')).total).toBe(0);
    expect((await list('grid01')).total).toBe(0);
  });

  it('refuses the staff list, summary and export to those without volunteers.read', async () => {
    for (const path of ['/api/volunteer-hours', '/api/volunteer-hours/summary', '/api/volunteer-hours/export'])
      for (const as of ['resident01', 'unit01', 'member01'])
        expectError(await call('GET', path, { as }), 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/volunteer-hours'), 401, 'UNAUTHENTICATED');
  });
});

describe('summary', () => {
  it('counts star levels, hours, services held and residents served from the data, for the same filters', async () => {
    expect(await summary('admin')).toEqual({
      volunteers: 5,
      stars: [5, 0, 0, 0, 0, 0],
      totalHours: 116.9,
      servicesHeld: 4,
      residentsServed: 154,
      starHours: [100, 300, 600, 1000, 1500],
    });
    const recent = await summary('admin', `from=${localDayOf(ago(60))}`);
    expect(recent).toMatchObject({ volunteers: 5, totalHours: 106.9, servicesHeld: 3, residentsServed: 55 });
    expect(await summary('hangdong')).toMatchObject({ volunteers: 4, totalHours: 106.9, servicesHeld: 3 });
    expect(await summary('sanfeng')).toMatchObject({
      volunteers: 1,
      totalHours: 10,
      servicesHeld: 1,
      residentsServed: 99,
    });
    expect(await summary('admin', `teamId=${v.teams.A}`)).toMatchObject({
      totalHours: 7,
      servicesHeld: 2,
      residentsServed: 50,
    });
  });
});

describe('my hours', () => {
  it('shows the volunteer their hours, star, next star and last sign-ups with flags', async () => {
    const me = expectOk<MyHours>(await call('GET', '/api/volunteer-hours/me', { as: 'vol01' }));
    expect(me).toMatchObject({ name: '志愿者甲', hours: 5, star: 0, nextStar: 1, hoursToNextStar: 95, services: 2 });
    expect(me.recent.map((s) => [s.minutes, s.autoClosed])).toEqual([
      [120, false],
      [180, true],
    ]);
    const member = expectOk<MyHours>(await call('GET', '/api/volunteer-hours/me', { as: 'member01' }));
    expect(member.recent[0]).toMatchObject({
      capped: true,
      cappedMinutes: 30,
      corrected: true,
      correctionReason: '补签',
    });
    const lead = expectOk<MyHours>(await call('GET', '/api/volunteer-hours/me', { as: 'lead01' }));
    expect(lead.recent.map((s) => [s.state, s.penaltyMinutes])).toEqual([
      ['no_show', 240],
      ['no_show', 360],
    ]);
    expectError(await call('GET', '/api/volunteer-hours/me', { as: 'resident01' }), 409, 'VOLUNTEER_NOT_REGISTERED');
    expectError(await call('GET', '/api/volunteer-hours/me', { as: 'unit01' }), 403, 'FORBIDDEN');
  });
});

describe('export', () => {
  it('downloads the list as Excel with the same filters, audited', async () => {
    const res = await call('GET', `/api/volunteer-hours/export?teamId=${v.teams.A}`, { as: 'hangdong' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-export-rows']).toBe('3');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [audit] = await auditRows(ctx, { action: 'volunteer_hours.export' });
    expect(audit).toBeDefined();
  });
});
