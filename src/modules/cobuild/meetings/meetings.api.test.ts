import { clock } from '../../../core/clock.js';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { MeetingDetail, ProposeResult, TaskView } from './meetings.contracts.js';
import { proposeCurrentQuarter } from './meetings.propose.js';
import { jointMeetings } from './meetings.schema.js';
import { call, ctx, meetingOf, overdueCaseId, setupMeetingsApi, solved } from '../../../../test/api-setup/meetings.js';

setupMeetingsApi();

describe("proposing the quarter's joint meetings automatically", () => {
  it('creates one proposed meeting per community, inviting the paired units, with overdue cases on the agenda', async () => {
    const res = expectOk<ProposeResult>(
      await call('POST', '/api/joint-meetings/propose', { as: 'admin', body: { year: 2026, quarter: 1 } }),
    );
    expect(res.created).toHaveLength(2);
    expect(res.existing).toBe(0);
    const a = await meetingOf(ctx.world.communityA.id, 1);
    expect(a).toMatchObject({ status: 'proposed', year: 2026, quarter: 1, invitedCount: 1 });
    expect(a.meetingDate >= '2026-01-01' && a.meetingDate <= '2026-03-31').toBe(true);
    expect(a.invitations.map((i) => [i.unitId, i.source, i.response])).toEqual([
      [ctx.world.unit1.id, 'paired', 'pending'],
    ]);
    expect(a.agenda.map((i) => [i.source, i.refId])).toEqual([['overdue_case', overdueCaseId]]);
    const b = await meetingOf(ctx.world.communityB.id, 1);
    expect(b.invitations.map((i) => i.unitId)).toEqual([ctx.world.unit2.id]);
    expect(b.agenda).toEqual([]);
    const audits = await auditRows(ctx, { action: 'joint_meeting.propose' });
    expect(audits).toHaveLength(2);
  });

  it('is idempotent: a second run creates nothing', async () => {
    const res = expectOk<ProposeResult>(
      await call('POST', '/api/joint-meetings/propose', { as: 'admin', body: { year: 2026, quarter: 1 } }),
    );
    expect(res).toMatchObject({ created: [], existing: 2 });
  });

  it('concurrent runs (and the scheduled job) never create a second meeting for a community and quarter', async () => {
    const [first, second, job] = await Promise.all([
      call('POST', '/api/joint-meetings/propose', { as: 'admin', body: { year: 2026, quarter: 2 } }),
      call('POST', '/api/joint-meetings/propose', { as: 'admin', body: { year: 2026, quarter: 2 } }),
      proposeCurrentQuarter({ db: ctx.database.db, now: new Date('2026-05-06T10:00:00+08:00') }),
    ]);
    const created =
      expectOk<ProposeResult>(first).created.length +
      expectOk<ProposeResult>(second).created.length +
      job.created.length;
    expect(created).toBe(2);
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(jointMeetings)
      .where(and(eq(jointMeetings.year, 2026), eq(jointMeetings.quarter, 2)));
    expect(n).toBe(2);
  });

  it('a community admin proposes only for its own community', async () => {
    const res = expectOk<ProposeResult>(
      await call('POST', '/api/joint-meetings/propose', { as: 'hangdong', body: { year: 2026, quarter: 4 } }),
    );
    expect(res.created.map((m) => m.communityId)).toEqual([ctx.world.communityA.id]);
  });
});

