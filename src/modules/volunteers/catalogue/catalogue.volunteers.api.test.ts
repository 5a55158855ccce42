import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { people } from '../../people/people.schema.js';
import { volunteers, volunteerTeamMembers } from '../volunteers.schema.js';
import type { MyVolunteer, VolunteerView } from './catalogue.contracts.js';

// Registration (by staff, by oneself), the staff list's scope, and changes to a registration.
let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedVolunteerWorld>>;

const rowsOf = async (personId: string) =>
  (await ctx.database.db.select({ n: count() }).from(volunteers).where(eq(volunteers.personId, personId)))[0].n;
const allRows = async () => (await ctx.database.db.select({ n: count() }).from(volunteers))[0].n;
const memberRows = async () => (await ctx.database.db.select({ n: count() }).from(volunteerTeamMembers))[0].n;
const list = async (as: string, query = '') =>
  expectOk<Page<VolunteerView>>(await call('GET', `/api/volunteers?pageSize=200&${query}`, { as }));
/** Names in code-point order (the database's collation may order Chinese names otherwise). */
const names = async (as: string, query = '') => (await list(as, query)).items.map((v) => v.name).sort();
const me = async (as: string) => expectOk<MyVolunteer>(await call('GET', '/api/volunteers/me', { as }));

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  w = await seedVolunteerWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

