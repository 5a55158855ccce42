import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { notifyPeople } from '../notifications/notifications.service.js';
import { notificationTitle } from '../../core/i18n.js';
import { subCategory } from './cases.categories.js';
import { workCalendar } from './cases.clock.js';
import type { TransitionRequest } from './cases.contracts.js';
import { acknowledgeOwnDispatches, dispatchToUnits, updateOwnDispatches } from './dispatch/dispatch.js';
import type { PairedUnits } from './dispatch/pairing.js';
import { attachPhotos } from './photos/photos.js';
import { loadCaseFor } from './cases.load.js';
import { recordCorrection } from './classifier/corrections.js';
import { recordCaseHandlers } from './handling/record.js';
import { assertMayFire } from './cases.policy.js';
import { noticeToReporter } from './resident/notices.js';
import { assertMayCloseWithoutRating, assertMayReopen, recordRating, reopenDispatches } from './resident/rating.js';
import { type CaseAction, type CaseRelation, type CaseStatus, checkTransition } from './cases.machine.js';
import { caseDispatches, caseEvents, cases } from './cases.schema.js';
import { clock } from '../../core/clock.js';

export type CaseRow = typeof cases.$inferSelect;

type Changes = Partial<typeof cases.$inferInsert>;
/** Dispatch rows a unit can still finish or send back. */
const OPEN_DISPATCH = ['pending', 'acknowledged', 'on_site'] as const;

/** What each action changes besides the status (clocks, timestamps, rating), and its side effects. */
async function applyAction(
  tx: Db,
  actor: Actor,
  c: CaseRow,
  relations: CaseRelation[],
  input: TransitionRequest,
  now: Date,
  pairedUnits?: PairedUnits,
): Promise<Changes> {
  switch (input.action as CaseAction) {
    case 'accept':
      await noticeToReporter(tx, c, 'case_accepted', 'case.accepted');
      return acceptCategory(tx, actor, c, input.categoryCode, now);
    case 'dispatch':
      await noticeToReporter(tx, c, 'case_dispatched', 'case.dispatched');
      return dispatchToUnits({
        tx,
        actor,
        c,
        unitIds: input.unitIds ?? [],
        instructions: input.instructions,
        reason: input.reason,
        pairedUnits,
        now,
      });
    case 'acknowledge':
      await acknowledgeOwnDispatches(tx, actor, c.id, relations, now);
      return c.acknowledgedAt ? {} : { acknowledgedAt: now };
    case 'start':
      await updateOwnDispatches(tx, actor, c.id, relations, ['pending', 'acknowledged'], {
        status: 'on_site',
        arrivedAt: now,
        acknowledgedAt: sql`coalesce(${caseDispatches.acknowledgedAt}, ${now.toISOString()}::timestamptz)`,
      });
      return {};
    case 'resolve':
      await updateOwnDispatches(tx, actor, c.id, relations, OPEN_DISPATCH, {
        status: 'done',
        doneAt: now,
        reportNote: input.note ?? null,
      });
      await noticeToReporter(tx, c, 'case_resolved', 'case.resolved');
      return { resolvedAt: now };
    case 'return':
      await updateOwnDispatches(tx, actor, c.id, relations, OPEN_DISPATCH, {
        status: 'returned',
        reportNote: input.reason ?? null,
      });
      return {};
    case 'verify':
      await noticeToReporter(tx, c, 'case_verified', 'case.verified');
      return {};
    case 'fail_verification':
      await reopenDispatches(tx, c.id, now);
      return { resolvedAt: null };
    case 'close':
      await assertMayCloseWithoutRating(tx, c);
      await noticeToReporter(tx, c, 'case_closed', 'case.closed');
      return { closedAt: now };
    case 'rate':
      return recordRating(tx, actor, c, relations, input, now);
    case 'reopen':
      // A new round: the rating stays (case_ratings, and the case's counted satisfaction); the units' work reopens.
      await assertMayReopen(tx, c, input.action);
      await reopenDispatches(tx, c.id, now);
      return { resolvedAt: null, closedAt: null };
    default:
      return {};
  }
}

/** 分类理事: the category accepted; one other than the classifier suggested is a labelled example for retraining. */
async function acceptCategory(tx: Db, actor: Actor, c: CaseRow, code: string | undefined, now: Date): Promise<Changes> {
  const changes = code && code !== c.categoryCode ? await recategorise(tx, c, code) : {};
  const accepted = { caseId: c.id, text: c.description, suggestedCode: c.suggestedCategoryCode };
  await recordCorrection(tx, actor, { ...accepted, acceptedCode: changes.categoryCode ?? c.categoryCode }, now);
  return changes;
}

async function recategorise(tx: Db, c: CaseRow, code: string): Promise<Changes> {
  const category = await subCategory(tx, code);
  if (!category?.priority || category.responseMinutes === null || category.resolutionMinutes === null) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/categoryCode', message: 'not a sub-category' }]);
  }
  const calendar = await workCalendar(tx);
  return {
    categoryCode: code,
    priority: category.priority,
    responseDueAt: calendar.addWorkingMinutes(c.reportedAt, category.responseMinutes),
    resolutionDueAt: calendar.addWorkingMinutes(c.reportedAt, category.resolutionMinutes),
  };
}

