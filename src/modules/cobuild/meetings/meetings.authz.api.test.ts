import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, ctx, setupMeetingsApi } from '../../../../test/api-setup/meetings.js';
import { expectError, expectOk, type Page } from '../../../../test/http.js';
import type { MeetingDetail, MeetingView, TaskView } from './meetings.contracts.js';
import { jointMeetings, meetingTasks } from './meetings.schema.js';

let meetingA: MeetingDetail;
let meetingB: MeetingDetail;
let taskA: TaskView;
let taskB: TaskView;

// The 2026 pairing, without the overdue case the other meetings tests put on the agenda (nothing here reads it).
setupMeetingsApi({ overdueCase: false });

/** Proposes 2026 Q1, schedules both meetings and gives each a resolution owned by its paired unit. */
beforeAll(async () => {
  const { communityA, communityB, unit1, unit2 } = ctx.world;
  expectOk(await call('POST', '/api/joint-meetings/propose', { as: 'admin', body: { year: 2026, quarter: 1 } }));
  const list = expectOk<Page<MeetingView>>(
    await call('GET', '/api/joint-meetings?year=2026&quarter=1', { as: 'admin' }),
  );
  const schedule = async (m: MeetingView, as: string) =>
    expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${m.id}/schedule`, {
        as,
        body: { meetingDate: '2026-02-11', place: '会议室', version: m.version },
      }),
    );
  meetingA = await schedule(list.items.find((m) => m.communityId === communityA.id)!, 'hangdong');
  meetingB = await schedule(list.items.find((m) => m.communityId === communityB.id)!, 'sanfeng');
  const resolve = async (m: MeetingDetail, as: string, ownerUnitId: string) =>
    expectOk<TaskView>(
      await call('POST', `/api/joint-meetings/${m.id}/resolutions`, {
        as,
        body: { ownerUnitId, deadline: '2099-12-31', content: '决议事项' },
      }),
      201,
    );
  taskA = await resolve(meetingA, 'hangdong', unit1.id);
  taskB = await resolve(meetingB, 'sanfeng', unit2.id);
});

const taskCount = async () => (await ctx.database.db.select({ n: count() }).from(meetingTasks))[0].n;

describe('who may see and run joint meetings', () => {
  it('roles outside co-building meetings get 403, anonymous 401', async () => {
    for (const as of ['grid01', 'member01', 'resident01']) {
      expectError(await call('GET', '/api/joint-meetings', { as }), 403, 'FORBIDDEN');
      expectError(await call('GET', '/api/meeting-tasks', { as }), 403, 'FORBIDDEN');
    }
    expectError(await call('GET', '/api/joint-meetings'), 401, 'UNAUTHENTICATED');
  });

  it("a community admin sees and runs only its own community's meetings", async () => {
    const list = expectOk<Page<MeetingView>>(await call('GET', '/api/joint-meetings', { as: 'hangdong' }));
    expect(list.items.map((m) => m.communityId)).toEqual([ctx.world.communityA.id]);
    expectError(await call('GET', `/api/joint-meetings/${meetingB.id}`, { as: 'hangdong' }), 404, 'NOT_FOUND');
    expectError(
      await call('PATCH', `/api/joint-meetings/${meetingB.id}`, {
        as: 'hangdong',
        body: { minutes: 'x', version: meetingB.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/joint-meetings/${meetingB.id}/resolutions`, {
        as: 'hangdong',
        body: { ownerUnitId: ctx.world.unit1.id, deadline: '2099-01-01', content: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/meeting-tasks/${taskB.id}`, {
        as: 'hangdong',
        body: { status: 'in_progress', version: taskB.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/joint-meetings/propose', {
        as: 'hangdong',
        body: { year: 2026, quarter: 2, communityIds: [ctx.world.communityB.id] },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/joint-meetings', {
        as: 'hangdong',
        body: { communityId: ctx.world.communityB.id, year: 2026, quarter: 2 },
      }),
      403,
      'FORBIDDEN',
    );
    const tasks = expectOk<Page<TaskView>>(await call('GET', '/api/meeting-tasks', { as: 'hangdong' }));
    expect(tasks.items.map((t) => t.id)).toEqual([taskA.id]);
  });

  it('a unit admin sees the meetings it is invited to and only its own tasks, and cannot run a meeting', async () => {
    const list = expectOk<Page<MeetingView>>(await call('GET', '/api/joint-meetings', { as: 'unit01' }));
    expect(list.items.map((m) => m.id)).toEqual([meetingA.id]);
    const detail = expectOk<MeetingDetail>(await call('GET', `/api/joint-meetings/${meetingA.id}`, { as: 'unit01' }));
    expect(detail.can).toEqual({ manage: false, respondFor: [ctx.world.unit1.id] });
    expectError(await call('GET', `/api/joint-meetings/${meetingB.id}`, { as: 'unit01' }), 404, 'NOT_FOUND');
    const tasks = expectOk<Page<TaskView>>(await call('GET', '/api/meeting-tasks', { as: 'unit01' }));
    expect(tasks.items.map((t) => t.id)).toEqual([taskA.id]);
    expectError(await call('GET', `/api/meeting-tasks/${taskB.id}`, { as: 'unit01' }), 404, 'NOT_FOUND');
    expectError(
      await call('POST', `/api/joint-meetings/${meetingA.id}/hold`, {
        as: 'unit01',
        body: { minutes: 'x', version: meetingA.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/joint-meetings/${meetingA.id}/resolutions`, {
        as: 'unit01',
        body: { ownerUnitId: ctx.world.unit1.id, deadline: '2099-01-01', content: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/joint-meetings/propose', { as: 'unit01', body: { year: 2026, quarter: 2 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PUT', `/api/joint-meetings/${meetingA.id}/invitations/${ctx.world.unit1.id}/attendance`, {
        as: 'unit01',
        body: { attended: true },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it("a unit admin updates the status and note of its unit's tasks only — not content, not cancelling, not other units' tasks", async () => {
    expectError(
      await call('PATCH', `/api/meeting-tasks/${taskB.id}`, {
        as: 'unit01',
        body: { status: 'in_progress', version: taskB.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/meeting-tasks/${taskA.id}`, {
        as: 'unit01',
        body: { content: '改掉', version: taskA.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/meeting-tasks/${taskA.id}`, {
        as: 'unit01',
        body: { status: 'cancelled', version: taskA.version },
      }),
      403,
      'FORBIDDEN',
    );
    taskA = expectOk<TaskView>(
      await call('PATCH', `/api/meeting-tasks/${taskA.id}`, {
        as: 'unit01',
        body: { status: 'in_progress', completionNote: '已派员现场查看', version: taskA.version },
      }),
    );
    expect(taskA).toMatchObject({ status: 'in_progress', completionNote: '已派员现场查看', version: 2 });
    expectError(
      await call('PATCH', `/api/meeting-tasks/${taskA.id}`, { as: 'unit01', body: { status: 'open', version: 1 } }),
      409,
      'STALE_UPDATE',
    );
  });

  it("a unit admin answers its own invitation and confirms its own attendance, not another unit's", async () => {
    const answered = expectOk<MeetingDetail>(
      await call('PUT', `/api/joint-meetings/${meetingA.id}/invitations/${ctx.world.unit1.id}/response`, {
        as: 'unit01',
        body: { response: 'accepted', note: '局长带队参加' },
      }),
    );
    expect(answered.invitations[0]).toMatchObject({ response: 'accepted', responseNote: '局长带队参加' });
    expectError(
      await call('PUT', `/api/joint-meetings/${meetingA.id}/invitations/${ctx.world.unit1.id}/response`, {
        as: 'unit02',
        body: { response: 'declined' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/joint-meetings/${meetingA.id}/invitations/${ctx.world.unit1.id}/confirm`, {
        as: 'unit02',
      }),
      403,
      'FORBIDDEN',
    );
    const confirmed = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${meetingA.id}/invitations/${ctx.world.unit1.id}/confirm`, {
        as: 'unit01',
      }),
    );
    expect(confirmed.invitations[0].attended).toBe(true);
    expect(confirmed.invitations[0].confirmedAt).not.toBeNull();
    expect(confirmed.attendedCount).toBe(1);
  });
});

describe('bad input: clear 4xx codes, nothing written', () => {
  const resolutionOn = (body: object, lang = 'zh-CN') =>
    call('POST', `/api/joint-meetings/${meetingA.id}/resolutions`, {
      as: 'hangdong',
      body,
      headers: { 'accept-language': lang },
    });

  it('a resolution without owner, without deadline, with a deadline before the meeting or with a non-unit owner', async () => {
    const before = await taskCount();
    const noOwner = expectError(
      await resolutionOn({ deadline: '2026-03-01', content: '无责任单位' }, 'en'),
      400,
      'MEETING_TASK_OWNER_REQUIRED',
    );
    expect(noOwner.error.message).toBe('A resolution needs an owner unit');
    const noDeadline = expectError(
      await resolutionOn({ ownerUnitId: ctx.world.unit1.id, content: '无时限' }),
      400,
      'MEETING_TASK_DEADLINE_REQUIRED',
    );
    expect(noDeadline.error.message).toBe('决议须设定完成时限');
    const early = expectError(
      await resolutionOn({ ownerUnitId: ctx.world.unit1.id, deadline: '2026-02-10', content: '时限早于会议' }),
      400,
      'MEETING_TASK_DEADLINE_BEFORE_MEETING',
    );
    expect(early.error.message).toContain('2026-02-11');
    expectError(
      await resolutionOn({ ownerUnitId: ctx.world.communityA.id, deadline: '2026-03-01', content: '社区不是单位' }),
      400,
      'MEETING_TASK_OWNER_NOT_UNIT',
    );
    expectError(
      await resolutionOn({ ownerUnitId: ctx.world.unit1.id, deadline: '2026-03-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await taskCount()).toBe(before);
  });

  it('a second meeting for the same community and quarter is 409 MEETING_EXISTS', async () => {
    const body = { communityId: ctx.world.communityA.id, year: 2026, quarter: 1 };
    const res = expectError(
      await call('POST', '/api/joint-meetings', { as: 'hangdong', body, headers: { 'accept-language': 'en' } }),
      409,
      'MEETING_EXISTS',
    );
    expect(res.error.message).toContain('Q1 2026');
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(jointMeetings)
      .where(eq(jointMeetings.communityId, ctx.world.communityA.id));
    expect(n).toBe(1);
    const created = expectOk<MeetingDetail>(
      await call('POST', '/api/joint-meetings', {
        as: 'hangdong',
        body: { ...body, quarter: 2, meetingDate: '2026-05-20' },
      }),
      201,
    );
    expect(created).toMatchObject({ quarter: 2, meetingDate: '2026-05-20', status: 'proposed', invitedCount: 1 });
  });

  it('dates outside the quarter, holding a proposed meeting, holding without minutes, stale versions', async () => {
    expectError(
      await call('POST', `/api/joint-meetings/${meetingA.id}/schedule`, {
        as: 'hangdong',
        body: { meetingDate: '2026-04-01', place: '会议室', version: meetingA.version },
      }),
      400,
      'MEETING_DATE_OUTSIDE_QUARTER',
    );
    expectError(
      await call('POST', `/api/joint-meetings/${meetingA.id}/hold`, {
        as: 'hangdong',
        body: { minutes: '   ', version: meetingA.version },
      }),
      400,
      'MEETING_MINUTES_REQUIRED',
    );
    expectError(
      await call('POST', `/api/joint-meetings/${meetingA.id}/hold`, {
        as: 'hangdong',
        body: { minutes: '纪要', version: meetingA.version + 5 },
      }),
      409,
      'STALE_UPDATE',
    );
    const q2 = expectOk<Page<MeetingView>>(
      await call('GET', `/api/joint-meetings?year=2026&quarter=2&communityId=${ctx.world.communityA.id}`, {
        as: 'hangdong',
      }),
    ).items[0];
    expectError(
      await call('POST', `/api/joint-meetings/${q2.id}/hold`, {
        as: 'hangdong',
        body: { minutes: '纪要', version: q2.version },
      }),
      409,
      'MEETING_STATE',
    );
    expectError(
      await call('PUT', `/api/joint-meetings/${meetingA.id}/invitations/${ctx.world.unit2.id}/attendance`, {
        as: 'hangdong',
        body: { attended: true },
      }),
      400,
      'MEETING_UNIT_NOT_INVITED',
    );
    const [row] = await ctx.database.db.select().from(jointMeetings).where(eq(jointMeetings.id, meetingA.id));
    expect(row).toMatchObject({ status: 'scheduled', minutes: null });
  });
});
