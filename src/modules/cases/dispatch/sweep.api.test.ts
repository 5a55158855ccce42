import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { auditLog } from '../../../core/audit.schema.js';
import { gridDuties } from '../../duties/duties.schema.js';
import { people } from '../../people/people.schema.js';
import { jobRuns } from '../../../core/system.schema.js';
import type { CaseDetail } from '../cases.contracts.js';
import { caseEvents, cases } from '../cases.schema.js';
import { WorkCalendar } from '../../../core/calendar.js';
import { claimSweepTick, dueSoonClock, runCaseSweep, startCaseSweeper, SWEEP_JOB, type SweepLog } from './sweep.js';

let ctx: TestContext;
const FAR_FUTURE = new Date('2099-06-01T02:00:00Z');

async function call(method: 'GET' | 'POST', url: string, as: string, body?: object) {
  return ctx.app.inject({ method, url, payload: body, headers: { cookie: await ctx.cookieFor(as) } });
}

async function report(description: string, at: [number, number] = [117.331, 27.541]): Promise<CaseDetail> {
  const res = await call('POST', '/api/cases', 'resident01', {
    channel: 'snap',
    description,
    categoryCode: 'facilities.streetlight',
    lng: at[0],
    lat: at[1],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseDetail;
}

async function act(id: string, as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const current = (await call('GET', `/api/cases/${id}`, as)).json() as CaseDetail;
  const res = await call('POST', `/api/cases/${id}/transitions`, as, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

async function notificationsOf(as: string, kind: string) {
  const body = (await call('GET', '/api/notifications?pageSize=200', as)).json() as {
    items: { kind: string; entityId: string }[];
    unread: number;
  };
  return { items: body.items.filter((n) => n.kind === kind), unread: body.unread };
}

async function eventCount(caseId: string, action: string): Promise<number> {
  const [{ n }] = await ctx.database.db
    .select({ n: count() })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, action)));
  return n;
}

beforeAll(async () => {
  ctx = await createTestContext();
  // The test world has no duties: grid01's person answers for gA1, a secretary (no login) for the community grid gA.
  const [secretary] = await ctx.database.db
    .insert(people)
    .values({ name: '刘书记', communityId: ctx.world.communityA.id, roles: ['staff'] })
    .returning();
  await ctx.database.db.insert(gridDuties).values([
    {
      gridId: ctx.world.grids.gA1.id,
      personId: ctx.world.people.gridWorkerPerson.id,
      role: 'grid_worker',
      since: '2020-01-01',
    },
    { gridId: ctx.world.grids.gA.id, personId: secretary.id, role: 'community_secretary', since: '2020-01-01' },
  ]);
});
afterAll(async () => {
  await ctx?.close();
});

describe('the clock sweep (督办)', () => {
  let early: CaseDetail;
  let late: CaseDetail;
  let resolved: CaseDetail;

  it('warns the owner once when a quarter of the response time is left, even with two sweeps at once', async () => {
    early = await report('路灯坏了好几天，晚上很黑');
    expect(early.ownerName).toBe('陈网格');
    expect((await runCaseSweep({ db: ctx.database.db, now: new Date(early.reportedAt) })).dueSoon).toBe(0);
    const nearDue = new Date(new Date(early.responseDueAt).getTime() - 60_000);
    const [a, b] = await Promise.all([
      runCaseSweep({ db: ctx.database.db, now: nearDue }),
      runCaseSweep({ db: ctx.database.db, now: nearDue }),
    ]);
    expect(a.dueSoon + b.dueSoon).toBe(1);
    expect(a.supervised + b.supervised).toBe(0);
    const again = await runCaseSweep({ db: ctx.database.db, now: new Date(nearDue.getTime() + 30_000) });
    expect(again.dueSoon).toBe(0);
    const warned = await notificationsOf('grid01', 'case.due_soon');
    expect(warned.items.map((n) => n.entityId)).toEqual([early.id]);
    const [row] = await ctx.database.db
      .select({ at: cases.dueSoonNotifiedAt })
      .from(cases)
      .where(eq(cases.id, early.id));
    expect(row.at?.toISOString()).toBe(nearDue.toISOString());
  });

  it("supervises an overdue case once under concurrent sweeps and escalates it to the parent grid's duty holder", async () => {
    late = await report('小区门口路灯不亮', [117.3312, 27.5412]);
    resolved = await report('楼下路灯一直闪', [117.3314, 27.5414]);
    await act(resolved.id, 'grid01', { action: 'accept' });
    await act(resolved.id, 'grid01', { action: 'dispatch' });
    await act(resolved.id, 'grid01', { action: 'acknowledge' });
    await act(resolved.id, 'grid01', { action: 'resolve', note: '已更换灯泡' });

    const runs = await Promise.all([
      runCaseSweep({ db: ctx.database.db, now: FAR_FUTURE }),
      runCaseSweep({ db: ctx.database.db, now: FAR_FUTURE }),
    ]);
    expect(runs[0].supervised + runs[1].supervised).toBe(2);
    expect(runs[0].failed + runs[1].failed).toBe(0);
    for (const c of [early, late]) {
      expect(await eventCount(c.id, 'supervise')).toBe(1);
      const detail = (await call('GET', `/api/cases/${c.id}`, 'admin')).json() as CaseDetail;
      expect(detail).toMatchObject({ supervised: true, escalationLevel: 1, ownerName: '刘书记' });
    }
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'case.supervise'));
    expect(n).toBe(2);
    expect((await runCaseSweep({ db: ctx.database.db, now: FAR_FUTURE })).supervised).toBe(0);
  });

  it('notifies the owner and the community admins, who see it in their unread notifications', async () => {
    for (const user of ['grid01', 'hangdong']) {
      const { items, unread } = await notificationsOf(user, 'case.supervised');
      expect(items.map((i) => i.entityId).sort()).toEqual([early.id, late.id].sort());
      expect(unread).toBeGreaterThanOrEqual(2);
    }
    expect((await notificationsOf('sanfeng', 'case.supervised')).items).toHaveLength(0);
    expect((await call('GET', '/api/cases?supervised=true', 'hangdong')).json()).toMatchObject({ total: 2 });
  });

  it('never flags a resolved case', async () => {
    const [row] = await ctx.database.db.select().from(cases).where(eq(cases.id, resolved.id));
    expect(row).toMatchObject({ status: 'resolved', supervisedAt: null, escalationLevel: 0 });
    expect(await eventCount(resolved.id, 'supervise')).toBe(0);
  });

  it('three sweepers at once, a few cases at a time, supervise each of many overdue cases exactly once', async () => {
    const many = [];
    for (let i = 0; i < 7; i++) many.push(await report(`第${i}盏路灯不亮`, [117.3303 + i * 0.0002, 27.5403]));
    const runs = await Promise.all([0, 1, 2].map(() => runCaseSweep({ db: ctx.database.db, now: FAR_FUTURE, max: 3 })));
    let total = runs.reduce((sum, r) => sum + r.supervised, 0);
    while (total < many.length) {
      const more = (await runCaseSweep({ db: ctx.database.db, now: FAR_FUTURE, max: 3 })).supervised;
      expect(more).toBeGreaterThan(0);
      total += more;
    }
    expect(total).toBe(many.length);
    for (const c of many) expect(await eventCount(c.id, 'supervise')).toBe(1);
  });

  it('leaves merged duplicates to their main case', async () => {
    const main = await report('路口路灯全灭了', [117.3316, 27.5416]);
    // Staff join a report to the case /similar named (a resident sees only that one is nearby).
    const res = await call('POST', '/api/cases', 'grid01', {
      channel: 'hall',
      reporterPersonId: ctx.world.people.memberPerson1.id,
      description: '路口的灯不亮',
      lng: 117.3316,
      lat: 27.5416,
      sameAsCaseId: main.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const result = await runCaseSweep({ db: ctx.database.db, now: FAR_FUTURE });
    expect(result.supervised).toBe(1);
    expect(await eventCount((res.json() as CaseDetail).id, 'supervise')).toBe(0);
  });
});

describe('the due-soon rule', () => {
  const calendar = new WorkCalendar();
  // Monday 2026-03-02 09:00 in Shanghai; 24 working hours to respond, 7 working days to resolve.
  const reportedAt = new Date('2026-03-02T01:00:00Z');
  const base = {
    reportedAt,
    responseDueAt: calendar.addWorkingMinutes(reportedAt, 24 * 60),
    resolutionDueAt: calendar.addWorkingMinutes(reportedAt, 7 * 420),
    acknowledgedAt: null,
    resolvedAt: null,
    dueSoonNotifiedAt: null,
  };
  const at = (minutes: number) => calendar.addWorkingMinutes(reportedAt, minutes);

  it('warns in the last quarter of the response limit, counted in working time', () => {
    expect(dueSoonClock(calendar, base, at(0.74 * 24 * 60))).toBeNull();
    expect(dueSoonClock(calendar, base, at(0.76 * 24 * 60))).toBe('response');
    expect(dueSoonClock(calendar, base, new Date(base.responseDueAt.getTime() + 1))).toBeNull();
  });

  it('warns again for the resolution clock only if the earlier warning came before the acknowledgement', () => {
    const late = at(0.8 * 7 * 420);
    const ackAt = at(60);
    expect(dueSoonClock(calendar, { ...base, acknowledgedAt: ackAt, dueSoonNotifiedAt: at(30) }, late)).toBe(
      'resolution',
    );
    expect(dueSoonClock(calendar, { ...base, acknowledgedAt: ackAt, dueSoonNotifiedAt: at(90) }, late)).toBeNull();
    expect(dueSoonClock(calendar, { ...base, acknowledgedAt: ackAt, resolvedAt: at(100) }, late)).toBeNull();
  });
});

describe('scheduling across processes', () => {
  it('lets exactly one of two processes claim a tick through job_runs', async () => {
    const claims = await Promise.all([
      claimSweepTick(ctx.database.db, 60_000),
      claimSweepTick(ctx.database.db, 60_000),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimSweepTick(ctx.database.db, 60_000)).toBe(false);
  });

  it('two sweepers on one database run and record their ticks, and stop cleanly', async () => {
    await ctx.database.db.delete(jobRuns).where(eq(jobRuns.name, SWEEP_JOB));
    const errors: object[] = [];
    const log: SweepLog = {
      info: () => undefined,
      error: (o: object) => {
        errors.push(o);
      },
    };
    // What server.ts will pass: Fastify's own logger fits.
    const appLog: SweepLog = ctx.app.log;
    expect(appLog).toBeDefined();
    const stops = [
      startCaseSweeper({ db: ctx.database.db, intervalMs: 40, log }),
      startCaseSweeper({ db: ctx.database.db, intervalMs: 40, log }),
    ];
    await new Promise((r) => setTimeout(r, 400));
    await Promise.all(stops.map((stop) => stop()));
    expect(errors).toEqual([]);
    const [row] = await ctx.database.db.select().from(jobRuns).where(eq(jobRuns.name, SWEEP_JOB));
    expect(row.lastResult).toMatchObject({ supervised: 0, failed: 0 });
    // Each claimed tick's outcome is recorded when it ends (core/periodic.ts recordJobOutcome).
    expect(row).toMatchObject({ lastOk: true, failures: 0, lastError: null });
    expect(row.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(row.lastStartedAt).toBeInstanceOf(Date);
  });
});
