import { and, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, pageWindow } from '../../../core/list.js';
import { grids } from '../../grid/grid.schema.js';
import { notifyPeople, notifyUsers } from '../../notifications/notifications.service.js';
import { roleBindings, users } from '../../auth/auth.schema.js';
import { notificationTitle } from '../../../core/i18n.js';
import { organisations } from '../../org/org.schema.js';
import type { DispatchItem, DispatchListQuery, DispatchStepRequest, TransitionRequest } from '../cases.contracts.js';
import { DISPATCH_RELEASED, type DispatchStatus, type DispatchStep } from '../cases.enums.js';
import { assertMayWorkDispatch, dispatchesVisibleTo } from '../cases.policy.js';
import { transitionCase } from '../cases.transition.js';
import { caseDispatches, caseEvents, cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * The unit's side of 吹哨报到: each unit called in works its own dispatch row — reports (报到), arrives on site,
 * finishes, sends it back, or declines it before reporting — as separate timestamped steps, whatever the case as a
 * whole has moved on to. The community's 代报到 on a unit's row is proxy.ts.
 */

/** The dispatch's own small machine: from which states each step may be taken, and what it stamps. */
const STEPS: Record<
  DispatchStep,
  {
    from: readonly DispatchStatus[];
    to: DispatchStatus;
    stamp?: 'acknowledgedAt' | 'arrivedAt' | 'doneAt' | 'declinedAt';
  }
> = {
  acknowledge: { from: ['pending'], to: 'acknowledged', stamp: 'acknowledgedAt' },
  arrive: { from: ['acknowledged'], to: 'on_site', stamp: 'arrivedAt' },
  done: { from: ['acknowledged', 'on_site'], to: 'done', stamp: 'doneAt' },
  return: { from: ['pending', 'acknowledged', 'on_site'], to: 'returned' },
  decline: { from: ['pending'], to: 'declined', stamp: 'declinedAt' },
};

/** Steps that let go of the case: the unit must say why, and the case goes back once no unit holds it. */
const RELEASING: ReadonlySet<DispatchStep> = new Set(['return', 'decline']);
const RELEASED: ReadonlySet<DispatchStatus> = new Set(DISPATCH_RELEASED);

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
    crossCommunity: d.crossCommunity,
    crossCommunityReason: d.crossCommunityReason,
    declinedAt: iso(d.declinedAt),
    proxyAcknowledged: d.proxyAcknowledgedByUserId !== null,
    proxyReason: d.proxyReason,
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
    if (RELEASING.has(step) && !input.reason)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/reason', message: `${step} needs reason` }]);
    if (d.version !== input.version) throw new AppError('STALE_UPDATE');
    const note = RELEASING.has(step) ? input.reason : input.note;
    // Letting go is decided while the unit still holds the case (its dispatch is live), so the machine lets it act.
    if (RELEASING.has(step)) await advanceCase(tx, actor, d.caseId, step, note ?? null, now, d.id);
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
    if (step === 'acknowledge') await stopResponseClock(tx, d.caseId, now);
    await recordStep(tx, actor, d, { action: `unit_${step}`, to: rule.to, note: note ?? null, now });
    await notifyStep(tx, d, step, note ?? null);
    if (!RELEASING.has(step)) await advanceCase(tx, actor, d.caseId, step, note ?? null, now, d.id);
  });
}

/** The first unit to report (报到) stops the case's response clock, for its merged duplicates too. */
export async function stopResponseClock(tx: Db, caseId: string, now: Date): Promise<void> {
  await tx
    .update(cases)
    .set({ acknowledgedAt: now, updatedAt: now })
    .where(and(or(eq(cases.id, caseId), eq(cases.mergedIntoId, caseId)), isNull(cases.acknowledgedAt)));
}

/**
 * The case follows its units: the first to report (报到) acknowledges it, the first on site starts it, the last to
 * finish resolves it, and when every unit has sent it back it returns to the community — through the state machine,
 * in the same transaction, so the case's own event and audit rows are written as for any transition.
 */
export async function advanceCase(
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
  const live = rows.filter((r) => !RELEASED.has(r.status) && !(RELEASING.has(step) && r.id === dispatchId));
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
  if (RELEASING.has(step) && live.length === 0 && ['dispatched', 'acknowledged', 'in_progress'].includes(c.status)) {
    input = { action: 'return', version: c.version, reason: note ?? '责任单位退回' };
  }
  if (input) await transitionCase({ db: tx, actor, caseId, input, now });
}

/** The case event and audit row of a step on a dispatch row (a unit's own, or the community's 代报到). */
export async function recordStep(
  tx: Db,
  actor: Actor,
  d: typeof caseDispatches.$inferSelect,
  step: { action: string; to: DispatchStatus; note: string | null; now: Date; proxy?: boolean },
): Promise<void> {
  const data = {
    dispatchId: d.id,
    unitId: d.unitId,
    from: d.status,
    to: step.to,
    ...(step.proxy ? { proxy: true } : {}),
  };
  await tx.insert(caseEvents).values({
    caseId: d.caseId,
    at: step.now,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: step.action,
    note: step.note,
    data,
  });
  await recordAudit(tx, {
    actor,
    action: `case_dispatch.${step.action.replace(/^unit_/, '')}`,
    entityType: 'case_dispatch',
    entityId: d.id,
    before: { status: d.status },
    after: { ...data, note: step.note },
  });
}

/**
 * Who hears of a unit's step: the case's owner when a unit finishes, sends it back or declines; a decline also goes
 * to whoever whistled and the community's admins, who must find another unit and see why.
 */
async function notifyStep(
  tx: Db,
  d: typeof caseDispatches.$inferSelect,
  step: DispatchStep,
  note: string | null,
): Promise<void> {
  if (step !== 'done' && step !== 'return' && step !== 'decline') return;
  const [c] = await tx
    .select({ number: cases.number, ownerPersonId: cases.ownerPersonId, communityId: cases.communityId })
    .from(cases)
    .where(eq(cases.id, d.caseId));
  const [unit] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, d.unitId));
  const draft = {
    kind: `case.unit_${step}`,
    title: notificationTitle(`case_unit_${step}`, { unit: unit.name, number: c.number }),
    body: note ?? undefined,
    entityType: 'case',
    entityId: d.caseId,
    link: `/cases/${d.caseId}`,
  };
  if (step !== 'decline') {
    await notifyPeople(tx, [c.ownerPersonId], draft);
    return;
  }
  const admins = await tx
    .select({ userId: roleBindings.userId })
    .from(roleBindings)
    .where(and(eq(roleBindings.role, 'community_admin'), eq(roleBindings.scopeOrgId, c.communityId)));
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(c.ownerPersonId ? eq(users.personId, c.ownerPersonId) : sql`false`, eq(users.disabled, false)));
  await notifyUsers(tx, [d.dispatchedByUserId, ...admins.map((a) => a.userId), ...owners.map((o) => o.id)], draft);
}
