import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { insertRows, rowsOf } from '../core/bulk.js';
import { addDays, localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { notificationTitle } from '../core/i18n.js';
import { type CaseStatus, DISPATCH_RELEASED } from '../modules/cases/cases.enums.js';
import { caseDispatches, caseEvents, cases } from '../modules/cases/cases.schema.js';
import { rebuildCaseStats } from '../modules/cases/cases.service.js';
import type { ItemVerdict } from '../modules/evaluations/evaluations.enums.js';
import { evaluationFollowUps, evaluationItems, evaluationSessions } from '../modules/evaluations/evaluations.schema.js';
import { startOfPreviousMonth } from '../modules/evaluations/evaluations.service.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { type ReopenCandidate, reopenJudgedCases, reopensAt } from './demo-evaluations-reopen.js';
import { createRng, DEMO_SEED, type Rng } from './rng.js';

/**
 * 每月20日定期评事 in the demo: for every community, a session on the 20th of each month of the case history before
 * today, held, with its agenda (the community's cases raised or handled since the previous session), the
 * representatives' verdicts — mostly 满意, some 基本满意, a few carried over (结转) to the next month and a few 不满意 —
 * and the consequences of each 不满意: a rated case its resident rated unsatisfied, untouched since, is reopened through
 * the hold's own service and handled again (demo-evaluations-reopen.ts); any other gets 督办 (its case keeps the
 * lifecycle it was built with); both bring follow-up tasks for its owner and units, done for earlier months, open for
 * the last one. The session of the next 20th (today's included) is a draft with its agenda, ready to be held.
 */
type CaseRow = {
  id: string;
  communityId: string;
  reportedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  satisfaction: string | null;
  ownerPersonId: string | null;
  status: string;
} & ReopenCandidate;
type SessionRow = typeof evaluationSessions.$inferInsert & { id: string; heldOn: string };
type ItemRow = typeof evaluationItems.$inferInsert & { id: string; caseId: string };
type FollowUpRow = typeof evaluationFollowUps.$inferInsert;

const REPRESENTATIVES = [
  '王秀英',
  '李建国',
  '张桂兰',
  '刘卫东',
  '陈玉梅',
  '杨志强',
  '黄美玲',
  '赵国庆',
  '周淑芬',
  '吴永明',
];

/** The 20ths from the first month of the history to the first one on or after today. */
export function sessionDays(time: DemoTime): string[] {
  const days: string[] = [];
  let day = `${time.historyFrom.slice(0, 8)}20`;
  while (true) {
    days.push(day);
    if (day >= time.today) return days;
    const [y, m] = day.split('-').map(Number);
    day = new Date(Date.UTC(y, m, 20)).toISOString().slice(0, 10);
  }
}

function verdictFor(rng: Rng, c: CaseRow, canCarry: boolean): ItemVerdict {
  if (c.satisfaction === 'unsatisfied') return rng.chance(0.6) ? 'unsatisfied' : 'basically_satisfied';
  const r = rng.next();
  if (canCarry && r < 0.04) return 'carried_over';
  if (r < 0.07) return 'unsatisfied';
  return r < 0.3 ? 'basically_satisfied' : 'satisfied';
}

function inPeriod(c: CaseRow, from: Date, to: Date): boolean {
  return [c.reportedAt, c.resolvedAt, c.closedAt].some((d) => d !== null && d >= from && d < to);
}

interface Built {
  sessions: SessionRow[];
  items: ItemRow[];
  unsatisfied: { item: ItemRow; session: SessionRow; last: boolean }[];
  /** 不满意 on a case the last held session reopens (demo-evaluations-reopen.ts). */
  reopening: { itemId: string; session: SessionRow; last: boolean }[];
}

/** One community's sessions and items, in order, carrying items forward as decided. */
function buildCommunity(rng: Rng, communityId: string, own: CaseRow[], days: string[], time: DemoTime, out: Built) {
  let from = localInstant(startOfPreviousMonth(days[0]));
  let carried: ItemRow[] = [];
  const caseOf = new Map(own.map((c) => [c.id, c]));
  const lastHeld = days.filter((d) => d < time.today).at(-1);
  for (const [i, day] of days.entries()) {
    const to = localInstant(day);
    const held = day < time.today;
    const createdAt = localInstant(addDays(day, -6), '09:00');
    const session: SessionRow = {
      id: rng.uuid(),
      communityId,
      heldOn: day,
      periodFrom: from,
      periodTo: to,
      status: held ? 'held' : 'draft',
      representatives: held ? rng.shuffle([...REPRESENTATIVES]).slice(0, rng.int(3, 5)) : [],
      createdAt,
      updatedAt: held ? localInstant(day, '11:30') : createdAt,
      version: 1,
    };
    const byCase = new Map<string, ItemRow>();
    for (const c of own.filter((x) => inPeriod(x, from, to)))
      byCase.set(c.id, {
        id: rng.uuid(),
        sessionId: session.id,
        caseId: c.id,
        verdict: 'pending',
        updatedAt: session.updatedAt,
      });
    for (const prev of carried) {
      const item = byCase.get(prev.caseId) ?? {
        id: rng.uuid(),
        sessionId: session.id,
        caseId: prev.caseId,
        verdict: 'pending',
      };
      byCase.set(prev.caseId, { ...item, carriedFromItemId: prev.id, updatedAt: session.updatedAt });
    }
    const items = [...byCase.values()];
    if (held) {
      const heldAt = localInstant(day, '11:30');
      const reopens = new Set<ItemRow>();
      for (const item of items) {
        const c = caseOf.get(item.caseId) as CaseRow;
        item.verdict = verdictFor(rng, c, i + 1 < days.length);
        // The representatives side with the resident who rated it unsatisfied: the session reopens it.
        if (reopensAt(c, heldAt)) {
          item.verdict = 'unsatisfied';
          reopens.add(item);
          out.reopening.push({ itemId: item.id, session, last: day === lastHeld });
        }
      }
      for (const item of items.filter((x) => x.verdict === 'unsatisfied' && !reopens.has(x))) {
        item.consequence = 'supervised';
        out.unsatisfied.push({ item, session, last: day === lastHeld });
      }
    }
    session.minutes = held
      ? `本次评事共评议事项 ${items.length} 件，居民代表逐项评议；不满意事项已重新办理或督办，并明确整改责任。`
      : null;
    carried = items.filter((x) => x.verdict === 'carried_over');
    out.sessions.push(session);
    out.items.push(...items);
    from = to;
  }
}

/**
 * The state each case was in at an instant: the last state change its events record up to then (the latest `at`, the
 * last written among equals). One query for all of them, a lateral lookup per (case, instant) on (case_id, at).
 */
async function statusesAt(db: Db, asked: { caseId: string; at: Date }[]): Promise<(CaseStatus | null)[]> {
  if (!asked.length) return [];
  const values = sql.join(
    asked.map((a, i) => sql`(${i}::int, ${a.caseId}::uuid, ${a.at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await rowsOf<{ i: number; status: CaseStatus | null }>(
    db,
    sql`select a.i, e.status from (values ${values}) as a(i, case_id, at) left join lateral (
      select ${caseEvents.toStatus} as status from ${caseEvents}
       where ${caseEvents.caseId} = a.case_id and ${caseEvents.at} <= a.at and ${caseEvents.toStatus} is not null
       order by ${caseEvents.at} desc, ${caseEvents.id} desc limit 1) e on true`,
  );
  const statuses = new Array<CaseStatus | null>(asked.length).fill(null);
  for (const r of rows) statuses[Number(r.i)] = r.status;
  return statuses;
}

/** 督办 on each unsatisfied case (first supervision kept) and its follow-up tasks. */
async function applyConsequences(db: Db, rng: Rng, built: Built): Promise<FollowUpRow[]> {
  const caseIds = [...new Set(built.unsatisfied.map((u) => u.item.caseId))];
  if (!caseIds.length) return [];
  const owners = await db
    .select({ id: cases.id, ownerPersonId: cases.ownerPersonId, status: cases.status })
    .from(cases)
    .where(inArray(cases.id, caseIds));
  const units = await db
    .selectDistinct({ caseId: caseDispatches.caseId, unitId: caseDispatches.unitId })
    .from(caseDispatches)
    .where(and(inArray(caseDispatches.caseId, caseIds), notInArray(caseDispatches.status, [...DISPATCH_RELEASED])));
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  const followUps: FollowUpRow[] = [];
  const events: (typeof caseEvents.$inferInsert)[] = [];
  const heldAt = built.unsatisfied.map((u) => localInstant(u.session.heldOn, '11:30'));
  // 督办 changes no state: the event carries the state the case was in at the session, not its state today.
  const statuses = await statusesAt(
    db,
    built.unsatisfied.map((u, i) => ({ caseId: u.item.caseId, at: heldAt[i] })),
  );
  for (const [i, { item, session, last }] of built.unsatisfied.entries()) {
    const at = heldAt[i];
    const c = ownerOf.get(item.caseId);
    const status = statuses[i];
    events.push({
      caseId: item.caseId,
      at,
      actorName: '社区评事会',
      action: 'supervise',
      fromStatus: status,
      toStatus: status,
      note: notificationTitle('evaluation_unsatisfied', { heldOn: session.heldOn }),
      data: { source: 'evaluation', sessionId: session.id, heldOn: session.heldOn },
    });
    const doneAt = last ? null : localInstant(addDays(session.heldOn, rng.int(5, 15)), '16:00');
    const task = {
      itemId: item.id,
      caseId: item.caseId,
      status: last ? ('open' as const) : ('done' as const),
      note: last ? null : '已整改，回访居民认可',
      doneAt,
      createdAt: at,
      updatedAt: doneAt ?? at,
      version: 1,
    };
    if (c?.ownerPersonId) followUps.push({ ...task, assigneePersonId: c.ownerPersonId });
    for (const u of units.filter((x) => x.caseId === item.caseId))
      followUps.push({ ...task, assigneeUnitId: u.unitId });
  }
  await markSupervised(
    db,
    built.unsatisfied.map((u, i) => ({ caseId: u.item.caseId, at: heldAt[i] })),
  );
  await insertRows(db, caseEvents, events);
  return followUps;
}

/**
 * supervised_at on each case, in one statement: the first 督办 is kept, so a case already supervised keeps its
 * instant and otherwise takes its first session in `marks` (a community's sessions are in day order: its earliest).
 */
async function markSupervised(db: Db, marks: { caseId: string; at: Date }[]): Promise<void> {
  const first = new Map<string, Date>();
  for (const m of marks) if (!first.has(m.caseId)) first.set(m.caseId, m.at);
  if (!first.size) return;
  const values = sql.join(
    [...first].map(([caseId, at]) => sql`(${caseId}::uuid, ${at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await db.execute(sql`update ${cases} set supervised_at = coalesce(${cases.supervisedAt}, v.at)
    from (values ${values}) as v(id, at) where ${cases.id} = v.id`);
}

/**
 * The demo login unit01's unit (U001) finds an open follow-up in 评事整改: if the last held sessions judged none of
 * its cases 不满意, the latest of its cases judged 满意 or 基本满意 is 不满意 instead (督办, a task for the unit), still open
 * (an older open task is shown on every next session).
 */
async function judgeOneOfUnit01(db: Db, data: DemoData, built: Built): Promise<void> {
  const unit = data.organisations.find((o) => o.kind === 'unit' && o.code === 'U001');
  if (!unit) return;
  const rows = await db
    .selectDistinct({ caseId: caseDispatches.caseId })
    .from(caseDispatches)
    .where(and(eq(caseDispatches.unitId, unit.id), notInArray(caseDispatches.status, [...DISPATCH_RELEASED])));
  const theirs = new Set(rows.map((r) => r.caseId));
  const held = new Map(built.sessions.filter((x) => x.status === 'held').map((x) => [x.id, x]));
  const judged = built.items
    .filter((i) => held.has(i.sessionId) && theirs.has(i.caseId))
    .sort((a, b) => (held.get(b.sessionId)?.heldOn ?? '').localeCompare(held.get(a.sessionId)?.heldOn ?? ''));
  if (built.unsatisfied.some((u) => u.last && theirs.has(u.item.caseId))) return;
  const item = judged.find((i) => i.verdict === 'satisfied' || i.verdict === 'basically_satisfied');
  const session = item && held.get(item.sessionId);
  if (!item || !session) return;
  Object.assign(item, { verdict: 'unsatisfied', consequence: 'supervised', comment: '居民代表认为单位整改不到位' });
  built.unsatisfied.push({ item, session, last: true });
}

export async function seedDemoEvaluations(
  db: Db,
  data: DemoData,
  time: DemoTime,
): Promise<{ sessions: number; items: number; followUps: number }> {
  const rng = createRng(DEMO_SEED + 20);
  const days = sessionDays(time);
  const all: CaseRow[] = await db
    .select({
      id: cases.id,
      communityId: cases.communityId,
      reportedAt: cases.reportedAt,
      resolvedAt: cases.resolvedAt,
      closedAt: cases.closedAt,
      satisfaction: cases.satisfaction,
      ownerPersonId: cases.ownerPersonId,
      status: cases.status,
      latestRating: sql<string | null>`(select r.satisfaction from case_ratings r where r.case_id = cases.id
        order by r.round desc limit 1)`,
      lastEventAt: sql<Date | null>`(select max(e.at) from case_events e where e.case_id = cases.id)`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
    })
    .from(cases)
    .where(isNull(cases.mergedIntoId));
  const built: Built = { sessions: [], items: [], unsatisfied: [], reopening: [] };
  for (const community of data.organisations.filter((o) => o.kind === 'community')) {
    const own = all.filter((c) => c.communityId === community.id);
    buildCommunity(rng, community.id, own, days, time, built);
  }
  await judgeOneOfUnit01(db, data, built);
  await insertRows(db, evaluationSessions, built.sessions);
  // Items that carry another item reference it: the earlier ones go in first (the sessions are in day order).
  await insertRows(db, evaluationItems, built.items);
  const followUps = await applyConsequences(db, rng, built);
  await insertRows(db, evaluationFollowUps, followUps);
  // The reopenings go through the services, which count the rollup statement by statement: the counts agree with a
  // rebuild, but a count that moved leaves an all-zero row behind, which a rebuild does not write. The seed rebuilds,
  // as the case seed does (demo-cases.ts), so the demo's rollup is the rebuild's.
  if ((await reopenJudgedCases(db, data, built.reopening)) > 0) await rebuildCaseStats(db);
  return { sessions: built.sessions.length, items: built.items.length, followUps: followUps.length };
}