describe('registering oneself', () => {
  it('answers 200 registered:false to someone not registered, and the registration with teams otherwise', async () => {
    expect(await me('resident01')).toEqual({ registered: false, volunteer: null });
    const lead = await me('lead01');
    expect(lead.volunteer?.teams.map((t) => [t.teamName, t.role])).toEqual([['杭川老大妈义务巡逻队', 'leader']]);
    expectError(
      await call('PATCH', '/api/volunteers/me', { as: 'resident01', body: { version: 1 } }),
      409,
      'VOLUNTEER_NOT_REGISTERED',
    );
  });

  it('registers resident01 into team A; people.roles is left to the people module; audited', async () => {
    const v = expectOk<VolunteerView>(
      await call('POST', '/api/volunteers/me', {
        as: 'resident01',
        body: { skills: ['急救', '摄影'], availability: '周末上午', teamId: w.teams.A },
      }),
      201,
    );
    expect(v).toMatchObject({
      personId: ctx.world.people.residentA.id,
      name: '王小明',
      phone: '138****1111',
      skills: ['急救', '摄影'],
      availability: '周末上午',
      state: 'active',
      communityId: ctx.world.communityA.id,
    });
    expect(v.teams.map((t) => [t.teamId, t.role])).toEqual([[w.teams.A, 'member']]);
    expect((await me('resident01')).registered).toBe(true);
    const [person] = await ctx.database.db.select().from(people).where(eq(people.id, ctx.world.people.residentA.id));
    expect(person.roles).toEqual(['resident']);
    const [audit] = await auditRows(ctx, { entityType: 'volunteer', action: 'volunteer.register_self' });
    expect(audit).toMatchObject({ entityId: v.id, actorName: 'resident01' });
    expect(
      (await auditRows(ctx, { entityType: 'volunteer_team', action: 'volunteer_team_member.add' }))[0],
    ).toMatchObject({
      entityId: w.teams.A,
    });
  });

  it('refuses a second registration, by oneself or by staff, writing nothing', async () => {
    const [n, m] = [await allRows(), await memberRows()];
    expectError(
      await call('POST', '/api/volunteers/me', { as: 'resident01', body: { skills: [], teamId: w.teams.B } }),
      409,
      'VOLUNTEER_ALREADY_REGISTERED',
    );
    expectError(
      await call('POST', '/api/volunteers', { as: 'hangdong', body: { personId: ctx.world.people.residentA.id } }),
      409,
      'VOLUNTEER_ALREADY_REGISTERED',
    );
    expect([await allRows(), await memberRows()]).toEqual([n, m]);
  });

  it('keeps exactly one row when two registrations of one person arrive at once', async () => {
    const send = () => call('POST', '/api/volunteers/me', { as: 'member02', body: { skills: ['法律'] } });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of answers.filter((a) => a.statusCode === 409)) expectError(r, 409, 'VOLUNTEER_ALREADY_REGISTERED');
    expect(await rowsOf(ctx.world.people.memberPerson2.id)).toBe(1);
  });

  it('needs a login tied to a person and volunteers.self', async () => {
    expectError(await call('POST', '/api/volunteers/me', { as: 'admin', body: { skills: [] } }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/volunteers/me', { as: 'grid01', body: { skills: [] } }), 403, 'FORBIDDEN');
  });

  it('lets a volunteer change their own skills and availability, and stop (inactive); stale versions 409', async () => {
    const own = (await me('vol01')).volunteer as VolunteerView;
    const changed = expectOk<VolunteerView>(
      await call('PATCH', '/api/volunteers/me', {
        as: 'vol01',
        body: { skills: ['巡逻', '调解'], availability: '工作日晚上', version: own.version },
      }),
    );
    expect(changed).toMatchObject({ skills: ['巡逻', '调解'], availability: '工作日晚上', version: own.version + 1 });
    expectError(
      await call('PATCH', '/api/volunteers/me', { as: 'vol01', body: { state: 'inactive', version: own.version } }),
      409,
      'STALE_UPDATE',
    );
    const [audit] = await auditRows(ctx, { entityType: 'volunteer', action: 'volunteer.update' });
    expect(audit).toMatchObject({ entityId: own.id, actorName: 'vol01' });
  });
});

describe('registration by staff', () => {
  it('refuses volunteers and leaders, a person out of sight (404) and a team the admin does not run (403)', async () => {
    const [n, m] = [await allRows(), await memberRows()];
    const gridWorker = ctx.world.people.gridWorkerPerson.id;
    for (const as of ['vol01', 'lead01', 'grid01'])
      expectError(await call('POST', '/api/volunteers', { as, body: { personId: gridWorker } }), 403, 'FORBIDDEN');
    expectError(
      await call('POST', '/api/volunteers', { as: 'hangdong', body: { personId: ctx.world.people.residentB.id } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('POST', '/api/volunteers', { as: 'hangdong', body: { personId: gridWorker, teamId: w.teams.B } }),
      403,
      'FORBIDDEN',
    );
    expect([await allRows(), await memberRows()]).toEqual([n, m]);
  });

  it('lets a community admin register a person of their community into their team; audited', async () => {
    const v = expectOk<VolunteerView>(
      await call('POST', '/api/volunteers', {
        as: 'sanfeng',
        body: { personId: ctx.world.people.residentB.id, skills: ['唱歌'], teamId: w.teams.B },
      }),
      201,
    );
    expect(v).toMatchObject({ name: '李小红', phone: '139****2222', communityId: ctx.world.communityB.id });
    expect(v.teams.map((t) => t.teamId)).toEqual([w.teams.B]);
    const [audit] = await auditRows(ctx, { entityType: 'volunteer', action: 'volunteer.register' });
    expect(audit).toMatchObject({ entityId: v.id, actorName: 'sanfeng' });
    expectError(
      await call('POST', '/api/volunteers', { as: 'admin', body: { personId: w.teams.A } }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('the staff list', () => {
  it('shows the county everyone, a community admin their residents and teams, a leader their team and community, a volunteer themself', async () => {
    expect(await names('admin')).toEqual(
      ['张党员', '志愿者乙', '志愿者甲', '李小红', '王小明', '赵党员', '队长乙', '队长甲'].sort(),
    );
    expect(await names('hangdong')).toEqual(['张党员', '志愿者乙', '志愿者甲', '王小明', '队长甲'].sort());
    expect(await names('sanfeng')).toEqual(['李小红', '赵党员', '队长乙'].sort());
    // lead01: team A's members, and the volunteers living in community A (whom they may recruit: vol02).
    expect(await names('lead01')).toEqual(['张党员', '志愿者乙', '志愿者甲', '王小明', '队长甲'].sort());
    // lead02: team B's, and community B's residents who volunteer.
    expect(await names('lead02')).toEqual(['李小红', '赵党员', '队长乙'].sort());
    // grid01 reads those living in their grids (gA1 and below).
    expect(await names('grid01')).toEqual(['张党员', '志愿者乙', '志愿者甲', '王小明', '队长甲'].sort());
    expect(await names('vol02')).toEqual(['志愿者乙']);
    expectError(await call('GET', '/api/volunteers', { as: 'resident01' }), 403, 'FORBIDDEN');
  });

  it('a community admin also sees, and may change, a volunteer of another community in their team', async () => {
    expectOk(
      await call('POST', `/api/volunteer-teams/${w.teams.B}/members`, {
        as: 'sanfeng',
        body: { volunteerId: w.volunteers.vol01 },
      }),
      201,
    );
    expect(await names('sanfeng')).toContain('志愿者甲');
    const vol01 = expectOk<VolunteerView>(
      await call('GET', `/api/volunteers/${w.volunteers.vol01}`, { as: 'sanfeng' }),
    );
    expect(vol01.teams.map((t) => t.teamId).sort()).toEqual([w.teams.A, w.teams.B].sort());
    expectOk(
      await call('PATCH', `/api/volunteers/${w.volunteers.vol01}`, {
        as: 'sanfeng',
        body: { availability: '周日', version: vol01.version },
      }),
    );
  });

  it('filters by name, team, community, state and skill; phones masked', async () => {
    expect(await names('admin', `q=${encodeURIComponent('队长')}`)).toEqual(['队长乙', '队长甲'].sort());
    expect(await names('admin', `teamId=${w.teams.B}`)).toEqual(['李小红', '志愿者甲', '队长乙'].sort());
    expect(await names('admin', `communityId=${ctx.world.communityB.id}`)).toEqual(
      ['李小红', '赵党员', '队长乙'].sort(),
    );
    expect(await names('admin', `skill=${encodeURIComponent('急救')}`)).toEqual(['王小明']);
    expect(await names('admin', 'state=inactive')).toEqual([]);
    const all = await list('admin');
    expect(all.items.find((v) => v.name === '张党员')?.phone).toBe('137****3333');
    expect(JSON.stringify(all)).not.toMatch(/1[3-9]\d{9}/);
    const paged = expectOk<Page<VolunteerView>>(
      await call('GET', '/api/volunteers?pageSize=3&page=2&sort=name', { as: 'admin' }),
    );
    expect([paged.total, paged.items.length]).toEqual([8, 3]);
  });

  it('lets staff in scope change a registration; out of scope 404, leaders 403', async () => {
    const lead02 = expectOk<VolunteerView>(
      await call('GET', `/api/volunteers/${w.volunteers.lead02}`, { as: 'admin' }),
    );
    const patch = (as: string, body: Record<string, unknown>) =>
      call('PATCH', `/api/volunteers/${w.volunteers.lead02}`, { as, body: { version: lead02.version, ...body } });
    expectError(await patch('hangdong', { state: 'inactive' }), 404, 'NOT_FOUND');
    expectError(await patch('lead01', { state: 'inactive' }), 403, 'FORBIDDEN');
    const changed = expectOk<VolunteerView>(await patch('sanfeng', { state: 'inactive', skills: ['指挥'] }));
    expect(changed).toMatchObject({ state: 'inactive', skills: ['指挥'], version: lead02.version + 1 });
    expect(await names('admin', 'state=inactive')).toEqual(['队长乙']);
    const [audit] = await auditRows(ctx, { entityType: 'volunteer', entityId: w.volunteers.lead02 });
    expect(audit).toMatchObject({ action: 'volunteer.update', actorName: 'sanfeng', before: { state: 'active' } });
  });
});
