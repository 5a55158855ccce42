import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { volunteers, volunteerTeamMembers, volunteerTeams } from '../volunteers.schema.js';
import type { TeamMemberView, VolunteerTeamDetail, VolunteerTeamView } from './catalogue.contracts.js';

// Teams and their rosters: who sees and who changes what (county, community admin, team leader, volunteer).
let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedVolunteerWorld>>;

const teams = async (as: string, query = '') =>
  expectOk<Page<VolunteerTeamView>>(await call('GET', `/api/volunteer-teams?${query}`, { as }));
const team = async (id: string, as = 'admin') =>
  expectOk<VolunteerTeamDetail>(await call('GET', `/api/volunteer-teams/${id}`, { as }));
const teamRows = async () => (await ctx.database.db.select({ n: count() }).from(volunteerTeams))[0].n;
const memberRows = async () => (await ctx.database.db.select({ n: count() }).from(volunteerTeamMembers))[0].n;
const add = (as: string, teamId: string, volunteerId: string, role?: 'leader' | 'member') =>
  call('POST', `/api/volunteer-teams/${teamId}/members`, { as, body: { volunteerId, ...(role ? { role } : {}) } });
const membershipOf = async (teamId: string, volunteerId: string) =>
  (await team(teamId)).members.find((m) => m.volunteerId === volunteerId) as TeamMemberView;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  w = await seedVolunteerWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

describe('reading teams', () => {
  it('shows every reader both teams with series, community, leaders and size; mayRun per caller', async () => {
    const list = await teams('vol01');
    expect(list.total).toBe(2);
    expect(list.items.map((t) => [t.name, t.communityName, t.leaders.map((l) => l.name), t.memberCount])).toEqual([
      ['杭川老大妈义务巡逻队', ctx.world.communityA.name, ['队长甲'], 3],
      ['激情广场合唱团', ctx.world.communityB.name, ['队长乙'], 1],
    ]);
    expect(list.items[0].seriesId).toBe(w.series.security_patrol);
    const runs = async (as: string) => (await teams(as)).items.map((t) => t.mayRun);
    expect(await runs('admin')).toEqual([true, true]);
    expect(await runs('hangdong')).toEqual([true, false]);
    expect(await runs('lead01')).toEqual([true, false]);
    expect(await runs('vol01')).toEqual([false, false]);
    expect((await teams('resident01')).total).toBe(2);
    expectError(await call('GET', '/api/volunteer-teams', { as: 'unit01' }), 403, 'FORBIDDEN');
  });

  it('filters by community, series, name and state', async () => {
    expect((await teams('admin', `communityId=${ctx.world.communityB.id}`)).items.map((t) => t.id)).toEqual([
      w.teams.B,
    ]);
    expect((await teams('admin', `seriesId=${w.series.security_patrol}`)).items.map((t) => t.id)).toEqual([w.teams.A]);
    expect((await teams('admin', `q=${encodeURIComponent('合唱')}`)).items.map((t) => t.id)).toEqual([w.teams.B]);
    expect((await teams('admin', 'active=false')).total).toBe(0);
    expect((await teams('admin', 'pageSize=1&page=2')).items.map((t) => t.id)).toEqual([w.teams.B]);
  });

  it('lists the members, leaders first, with skills and masked phones', async () => {
    const a = await team(w.teams.A, 'vol01');
    expect(a.members.map((m) => [m.name, m.role])).toEqual([
      ['队长甲', 'leader'],
      ['张党员', 'member'],
      ['志愿者甲', 'member'],
    ]);
    const member01 = a.members.find((m) => m.volunteerId === w.volunteers.member01);
    expect(member01).toMatchObject({ phone: '137****3333', skills: ['巡逻'], state: 'active' });
    expect(JSON.stringify(a)).not.toContain('13700003333');
    expectError(await call('GET', `/api/volunteer-teams/${w.volunteers.vol01}`, { as: 'vol01' }), 404, 'NOT_FOUND');
  });
});

