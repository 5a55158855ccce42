import { and, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, pageWindow } from '../../../core/list.js';
import { grids } from '../../grid/grid.schema.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { notificationTitle } from '../../../core/i18n.js';
import { organisations } from '../../org/org.schema.js';
import type { DispatchItem, DispatchListQuery, DispatchStepRequest, TransitionRequest } from '../cases.contracts.js';
import type { DispatchStatus, DispatchStep } from '../cases.enums.js';
import { assertMayWorkDispatch, dispatchesVisibleTo } from '../cases.policy.js';
import { transitionCase } from '../cases.transition.js';
import { caseDispatches, caseEvents, cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * The unit's side of 吹哨报到: each unit called in works its own dispatch row — reports (报到), arrives on site,
 * finishes or sends it back — as separate timestamped steps, whatever the case as a whole has moved on to.
 */

/** The dispatch's own small machine: from which states each step may be taken, and what it stamps. */
const STEPS: Record<
  DispatchStep,
  { from: readonly DispatchStatus[]; to: DispatchStatus; stamp?: 'acknowledgedAt' | 'arrivedAt' | 'doneAt' }
> = {
  acknowledge: { from: ['pending'], to: 'acknowledged', stamp: 'acknowledgedAt' },
  arrive: { from: ['acknowledged'], to: 'on_site', stamp: 'arrivedAt' },
  done: { from: ['acknowledged', 'on_site'], to: 'done', stamp: 'doneAt' },
  return: { from: ['pending', 'acknowledged', 'on_site'], to: 'returned' },
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Pending and past its response time, computed against `now` in SQL so the filter and the flag agree. */
function overdueSql(now: Date): SQL {
  return and(
    isNull(caseDispatches.acknowledgedAt),
    eq(caseDispatches.status, 'pending'),
    lt(caseDispatches.responseDueAt, now),
  ) as SQL;
}

function selectItems(db: Db) {
  const c = {
    number: cases.number,
    title: cases.title,
    priority: cases.priority,
    status: cases.status,
    resolutionDueAt: cases.resolutionDueAt,
  };
  return db
    .select({ d: caseDispatches, c, unitName: organisations.name })
    .from(caseDispatches)
    .innerJoin(cases, eq(cases.id, caseDispatches.caseId))
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .innerJoin(organisations, eq(organisations.id, caseDispatches.unitId));
}
type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['execute']>>[number];

function present(r: ItemRow, now: Date): DispatchItem {
  const d = r.d;
  return {
    id: d.id,
    caseId: d.caseId,
    caseNumber: r.c.number,
    caseTitle: r.c.title,
    casePriority: r.c.priority,
    caseStatus: r.c.status,
    unitId: d.unitId,
    unitName: r.unitName,
    status: d.status,
    instructions: d.instructions,
    dispatchedAt: d.dispatchedAt.toISOString(),
    responseDueAt: d.responseDueAt.toISOString(),
    caseResolutionDueAt: r.c.resolutionDueAt.toISOString(),
    acknowledgedAt: iso(d.acknowledgedAt),
    arrivedAt: iso(d.arrivedAt),
    doneAt: iso(d.doneAt),
    reportNote: d.reportNote,
    overdue: d.status === 'pending' && d.acknowledgedAt === null && d.responseDueAt < now,
    version: d.version,
  };
}

export async function listDispatches(opts: {
  db: Db;
  actor: Actor;
  query: DispatchListQuery;
  now?: Date;
}): Promise<Page<DispatchItem>> {
  const { db, query: q } = opts;
  const now = opts.now ?? clock.now();
  const where = and(
    await dispatchesVisibleTo(db, opts.actor),
    q.status?.length ? inArray(caseDispatches.status, q.status) : undefined,
    q.overdue === true ? overdueSql(now) : q.overdue === false ? sql`not (${overdueSql(now)})` : undefined,
    q.q ? or(ilike(cases.number, `%${escapeLike(q.q)}%`), ilike(cases.title, `%${escapeLike(q.q)}%`)) : undefined,
  );
  const sort = orderBy(
    q.sort,
    {
      dispatchedAt: caseDispatches.dispatchedAt,
      responseDueAt: caseDispatches.responseDueAt,
      status: caseDispatches.status,
    },
    [desc(caseDispatches.dispatchedAt)],
    caseDispatches.id,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectItems(db)
      .where(where)
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(caseDispatches)
      .innerJoin(cases, eq(cases.id, caseDispatches.caseId))
      .innerJoin(grids, eq(grids.id, cases.gridId))
      .where(where),
  ]);
  return { items: rows.map((r) => present(r, now)), total, page: q.page, pageSize: q.pageSize };
}

export async function getDispatch(db: Db, id: string, now = clock.now()): Promise<DispatchItem> {
  const [row] = await selectItems(db).where(eq(caseDispatches.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'case_dispatch' });
  return present(row, now);
}

/**
 * One step on one dispatch row, by that unit's admin only: the row is locked, its state and version checked, the
 * step stamped, and the case gets an event (its status does not change) and the audit row, all in one transaction.
 * The first unit to report also stops the case's response clock (acknowledgedAt), for its duplicates too.
 */
export async function actOnDispatch(opts: {
  db: Db;
  actor: Actor;
  dispatchId: string;
  step: DispatchStep;
  input: DispatchStepRequest;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? clock.now();
  const { actor, step, input } = opts;
  const rule = STEPS[step];
  await opts.db.transaction(async (tx) => {
    const [d] = await tx.select().from(caseDispatches).where(eq(caseDispatches.id, opts.dispatchId)).for('update');
    if (!d) throw new AppError('NOT_FOUND', { entity: 'case_dispatch' });
    await assertMayWorkDispatch(tx, actor, d.unitId);
    if (!rule.from.includes(d.status))
      throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { action: `unit_${step}`, status: d.status });
    if (step === 'return' && !input.reason)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/reason', message: 'return needs reason' }]);
    if (d.version !== input.version) throw new AppError('STALE_UPDATE');
    const note = step === 'return' ? input.reason : input.note;
    // Returning is decided while the unit still holds the case (its dispatch is live), so the machine lets it act.
    if (step === 'return') await advanceCase(tx, actor, d.caseId, step, note ?? null, now, d.id);
    await tx
      .update(caseDispatches)
      .set({
        status: rule.to,
        ...(rule.stamp ? { [rule.stamp]: now } : {}),
        ...(note ? { reportNote: note } : {}),
        updatedAt: now,
        version: sql`${caseDispatches.version} + 1`,
      })
      .where(eq(caseDispatches.id, d.id));
    if (step === 'acknowledge') {
      await tx
        .update(cases)
        .set({ acknowledgedAt: now, updatedAt: now })
        .where(and(or(eq(cases.id, d.caseId), eq(cases.mergedIntoId, d.caseId)), isNull(cases.acknowledgedAt)));
    }
    await recordStep(tx, actor, d, step, rule.to, note ?? null, now);
    if (step !== 'return') await advanceCase(tx, actor, d.caseId, step, note ?? null, now, d.id);
  });
}

/**
 * The case follows its units: the first to report (报到) acknowledges it, the first on site starts it, the last to
 * finish resolves it, and when every unit has sent it back it returns to the community — through the state machine,
 * in the same transaction, so the case's own event and audit rows are written as for any transition.
 */
async function advanceCase(
  tx: Db,
  actor: Actor,
  caseId: string,
  step: DispatchStep,
  note: string | null,
  now: Date,
  dispatchId: string,
): Promise<void> {
  const [c] = await tx
    .select({ status: cases.status, version: cases.version, mergedIntoId: cases.mergedIntoId })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!c || c.mergedIntoId) return;
  const rows = await tx
    .select({ id: caseDispatches.id, status: caseDispatches.status })
    .from(caseDispatches)
    .where(eq(caseDispatches.caseId, caseId));
  const live = rows.filter((r) => r.status !== 'returned' && !(step === 'return' && r.id === dispatchId));
  let input: TransitionRequest | null = null;
  if (step === 'acknowledge' && c.status === 'dispatched') input = { action: 'acknowledge', version: c.version };
  if (step === 'arrive' && c.status === 'acknowledged') input = { action: 'start', version: c.version };
  if (
    step === 'done' &&
    (c.status === 'acknowledged' || c.status === 'in_progress') &&
    live.every((r) => r.status === 'done')
  ) {
    input = { action: 'resolve', version: c.version, note: note ?? '各责任单位已办结' };
  }
  if (step === 'return' && live.length === 0 && ['dispatched', 'acknowledged', 'in_progress'].includes(c.status)) {
    input = { action: 'return', version: c.version, reason: note ?? '责任单位退回' };
  }
  if (input) await transitionCase({ db: tx, actor, caseId, input, now });
}

