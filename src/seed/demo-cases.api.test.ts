import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { hashPassword } from '../core/auth/password.js';
import { rowsOf } from '../core/bulk.js';
import { localInstant, WorkCalendar } from '../core/calendar.js';
import { clock } from '../core/clock.js';
import { users } from '../modules/auth/auth.schema.js';
import { calendarDefaults } from '../modules/calendar/calendar.defaults.js';
import { defaultCategoryRows } from '../modules/cases/cases.categories.js';
import type { CaseSummary } from '../modules/cases/cases.contracts.js';
import { TRANSITIONS, type CaseAction } from '../modules/cases/cases.machine.js';
import { caseDispatches, caseEvents, cases } from '../modules/cases/cases.schema.js';
import { categoryCorrections } from '../modules/cases/classifier/classifier.schema.js';
import { caseRatings } from '../modules/cases/resident/rating.schema.js';
import { evaluationFollowUps, evaluationItems, evaluationSessions } from '../modules/evaluations/evaluations.schema.js';
import type { CaseStats } from '../modules/cases/stats/stats.contracts.js';
import { foldCaseStats } from '../modules/cases/stats/rollup.js';
import { gridLocator } from '../modules/grid/grid.locate.js';
import { buildDemoCases } from './demo-cases.js';
import { demoTime } from './demo-types.js';
import { buildDemo, createRng, DEMO_PASSWORD, seedDemo } from './demo.js';

let ctx: TestContext;
const cookies = new Map<string, string>();
const UNRATED_CLOSE = { from: ['verified'], to: 'closed' } as const;

async function as(username: string): Promise<string> {
  const known = cookies.get(username);
  if (known) return known;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  cookies.set(username, cookie);
  return cookie;
}