/** The refusals in the machine's order: wrong state 409, not this actor's action 403 (the policy), missing field 400. */
function refuse(
  check: Exclude<ReturnType<typeof checkTransition>, { ok: true }>,
  action: CaseAction,
  status: string,
  relations: readonly CaseRelation[],
): never {
  if (check.reason === 'state') throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { action, status });
  assertMayFire(action, relations);
  throw new AppError('VALIDATION_FAILED', {}, [
    { path: `/${check.missing}`, message: `${action} needs ${check.missing}` },
  ]);
}

/**
 * One state machine for every transition: check state, role and required fields; apply the change only if the
 * case still has the version the actor saw (two staff acting at once: 409); write the event and the audit row;
 * carry the new state to cases merged into this one.
 */
export async function transitionCase(opts: {
  db: Db;
  actor: Actor;
  caseId: string;
  input: TransitionRequest;
  now?: Date;
  /** Which units are paired with a community (dispatch: 跨社区吹哨); passed in by the composition root. */
  pairedUnits?: PairedUnits;
}): Promise<void> {
  const now = opts.now ?? clock.now();
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const { row: c, relations } = await loadCaseFor(tx, actor, opts.caseId);
    // A merged duplicate follows its main case (mirrorToMerged); acting on it directly would fork the shared state.
    if (c.mergedIntoId) throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { action: input.action, status: c.status });
    const check = checkTransition(input.action, c.status as CaseStatus, relations, input);
    if (!check.ok) refuse(check, input.action, c.status, relations);
    if (c.version !== input.version) throw new AppError('STALE_UPDATE');
    const changes = await applyAction(tx, actor, c, relations, input, now, opts.pairedUnits);
    const updated = await tx
      .update(cases)
      .set({ ...changes, status: check.to, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(and(eq(cases.id, c.id), eq(cases.version, input.version)))
      .returning({ id: cases.id });
    if (!updated.length) throw new AppError('STALE_UPDATE');
    const eventId = await writeEvent(tx, actor, c, input, check.to, now);
    // 核实: the Party members who handled the case get its hours in the service ledger (handling/record.ts).
    const serviceRecords = input.action === 'verify' ? await recordCaseHandlers(tx, actor, c, eventId) : undefined;
    await recordAudit(tx, {
      actor,
      action: `case.${input.action}`,
      entityType: 'case',
      entityId: c.id,
      before: { status: c.status },
      after: { status: check.to, ...changes, ...(serviceRecords ? { serviceRecords } : {}) },
    });
    await mirrorToMerged(tx, c, check.to, changes, actor, now);
  });
}

/** The transition's event row (and the photos it carries); returns the event's id. */
async function writeEvent(
  tx: Db,
  actor: Actor,
  c: CaseRow,
  input: TransitionRequest,
  to: CaseStatus,
  now: Date,
): Promise<number> {
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      at: now,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: input.action,
      fromStatus: c.status,
      toStatus: to,
      note: input.note ?? input.reason ?? input.comment ?? null,
      data: {
        unitIds: input.unitIds,
        satisfaction: input.satisfaction,
        categoryCode: input.categoryCode,
        phoneVisit: input.phoneVisit,
      },
    })
    .returning({ id: caseEvents.id });
  if (input.photoIds?.length)
    await attachPhotos(
      tx,
      actor,
      c.id,
      input.photoIds,
      input.action === 'resolve' ? 'resolution' : 'dispatch',
      event.id,
    );
  return event.id;
}

/** Merged duplicates share one resolution: they follow the main case, and their reporters hear of it. */
async function mirrorToMerged(
  tx: Db,
  c: CaseRow,
  to: CaseStatus,
  changes: Changes,
  actor: Actor,
  now: Date,
): Promise<void> {
  const mirrored: Changes = {
    resolvedAt: changes.resolvedAt,
    closedAt: changes.closedAt,
    acknowledgedAt: changes.acknowledgedAt,
  };
  // A rating that closes the main case closes its duplicates: their reporters did not rate.
  const followTo: CaseStatus = to === 'rated' && !c.closedAt ? 'closed' : to;
  const rows = await tx
    .update(cases)
    .set({
      ...Object.fromEntries(Object.entries(mirrored).filter(([, v]) => v !== undefined)),
      status: followTo,
      version: sql`${cases.version} + 1`,
      updatedAt: now,
    })
    .where(eq(cases.mergedIntoId, c.id))
    .returning({ id: cases.id, status: cases.status, reporterPersonId: cases.reporterPersonId, number: cases.number });
  if (!rows.length) return;
  await tx.insert(caseEvents).values(
    rows.map((r) => ({
      caseId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      action: 'follow_merged',
      toStatus: followTo,
      data: { mainCaseId: c.id },
    })),
  );
  if (followTo === 'resolved' || (followTo === 'closed' && !c.closedAt)) {
    // Each reporter is sent to their own case: they may not open the main one.
    for (const r of rows) {
      await notifyPeople(tx, [r.reporterPersonId], {
        kind: `case.${followTo}`,
        title: notificationTitle('case_merged_update', { number: r.number, into: c.number }),
        entityType: 'case',
        entityId: r.id,
        link: `/m/cases/${r.id}`,
      });
    }
  }
}