describe('the resolution lifecycle (决议 → task → 急事难事 solved)', () => {
  let q1: MeetingDetail;
  let task: TaskView;

  it('a meeting is scheduled, a resolution recorded with owner unit and deadline, then the meeting is held with minutes', async () => {
    q1 = await meetingOf(ctx.world.communityA.id, 1, 'hangdong');
    q1 = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q1.id}/schedule`, {
        as: 'hangdong',
        body: { meetingDate: '2026-02-11', place: '杭东社区党群服务中心', version: q1.version },
      }),
    );
    expect(q1).toMatchObject({ status: 'scheduled', meetingDate: '2026-02-11', place: '杭东社区党群服务中心' });
    task = expectOk<TaskView>(
      await call('POST', `/api/joint-meetings/${q1.id}/resolutions`, {
        as: 'hangdong',
        body: { ownerUnitId: ctx.world.unit1.id, deadline: '2026-03-31', content: '协调修复杭东路路灯' },
      }),
      201,
    );
    expect(task).toMatchObject({
      status: 'open',
      ownerUnitId: ctx.world.unit1.id,
      deadline: '2026-03-31',
      overdue: clock.today() > '2026-03-31',
    });
    q1 = expectOk<MeetingDetail>(
      await call('PUT', `/api/joint-meetings/${q1.id}/invitations/${ctx.world.unit1.id}/attendance`, {
        as: 'hangdong',
        body: { attended: true, attendees: ['张局长', '李干事'] },
      }),
    );
    expectError(
      await call('POST', `/api/joint-meetings/${q1.id}/hold`, { as: 'hangdong', body: { version: q1.version } }),
      400,
      'MEETING_MINUTES_REQUIRED',
    );
    q1 = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q1.id}/hold`, {
        as: 'hangdong',
        body: { minutes: '会议研究了路灯维修等事项。', version: q1.version },
      }),
    );
    expect(q1).toMatchObject({ status: 'held', attendedCount: 1, tasks: { total: 1, done: 0, open: 1 } });
    expect(q1.invitations[0]).toMatchObject({ attended: true, attendees: ['张局长', '李干事'] });
    expectError(
      await call('PUT', `/api/joint-meetings/${q1.id}/invitations/${ctx.world.unit1.id}/response`, {
        as: 'unit01',
        body: { response: 'declined' },
      }),
      409,
      'MEETING_STATE',
    );
    expectError(
      await call('POST', `/api/joint-meetings/${q1.id}/schedule`, {
        as: 'hangdong',
        body: { meetingDate: '2026-02-12', place: 'x', version: q1.version },
      }),
      409,
      'MEETING_STATE',
    );
  });

  it("the open task is followed up on the next meetings' agendas (new proposal and refreshed agenda)", async () => {
    const q3 = expectOk<ProposeResult>(
      await call('POST', '/api/joint-meetings/propose', { as: 'admin', body: { year: 2026, quarter: 3 } }),
    );
    const q3a = expectOk<MeetingDetail>(
      await call(
        'GET',
        `/api/joint-meetings/${q3.created.find((m) => m.communityId === ctx.world.communityA.id)!.id}`,
        { as: 'admin' },
      ),
    );
    expect(q3a.agenda.filter((i) => i.source === 'follow_up').map((i) => [i.refId, i.taskStatus])).toEqual([
      [task.id, 'open'],
    ]);
    const q2 = await meetingOf(ctx.world.communityA.id, 2, 'hangdong');
    expect(q2.agenda.some((i) => i.source === 'follow_up')).toBe(false);
    const refreshed = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q2.id}/agenda/refresh`, { as: 'hangdong' }),
    );
    expect(refreshed.agenda.filter((i) => i.source === 'follow_up').map((i) => i.refId)).toEqual([task.id]);
    const again = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q2.id}/agenda/refresh`, { as: 'hangdong' }),
    );
    expect(again.agenda).toHaveLength(refreshed.agenda.length);
  });

  it('the owner unit moves its task to in progress, then done with a note; the overdue flag clears and the solved count moves', async () => {
    const before = await solved();
    expect(before.total).toBe(0);
    task = expectOk<TaskView>(
      await call('PATCH', `/api/meeting-tasks/${task.id}`, {
        as: 'unit01',
        body: { status: 'in_progress', version: task.version },
      }),
    );
    expect(task.status).toBe('in_progress');
    expectError(
      await call('PATCH', `/api/meeting-tasks/${task.id}`, {
        as: 'unit01',
        body: { status: 'done', version: task.version },
      }),
      400,
      'MEETING_TASK_NOTE_REQUIRED',
    );
    task = expectOk<TaskView>(
      await call('PATCH', `/api/meeting-tasks/${task.id}`, {
        as: 'unit01',
        body: { status: 'done', completionNote: '已更换灯杆 6 根', version: task.version },
      }),
    );
    expect(task).toMatchObject({
      status: 'done',
      overdue: false,
      completedOn: clock.today(),
      completionNote: '已更换灯杆 6 根',
    });
    const after = await solved();
    expect(after.total).toBe(1);
    expect(after.byCommunity.find((c) => c.communityId === ctx.world.communityA.id)).toMatchObject({
      solved: 1,
      open: 0,
      overdue: 0,
    });
    const audits = await auditRows(ctx, { action: 'meeting_task.update' });
    expect(audits[0]).toMatchObject({
      actorName: 'unit01',
      entityId: task.id,
      after: { status: 'done', completionNote: '已更换灯杆 6 根' },
    });
    expectError(
      await call('PATCH', `/api/meeting-tasks/${task.id}`, {
        as: 'unit01',
        body: { status: 'open', version: task.version },
      }),
      409,
      'MEETING_TASK_TRANSITION',
    );
  });

  it("the next meeting records the follow-up's progress, and keeps the task status it had when held", async () => {
    let q2 = await meetingOf(ctx.world.communityA.id, 2, 'hangdong');
    const item = q2.agenda.find((i) => i.source === 'follow_up')!;
    q2 = expectOk<MeetingDetail>(
      await call('PUT', `/api/joint-meetings/${q2.id}/agenda/${item.id}/progress`, {
        as: 'hangdong',
        body: { progressNote: '路灯已修复，群众满意' },
      }),
    );
    q2 = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q2.id}/schedule`, {
        as: 'hangdong',
        body: { meetingDate: '2026-05-13', place: '杭东社区会议室', version: q2.version },
      }),
    );
    q2 = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q2.id}/hold`, {
        as: 'hangdong',
        body: { minutes: '通报上季度决议办理情况。', version: q2.version },
      }),
    );
    expect(q2.agenda.find((i) => i.id === item.id)).toMatchObject({
      progressNote: '路灯已修复，群众满意',
      taskStatus: 'done',
      taskStatusAtMeeting: 'done',
    });
  });

  it('overdue tasks are flagged and filterable; the list and the Excel export follow the filters', async () => {
    const q1b = await meetingOf(ctx.world.communityB.id, 1, 'sanfeng');
    const scheduled = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q1b.id}/schedule`, {
        as: 'sanfeng',
        body: { meetingDate: '2026-03-04', place: '三凤社区会议室', version: q1b.version },
      }),
    );
    const late = expectOk<TaskView>(
      await call('POST', `/api/joint-meetings/${scheduled.id}/resolutions`, {
        as: 'sanfeng',
        body: { ownerUnitId: ctx.world.unit2.id, deadline: '2026-03-20', content: '清理三凤路积水点' },
      }),
      201,
    );
    expect(late.overdue).toBe(true);
    const overdue = expectOk<Page<TaskView>>(await call('GET', '/api/meeting-tasks?overdue=true', { as: 'admin' }));
    expect(overdue.items.map((t) => t.id)).toEqual([late.id]);
    const notOverdue = expectOk<Page<TaskView>>(await call('GET', '/api/meeting-tasks?overdue=false', { as: 'admin' }));
    expect(notOverdue.items.map((t) => t.id)).toEqual([task.id]);
    const byOwner = expectOk<Page<TaskView>>(
      await call('GET', `/api/meeting-tasks?ownerUnitId=${ctx.world.unit1.id}&status=done`, { as: 'admin' }),
    );
    expect(byOwner.total).toBe(1);
    expect((await solved()).overdue).toBe(1);
    const xlsx = await call('GET', '/api/meeting-tasks/export.xlsx?overdue=true', { as: 'admin' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['x-export-rows']).toBe('1');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a cancelled meeting takes no resolutions', async () => {
    const q4 = await meetingOf(ctx.world.communityA.id, 4, 'hangdong');
    const cancelled = expectOk<MeetingDetail>(
      await call('POST', `/api/joint-meetings/${q4.id}/cancel`, {
        as: 'hangdong',
        body: { reason: '与防汛工作冲突，并入下季度', version: q4.version },
      }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '与防汛工作冲突，并入下季度' });
    expectError(
      await call('POST', `/api/joint-meetings/${q4.id}/resolutions`, {
        as: 'hangdong',
        body: { ownerUnitId: ctx.world.unit1.id, deadline: '2026-12-31', content: 'x' },
      }),
      409,
      'MEETING_STATE',
    );
  });
});