/** The case event and audit row of a unit step; the case's owner hears when a unit finishes or sends it back. */
async function recordStep(
  tx: Db,
  actor: Actor,
  d: typeof caseDispatches.$inferSelect,
  step: DispatchStep,
  to: DispatchStatus,
  note: string | null,
  now: Date,
): Promise<void> {
  const data = { dispatchId: d.id, unitId: d.unitId, from: d.status, to };
  await tx.insert(caseEvents).values({
    caseId: d.caseId,
    at: now,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: `unit_${step}`,
    note,
    data,
  });
  await recordAudit(tx, {
    actor,
    action: `case_dispatch.${step}`,
    entityType: 'case_dispatch',
    entityId: d.id,
    before: { status: d.status },
    after: { ...data, note },
  });
  if (step !== 'done' && step !== 'return') return;
  const [c] = await tx
    .select({ number: cases.number, ownerPersonId: cases.ownerPersonId })
    .from(cases)
    .where(eq(cases.id, d.caseId));
  const [unit] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, d.unitId));
  await notifyPeople(tx, [c.ownerPersonId], {
    kind: `case.unit_${step}`,
    title: notificationTitle(`case_unit_${step}`, { unit: unit.name, number: c.number }),
    body: note ?? undefined,
    entityType: 'case',
    entityId: d.caseId,
    link: `/cases/${d.caseId}`,
  });
}