describe('creating and changing teams', () => {
  it('refuses a volunteer or a leader, and a community admin outside their community or county-wide', async () => {
    const before = await teamRows();
    const body = (communityId: string | null) => ({ name: '新队', seriesId: w.series.security_patrol, communityId });
    for (const as of ['vol01', 'lead01', 'grid01'])
      expectError(
        await call('POST', '/api/volunteer-teams', { as, body: body(ctx.world.communityA.id) }),
        403,
        'FORBIDDEN',
      );
    expectError(
      await call('POST', '/api/volunteer-teams', { as: 'hangdong', body: body(ctx.world.communityB.id) }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('POST', '/api/volunteer-teams', { as: 'hangdong', body: body(null) }), 403, 'FORBIDDEN');
    expect(await teamRows()).toBe(before);
  });

  it('lets a community admin create a team in their community and the county a county-wide one; audited', async () => {
    const made = expectOk<VolunteerTeamDetail>(
      await call('POST', '/api/volunteer-teams', {
        as: 'hangdong',
        body: { name: '杭东护河队', seriesId: w.series.security_patrol, communityId: ctx.world.communityA.id },
      }),
      201,
    );
    expect(made).toMatchObject({ communityId: ctx.world.communityA.id, memberCount: 0, members: [], mayRun: true });
    const county = expectOk<VolunteerTeamDetail>(
      await call('POST', '/api/volunteer-teams', {
        as: 'admin',
        body: { name: '县应急队', seriesId: w.series.security_patrol, communityId: null, description: '全县' },
      }),
      201,
    );
    expect(county).toMatchObject({ communityId: null, communityName: null, description: '全县' });
    expect(
      (await auditRows(ctx, { entityType: 'volunteer_team', action: 'volunteer_team.create' })).map((a) => a.entityId),
    ).toEqual([county.id, made.id]);
    expectError(
      await call('POST', '/api/volunteer-teams', {
        as: 'admin',
        body: { name: '县应急队', seriesId: w.series.security_patrol, communityId: null },
      }),
      409,
      'DUPLICATE',
    );
    expectError(
      await call('POST', '/api/volunteer-teams', {
        as: 'admin',
        body: { name: '无系列', seriesId: w.teams.A, communityId: null },
      }),
      400,
      'VOLUNTEER_TYPE_UNKNOWN',
    );
  });

  it('lets hangdong change team A but not team B, and never a leader; audited', async () => {
    const a = await team(w.teams.A);
    const b = await team(w.teams.B);
    expectError(
      await call('PATCH', `/api/volunteer-teams/${w.teams.B}`, {
        as: 'hangdong',
        body: { description: 'x', version: b.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/volunteer-teams/${w.teams.A}`, {
        as: 'lead01',
        body: { description: 'x', version: a.version },
      }),
      403,
      'FORBIDDEN',
    );
    const changed = expectOk<VolunteerTeamDetail>(
      await call('PATCH', `/api/volunteer-teams/${w.teams.A}`, {
        as: 'hangdong',
        body: { description: '每晚巡逻', version: a.version },
      }),
    );
    expect(changed).toMatchObject({ description: '每晚巡逻', version: a.version + 1 });
    const [audit] = await auditRows(ctx, { entityType: 'volunteer_team', action: 'volunteer_team.update' });
    expect(audit).toMatchObject({ entityId: w.teams.A, actorName: 'hangdong' });
  });
});

describe('rosters', () => {
  it('lets lead01 add vol02 to team A but not to team B, nor anyone as leader', async () => {
    const before = await memberRows();
    expectError(await add('lead01', w.teams.B, w.volunteers.vol02), 403, 'FORBIDDEN');
    expectError(await add('lead01', w.teams.A, w.volunteers.vol02, 'leader'), 403, 'FORBIDDEN');
    expectError(await add('vol01', w.teams.A, w.volunteers.vol02), 403, 'FORBIDDEN');
    expectError(await add('hangdong', w.teams.B, w.volunteers.vol02), 403, 'FORBIDDEN');
    expect(await memberRows()).toBe(before);
    const m = expectOk<TeamMemberView>(await add('lead01', w.teams.A, w.volunteers.vol02), 201);
    expect(m).toMatchObject({ volunteerId: w.volunteers.vol02, role: 'member', name: '志愿者乙' });
    expect((await team(w.teams.A)).memberCount).toBe(4);
    const [audit] = await auditRows(ctx, { entityType: 'volunteer_team', action: 'volunteer_team_member.add' });
    expect(audit).toMatchObject({ entityId: w.teams.A, actorName: 'lead01' });
  });

  it('refuses adding someone already in (409) and an inactive volunteer (409), writing nothing', async () => {
    const before = await memberRows();
    expectError(await add('lead01', w.teams.A, w.volunteers.vol01), 409, 'VOLUNTEER_TEAM_MEMBER_EXISTS');
    await ctx.database.db.update(volunteers).set({ state: 'inactive' }).where(eq(volunteers.id, w.volunteers.lead02));
    expectError(await add('admin', w.teams.A, w.volunteers.lead02), 409, 'VOLUNTEER_INACTIVE');
    await ctx.database.db.update(volunteers).set({ state: 'active' }).where(eq(volunteers.id, w.volunteers.lead02));
    expect(await memberRows()).toBe(before);
  });

  it('keeps leadership with the community and county: lead01 may not make or unmake a leader', async () => {
    const vol01 = await membershipOf(w.teams.A, w.volunteers.vol01);
    const lead01 = await membershipOf(w.teams.A, w.volunteers.lead01);
    const url = (id: string) => `/api/volunteer-teams/${w.teams.A}/members/${id}`;
    expectError(await call('PATCH', url(vol01.id), { as: 'lead01', body: { role: 'leader' } }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', url(lead01.id), { as: 'lead01' }), 403, 'FORBIDDEN');
    expectError(await call('PATCH', url(lead01.id), { as: 'lead01', body: { role: 'member' } }), 403, 'FORBIDDEN');
    expectError(await call('PATCH', url(vol01.id), { as: 'sanfeng', body: { role: 'leader' } }), 403, 'FORBIDDEN');
    const promoted = expectOk<TeamMemberView>(
      await call('PATCH', url(vol01.id), { as: 'hangdong', body: { role: 'leader' } }),
    );
    expect(promoted).toMatchObject({ role: 'leader', version: vol01.version + 1 });
    expect((await team(w.teams.A)).leaders.map((l) => l.name).sort()).toEqual(['志愿者甲', '队长甲'].sort());
    const [audit] = await auditRows(ctx, { entityType: 'volunteer_team', action: 'volunteer_team_member.update' });
    expect(audit).toMatchObject({ actorName: 'hangdong', before: { role: 'member' }, after: { role: 'leader' } });
  });

  it('lets lead01 take a plain member off (history kept) but not a member of team B; the member may join again', async () => {
    const vol02 = await membershipOf(w.teams.A, w.volunteers.vol02);
    const [lead02] = (await team(w.teams.B)).members;
    expectError(
      await call('DELETE', `/api/volunteer-teams/${w.teams.B}/members/${lead02.id}`, { as: 'lead01' }),
      403,
      'FORBIDDEN',
    );
    // A membership of another team under this team's URL is not found.
    expectError(
      await call('DELETE', `/api/volunteer-teams/${w.teams.A}/members/${lead02.id}`, { as: 'admin' }),
      404,
      'NOT_FOUND',
    );
    expectOk(await call('DELETE', `/api/volunteer-teams/${w.teams.A}/members/${vol02.id}`, { as: 'lead01' }));
    const [row] = await ctx.database.db
      .select()
      .from(volunteerTeamMembers)
      .where(eq(volunteerTeamMembers.id, vol02.id));
    expect(row.leftAt).toBeInstanceOf(Date);
    expect((await team(w.teams.A)).members.map((m) => m.volunteerId)).not.toContain(w.volunteers.vol02);
    expectError(
      await call('DELETE', `/api/volunteer-teams/${w.teams.A}/members/${vol02.id}`, { as: 'lead01' }),
      404,
      'NOT_FOUND',
    );
    const [audit] = await auditRows(ctx, { entityType: 'volunteer_team', action: 'volunteer_team_member.remove' });
    expect(audit).toMatchObject({ entityId: w.teams.A, actorName: 'lead01' });
    expectOk(await add('lead01', w.teams.A, w.volunteers.vol02), 201);
  });

  it('lets the county do everything: make vol02 a leader of team B', async () => {
    const m = expectOk<TeamMemberView>(await add('admin', w.teams.B, w.volunteers.vol02, 'leader'), 201);
    expect(m.role).toBe('leader');
    expect((await team(w.teams.B)).leaders.map((l) => l.name)).toEqual(['队长乙', '志愿者乙']);
  });
});
