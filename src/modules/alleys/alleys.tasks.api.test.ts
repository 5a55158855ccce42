import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../test/app.js';
import { seedAlleyWorld } from '../../../test/api-setup/alleys.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../test/http.js';
import { addDays } from '../../core/calendar.js';
import { advanceClock, clock } from '../../core/clock.js';
import type { AlleyRegionDetail, AlleyRegionSummary, AlleyTaskView } from './alleys.contracts.js';
import { type ItemStatus, SIX_HAVES, type SixHave, TASK_DUE_DAYS } from './alleys.enums.js';
import { alleyTasks } from './alleys.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedAlleyWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  w = await seedAlleyWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

/** An inspection finding the given items as stated and the rest present. */
async function inspect(as: string, region: string, found: Partial<Record<SixHave, ItemStatus>>) {
  // A minute apart, so that "the latest inspection" is one.
  advanceClock(60_000);
  const items = SIX_HAVES.map((item) => ({ item, status: found[item] ?? 'present' }));
  return expectOk<{ id: string }>(
    await call('POST', `/api/alley-regions/${region}/inspections`, { as, body: { items } }),
    201,
  );
}
const tasks = async (as: string, query = '') =>
  expectOk<Page<AlleyTaskView>>(await call('GET', `/api/alley-tasks?${query}`, { as }));
const taskRows = () => ctx.database.db.select().from(alleyTasks);
/** Moves every open task's due date to yesterday (the clock cannot jump two weeks: sessions would expire). */
const makeOverdue = () =>
  ctx.database.db
    .update(alleyTasks)
    .set({ dueOn: addDays(clock.today(), -1) })
    .where(eq(alleyTasks.state, 'open'));
const openOf = async (region: string) =>
  (await taskRows()).filter((t) => t.regionId === region && t.state === 'open').map((t) => t.item);