async function get<T>(url: string, username: string): Promise<T> {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie: await as(username) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

/** The demo is built for the day the clock shows (tests pin it; TEST_CLOCK moves it): its year of cases ends yesterday. */
const time = demoTime(clock.today());
const YEAR = `from=${time.historyFrom}&to=${time.lastDay}`;

/** 'YYYY-MM' of every month from the first to the last day of the demo's year. */
function monthsOfYear(): string[] {
  const out: string[] = [];
  for (
    let [y, m] = [Number(time.historyFrom.slice(0, 4)), Number(time.historyFrom.slice(5, 7))];
    `${y}-${String(m).padStart(2, '0')}` <= time.lastDay.slice(0, 7);
    m === 12 ? (y++, (m = 1)) : m++
  ) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}
/** Within ±5 % of the article's figure. */
const near = (value: number, article: number) =>
  expect(Math.abs(value - article) / article, `${value} vs ${article}`).toBeLessThanOrEqual(0.05);

beforeAll(async () => {
  ctx = await createTestContext({ world: false });
  await seedDemo({ db: ctx.database.db, passwordHash: await hashPassword(DEMO_PASSWORD) });
});
afterAll(async () => {
  await ctx?.close();
});

describe('the demo year of cases', () => {
  it("gives the article's figures for its year: 760 居民说事 (320 solved by the community), 445 + 83 whistles, 690 solved by units, 100 % rates", async () => {
    const all = await get<CaseStats>(`/api/cases/stats?${YEAR}`, 'admin');
    near(all.figures.voiceRaised.count, 760);
    near(all.figures.voiceSolved.count, 320);
    near(all.totals.residentWhistles, 445);
    near(all.totals.communityWhistles, 83);
    // 随手拍 and online reports come on top of the 居民说事 channels (Nanping's own programme).
    expect(all.totals.raised - all.totals.communityWhistles - all.figures.voiceRaised.count).toBeGreaterThan(100);
    const community = await get<CaseStats>(`/api/cases/stats?${YEAR}&whistle=none`, 'admin');
    const whistles = await get<CaseStats>(`/api/cases/stats?${YEAR}&whistle=any`, 'admin');
    near(whistles.totals.dispatchesDone, 690);
    for (const rate of [
      whistles.totals.responseRate,
      whistles.totals.resolutionRate,
      whistles.totals.satisfactionRate,
    ]) {
      expect(rate).toBeGreaterThanOrEqual(0.98);
    }
    // The community's own handling is good but not perfect: some answers late, some overdue and supervised.
    expect(community.totals.overdue).toBeGreaterThan(0);
    expect(community.totals.responseRate).toBeLessThan(1);
  });

  it('spreads over the channels, the 11 communities by population, the categories and every month', async () => {
    const byChannel = await get<CaseStats>(`/api/cases/stats?${YEAR}&groupBy=channel`, 'admin');
    expect(byChannel.groups.map((g) => g.key)).toEqual([
      'hall',
      'street_point',
      'door_visit',
      'snap',
      'online',
      'community_whistle',
    ]);
    for (const g of byChannel.groups) expect(g.raised).toBeGreaterThan(50);
    const byCommunity = await get<CaseStats>(`/api/cases/stats?${YEAR}&groupBy=community`, 'admin');
    expect(byCommunity.groups).toHaveLength(11);
    const raised = Object.fromEntries(byCommunity.groups.map((g) => [g.name, g.raised]));
    expect(raised['城东社区']).toBeGreaterThan(raised['水口社区']);
    expect(raised['杭东社区']).toBeGreaterThan(raised['橘子洲社区']);
    const byCategory = await get<CaseStats>(`/api/cases/stats?${YEAR}&groupBy=category`, 'admin');
    expect(byCategory.groups.length).toBeGreaterThanOrEqual(35);
    const byMonth = await get<CaseStats>(`/api/cases/stats?${YEAR}&groupBy=month`, 'admin');
    expect(byMonth.groups.map((g) => g.key)).toEqual(monthsOfYear());
    // Every full month is busy; the month of yesterday may have only begun.
    for (const g of byMonth.groups.slice(0, -1)) expect(g.raised, g.key).toBeGreaterThan(25);
    expect(byMonth.groups.at(-1)?.raised).toBeGreaterThan(0);
    const byGrid = await get<CaseStats>(`/api/cases/stats?${YEAR}&groupBy=grid`, 'admin');
    const [{ n: fullTimeGrids }] = await rowsOf<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from grids where level = 2`,
    );
    expect(byGrid.groups).toHaveLength(fullTimeGrids);
    const byUnit = await get<CaseStats>(`/api/cases/stats?${YEAR}&groupBy=unit`, 'admin');
    expect(byUnit.groups.length).toBeGreaterThan(40);
  });

  it('every demo login finds work in its list', async () => {
    const open = 'status=reported,accepted,dispatched,acknowledged,in_progress,returned,reopened';
    type List = { items: CaseSummary[]; total: number };
    expect((await get<List>('/api/cases', 'admin')).total).toBeGreaterThan(850);
    expect((await get<List>('/api/cases', 'hangdong')).total).toBeGreaterThan(50);
    const grid01 = await get<List>(`/api/cases?mine=true&${open}`, 'grid01');
    expect(grid01.total).toBeGreaterThanOrEqual(3);
    const unit01 = await get<List>('/api/cases', 'unit01');
    expect(unit01.total).toBeGreaterThanOrEqual(8);
    expect(unit01.items.some((c) => ['dispatched', 'acknowledged', 'in_progress'].includes(c.status))).toBe(true);
    expect((await get<List>('/api/cases?mine=true', 'resident01')).total).toBe(4);
    expect((await get<List>('/api/cases?mine=true', 'member01')).total).toBe(2);
    // unit01 and hangdong find open 评事 follow-ups (评事整改); the county too.
    for (const who of ['unit01', 'hangdong', 'admin']) {
      expect((await get<List>('/api/evaluation-follow-ups?status=open', who)).total, who).toBeGreaterThan(0);
    }
    for (const who of ['hangdong', 'grid01', 'unit01']) {
      const s = await get<CaseStats>(`/api/cases/stats?${YEAR}`, who);
      expect(s.totals.raised, who).toBeGreaterThan(0);
    }
  });

  it("tells each case's life as the state machine would have: every transition an event, allowed from the state before it", async () => {
    const db = ctx.database.db;
    const rows = await db.select().from(cases);
    const events = await db.select().from(caseEvents).orderBy(asc(caseEvents.at), asc(caseEvents.id));
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const c of rows) {
      const life = (byCase.get(c.id) ?? []).filter((e) => e.action !== 'merge' && e.action !== 'follow_merged');
      expect(life[0]?.action, c.number).toBe('report');
      if (c.mergedIntoId) continue;
      let status = 'reported';
      for (const e of life.slice(1)) {
        // 督办 (the sweep's or a 评事 verdict's) records the state it found and changes none.
        if (e.action === 'supervise') {
          expect([e.fromStatus, e.toStatus], `${c.number} supervise`).toEqual([status, status]);
          continue;
        }
        // A unit's own step on its dispatch row (a decline, a 代报到) is no transition of the case (recordStep).
        if (e.action.startsWith('unit_')) {
          expect([e.fromStatus, e.toStatus], `${c.number} ${e.action}`).toEqual([null, null]);
          continue;
        }
        // The sweep's closing of a case its reporter left unrated (resident/autoclose.ts) is no one's action.
        const t = e.action === 'close_unrated' ? UNRATED_CLOSE : TRANSITIONS[e.action as CaseAction];
        expect(t, `${c.number} ${e.action}`).toBeDefined();
        expect(t.from as readonly string[], `${c.number}: ${e.action} from ${status}`).toContain(status);
        expect(e.fromStatus).toBe(status);
        status = t.to;
      }
      expect(c.status, c.number).toBe(status);
      expect(c.reportedAt <= c.responseDueAt && c.responseDueAt <= c.resolutionDueAt).toBe(true);
      if (c.whistle && c.acknowledgedAt) expect(c.acknowledgedAt <= c.responseDueAt, c.number).toBe(true);
    }
    const last = events[events.length - 1].at;
    expect(last <= time.now).toBe(true);
    expect(rows.filter((c) => c.mergedIntoId).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((c) => c.status === 'rejected').length).toBeGreaterThan(3);
    expect(rows.filter((c) => c.supervisedAt).length).toBeGreaterThan(10);
    // Every rating is a round of case_ratings; some cases were reopened and rated twice, some closed unrated.
    const ratings = await db.select().from(caseRatings);
    expect(ratings.length).toBe(events.filter((e) => e.action === 'rate').length);
    expect(ratings.some((r) => r.round === 2)).toBe(true);
    expect(events.some((e) => e.action === 'close_unrated')).toBe(true);
  });

  it('sets the clocks on the seeded work calendar and routes located cases to the grid containing the point', async () => {
    const db = ctx.database.db;
    const calendar = new WorkCalendar([
      ...calendarDefaults(time.year - 1),
      ...calendarDefaults(time.year),
      ...calendarDefaults(time.year + 1),
    ]);
    const minutes = new Map(defaultCategoryRows().map((c) => [c.code, c]));
    const rows = await db.select().from(cases);
    const locator = await gridLocator(db);
    let located = 0;
    for (const c of rows) {
      const cat = minutes.get(c.categoryCode);
      expect(c.responseDueAt.getTime()).toBe(
        calendar.addWorkingMinutes(c.reportedAt, cat?.responseMinutes ?? -1).getTime(),
      );
      expect(c.resolutionDueAt.getTime()).toBe(
        calendar.addWorkingMinutes(c.reportedAt, cat?.resolutionMinutes ?? -1).getTime(),
      );
      if (c.lng !== null && c.lat !== null && !c.mergedIntoId) {
        located += 1;
        expect(locator.locate(c.lng, c.lat)?.id, c.number).toBe(c.gridId);
      }
    }
    expect(located).toBeGreaterThan(600);
    const dispatches = await db.select().from(caseDispatches);
    expect(
      dispatches.filter((d) => d.status === 'done').every((d) => d.doneAt && d.acknowledgedAt && d.arrivedAt),
    ).toBe(true);
  });

  it('has a few declined dispatches and 代报到, each with its reason and event, and staff corrections of the classifier', async () => {
    const db = ctx.database.db;
    const dispatches = await db.select().from(caseDispatches);
    const events = await db.select().from(caseEvents);
    const declined = dispatches.filter((d) => d.status === 'declined');
    expect(declined.length).toBeGreaterThanOrEqual(3);
    for (const d of declined) {
      expect(d.declinedAt && d.reportNote && !d.acknowledgedAt && !d.doneAt, d.id).toBeTruthy();
      const e = events.find(
        (x) => x.action === 'unit_decline' && (x.data as { dispatchId?: string }).dispatchId === d.id,
      );
      expect(e?.note).toBe(d.reportNote);
      // Another unit of the same whistle did the work.
      expect(dispatches.some((o) => o.caseId === d.caseId && o.status === 'done')).toBe(true);
    }
    const proxied = dispatches.filter((d) => d.proxyAcknowledgedByUserId);
    expect(proxied.length).toBeGreaterThanOrEqual(3);
    for (const d of proxied) {
      expect(d.proxyReason, d.id).toBeTruthy();
      const unitStep = events.find(
        (x) => x.action === 'unit_proxy_acknowledge' && (x.data as { dispatchId?: string }).dispatchId === d.id,
      );
      // The case's 报到 is the same community user's step at the same instant (one step on the timeline).
      const caseStep = events.find(
        (x) => x.caseId === d.caseId && x.action === 'acknowledge' && x.at.getTime() === unitStep?.at.getTime(),
      );
      expect(unitStep?.actorUserId).toBe(d.proxyAcknowledgedByUserId);
      expect(caseStep?.actorUserId).toBe(d.proxyAcknowledgedByUserId);
    }
    const corrections = await db.select().from(categoryCorrections);
    expect(corrections.length).toBeGreaterThanOrEqual(10);
    const byId = new Map((await db.select().from(cases)).map((c) => [c.id, c]));
    for (const k of corrections) {
      const c = byId.get(k.caseId);
      expect(k.suggestedCode).not.toBe(k.correctedCode);
      expect([c?.suggestedCategoryCode, c?.categoryCode]).toEqual([k.suggestedCode, k.correctedCode]);
    }
  });

  it('some 不满意 verdicts of held 评事 sessions reopen a rated case, which is handled again; the rest get 督办', async () => {
    const db = ctx.database.db;
    const items = await db.select().from(evaluationItems).where(eq(evaluationItems.verdict, 'unsatisfied'));
    const reopened = items.filter((i) => i.consequence === 'reopened');
    expect(reopened.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((i) => i.consequence === 'supervised').length).toBeGreaterThan(reopened.length);
    const sessions = new Map((await db.select().from(evaluationSessions)).map((s) => [s.id, s]));
    for (const item of reopened) {
      const session = sessions.get(item.sessionId);
      const events = await db
        .select()
        .from(caseEvents)
        .where(eq(caseEvents.caseId, item.caseId))
        .orderBy(asc(caseEvents.at), asc(caseEvents.id));
      const reopen = events.find((e) => e.action === 'reopen' && e.fromStatus === 'rated');
      expect(reopen?.at.getTime(), item.caseId).toBe(localInstant(session?.heldOn as string, '11:30').getTime());
      // The resident's unsatisfied rating stays: a new round starts.
      const ratings = await db.select().from(caseRatings).where(eq(caseRatings.caseId, item.caseId));
      expect(ratings.some((r) => r.satisfaction === 'unsatisfied')).toBe(true);
      const followUps = await db.select().from(evaluationFollowUps).where(eq(evaluationFollowUps.itemId, item.id));
      expect(followUps.length).toBeGreaterThan(0);
      const after = events.filter((e) => e.at > (reopen?.at as Date)).map((e) => e.action);
      if (followUps.every((f) => f.status === 'done')) expect(after).toContain('resolve');
    }
  });

  it('numbers the cases in report order and moves the sequence past them: the next report gets a fresh number', async () => {
    const db = ctx.database.db;
    const [{ n }] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from cases`);
    const [{ next }] = await rowsOf<{ next: number }>(db, sql`select nextval('case_number_seq')::int as next`);
    expect(next).toBe(n + 1);
    const [first] = await db.select({ number: cases.number }).from(cases).orderBy(asc(cases.reportedAt)).limit(1);
    expect(first.number).toBe(`GZ${time.historyFrom.slice(0, 4)}-000001`);
  });

  it('is the same on every build, and the rollup the seed wrote equals a rebuild', async () => {
    const data = buildDemo(createRng(), 'x');
    expect(JSON.stringify(buildDemoCases(data))).toBe(JSON.stringify(buildDemoCases(data)));
    const db = ctx.database.db;
    const snapshot = sql`select kind, grain, bucket::text, community_id::text, whistle, dim, raised, resolved, rated, dispatches_done, response_due, resolution_due from case_stats order by 1, 2, 3, 4, 5, 6`;
    await foldCaseStats({ db });
    const before = await rowsOf(db, snapshot);
    await db.execute(sql`select case_stats_rebuild()`);
    expect(await rowsOf(db, snapshot)).toEqual(before);
    const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin).toBeDefined();
  });
});