describe('tasks from inspections', () => {
  it('opens a task for each weak item an inspection finds (due in 14 days), in the inspection’s transaction', async () => {
    const made = await inspect('alley01', w.A, { volunteerTeam: 'needs_work', culturalFeature: 'missing' });
    const rows = (await taskRows()).filter((t) => t.regionId === w.A);
    expect(rows.map((t) => t.item).sort()).toEqual(['culturalFeature', 'volunteerTeam']);
    for (const t of rows)
      expect(t).toMatchObject({
        state: 'open',
        openedByInspectionId: made.id,
        dueOn: addDays(clock.today(), TASK_DUE_DAYS),
      });
    const [audit] = await auditRows(ctx, { action: 'alley_inspection.create', entityId: w.A });
    expect(audit.after).toMatchObject({ tasks: { opened: ['volunteerTeam', 'culturalFeature'], closed: [] } });
  });

  it('keeps the one open task when the item is weak again, and closes it (done, by that inspection) when present', async () => {
    const again = await inspect('alley01', w.A, { volunteerTeam: 'missing', culturalFeature: 'needs_work' });
    expect((await taskRows()).filter((t) => t.regionId === w.A)).toHaveLength(2);
    expect((await taskRows()).every((t) => t.openedByInspectionId !== again.id)).toBe(true);
    const fixed = await inspect('alley01', w.A, { culturalFeature: 'needs_work' });
    const team = (await taskRows()).find((t) => t.regionId === w.A && t.item === 'volunteerTeam');
    expect(team).toMatchObject({ state: 'done', closedByInspectionId: fixed.id, note: null });
    expect(team?.closedAt).not.toBeNull();
    expect(await openOf(w.A)).toEqual(['culturalFeature']);
    // Weak again later: a new task, the done one stays done.
    await inspect('alley01', w.A, { volunteerTeam: 'needs_work', culturalFeature: 'needs_work' });
    expect((await openOf(w.A)).sort()).toEqual(['culturalFeature', 'volunteerTeam']);
    expect((await taskRows()).filter((t) => t.regionId === w.A)).toHaveLength(3);
  });

  it('shows open and overdue counts on the list and the region page; the ranking stays by score', async () => {
    await inspect('alley02', w.B, { guideline: 'needs_work' });
    const list = await expectOk<Page<AlleyRegionSummary>>(
      await call('GET', '/api/alley-regions?sort=-score', { as: 'admin' }),
    );
    expect(list.items.map((r) => [r.code, r.score, r.openTasks, r.overdueTasks])).toEqual([
      ['T03', 92, 1, 0],
      ['T01', 83, 2, 0],
      ['T02', null, 0, 0],
    ]);
    await makeOverdue();
    const d = expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${w.A}`, { as: 'alley01' }));
    expect(d).toMatchObject({ openTasks: 2, overdueTasks: 2, mayCloseTasks: true });
    expect(d.tasks.filter((t) => t.state === 'open').every((t) => t.overdue && t.mayClose && !t.mayCancel)).toBe(true);
    expect(d.tasks.find((t) => t.state === 'done')).toMatchObject({ item: 'volunteerTeam', overdue: false });
  });
});

describe('the task list', () => {
  it('scopes like the regions: alley01 only their region, hangdong only community A, the county all', async () => {
    expect(new Set((await tasks('alley01')).items.map((t) => t.regionCode))).toEqual(new Set(['T01']));
    expect(new Set((await tasks('alley02')).items.map((t) => t.regionCode))).toEqual(new Set(['T03']));
    expect(new Set((await tasks('hangdong')).items.map((t) => t.regionCode))).toEqual(new Set(['T01']));
    expect((await tasks('sanfeng')).items.map((t) => t.regionCode)).toEqual(['T03']);
    expect((await tasks('admin')).total).toBe(4);
    for (const as of ['grid01', 'unit01', 'member01', 'resident01'])
      expectError(await call('GET', '/api/alley-tasks', { as }), 403, 'FORBIDDEN');
  });

  it('filters by region, state, community and overdue; open first by due date', async () => {
    expect((await tasks('admin', `regionId=${w.B}`)).items.map((t) => t.item)).toEqual(['guideline']);
    expect((await tasks('admin', 'state=done')).items.map((t) => t.item)).toEqual(['volunteerTeam']);
    expect((await tasks('admin', `communityId=${ctx.world.communityB.id}`)).total).toBe(1);
    const all = await tasks('admin');
    expect(all.items.map((t) => t.state)).toEqual(['open', 'open', 'open', 'done']);
    await ctx.database.db
      .update(alleyTasks)
      .set({ dueOn: addDays(clock.today(), TASK_DUE_DAYS) })
      .where(eq(alleyTasks.state, 'open'));
    expect((await tasks('admin', 'overdue=true')).total).toBe(0);
    await makeOverdue();
    const overdue = await tasks('admin', 'overdue=true');
    expect(overdue.total).toBe(3);
    expect(overdue.items.every((t) => t.overdue && t.state === 'open')).toBe(true);
    expect((await tasks('admin', 'overdue=true&pageSize=2')).items).toHaveLength(2);
  });
});

describe('closing a task by hand', () => {
  const openTask = async (region: string, item: SixHave) => {
    const [row] = (await taskRows()).filter((t) => t.regionId === region && t.item === item && t.state === 'open');
    return row.id;
  };

  it('lets the region’s alley head mark a task done with a note (audited); a head of another region gets 404', async () => {
    const id = await openTask(w.A, 'culturalFeature');
    expectError(
      await call('POST', `/api/alley-tasks/${id}/done`, { as: 'alley02', body: { note: '已整改' } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('POST', `/api/alley-tasks/${id}/done`, { as: 'alley01', body: { note: ' ' } }),
      400,
      'VALIDATION_FAILED',
    );
    const done = expectOk<AlleyTaskView>(
      await call('POST', `/api/alley-tasks/${id}/done`, { as: 'alley01', body: { note: '巷口文化墙已补绘' } }),
    );
    expect(done).toMatchObject({ state: 'done', note: '巷口文化墙已补绘', closedByName: '巷长甲', mayClose: false });
    expect(done.closedByInspectionId).toBeNull();
    const [audit] = await auditRows(ctx, { action: 'alley_task.done', entityId: w.A });
    expect(audit.after).toMatchObject({ id, state: 'done' });
    expectError(
      await call('POST', `/api/alley-tasks/${id}/done`, { as: 'alley01', body: { note: '再次' } }),
      409,
      'ALLEY_TASK_STATE',
    );
  });

  it('lets staff cancel with a reason; an alley head may not cancel (403); another community 404; nothing written', async () => {
    const id = await openTask(w.A, 'volunteerTeam');
    const before = await taskRows();
    const body = { reason: '该巷已并入相邻区域' };
    expectError(await call('POST', `/api/alley-tasks/${id}/cancel`, { as: 'alley01', body }), 403, 'FORBIDDEN');
    expectError(await call('POST', `/api/alley-tasks/${id}/cancel`, { as: 'sanfeng', body }), 404, 'NOT_FOUND');
    expectError(
      await call('POST', `/api/alley-tasks/${id}/done`, { as: 'sanfeng', body: { note: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expect(await taskRows()).toEqual(before);
    const cancelled = expectOk<AlleyTaskView>(
      await call('POST', `/api/alley-tasks/${id}/cancel`, { as: 'hangdong', body }),
    );
    expect(cancelled).toMatchObject({ state: 'cancelled', note: body.reason, mayCancel: false });
    expect((await auditRows(ctx, { action: 'alley_task.cancel', entityId: w.A })).length).toBe(1);
    expectError(await call('POST', `/api/alley-tasks/${id}/cancel`, { as: 'admin', body }), 409, 'ALLEY_TASK_STATE');
  });

  it('lets the county close any task; an unknown task is 404', async () => {
    const id = await openTask(w.B, 'guideline');
    expectOk(await call('POST', `/api/alley-tasks/${id}/done`, { as: 'admin', body: { note: '导则已印发' } }));
    expectError(
      await call('POST', '/api/alley-tasks/00000000-0000-4000-8000-000000000000/done', {
        as: 'admin',
        body: { note: 'x' },
      }),
      404,
      'NOT_FOUND',
    );
    const [{ n }] = await ctx.database.db.select({ n: count() }).from(alleyTasks).where(eq(alleyTasks.state, 'open'));
    expect(n).toBe(0);
  });
});
