import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { notificationTitle } from '../../core/i18n.js';
import { roleBindings } from '../auth/auth.schema.js';
import { type CaseAction, DISPATCH_RELEASED } from '../cases/cases.enums.js';
import { caseDispatches, cases } from '../cases/cases.schema.js';
import { superviseCase, transitionCase } from '../cases/cases.service.js';
import { notifyPeople, notifyUsers } from '../notifications/notifications.service.js';
import type { Consequence } from './evaluations.enums.js';
import { evaluationFollowUps, evaluationItems } from './evaluations.schema.js';

/**
 * What an unsatisfied verdict (不满意) does when its session is held: the case is reopened where the lifecycle allows
 * it (a resolved case fails verification; a rated case whose rating was unsatisfied is reopened), otherwise 督办 is
 * opened on it (a case still being handled, or closed without an unsatisfied rating); either way its owner and every
 * unit that still holds or did the work get a follow-up task and a notification. Runs inside the hold's transaction.
 */
type Session = { id: string; heldOn: string; communityId: string };
type Item = typeof evaluationItems.$inferSelect;

/** The lifecycle action that reopens a case in this state, if any (cases.machine.ts decides whether it may fire). */
const REOPEN_BY_STATUS: Partial<Record<string, CaseAction>> = { resolved: 'fail_verification', rated: 'reopen' };

/** Refusals that mean "this case cannot be reopened now", so supervision is opened instead. */
const CANNOT_REOPEN = new Set(['CASE_TRANSITION_NOT_ALLOWED', 'FORBIDDEN', 'STALE_UPDATE']);

async function reopenOrSupervise(
  tx: Db,
  actor: Actor,
  c: { id: string; status: string; version: number; mergedIntoId: string | null },
  reason: string,
  session: Session,
  now: Date,
): Promise<Consequence> {
  const action = c.mergedIntoId ? undefined : REOPEN_BY_STATUS[c.status];
  if (action) {
    try {
      // transitionCase opens a savepoint inside this transaction: a refusal rolls back only its own writes.
      await transitionCase({ db: tx, actor, caseId: c.id, input: { action, reason, version: c.version }, now });
      return 'reopened';
    } catch (e) {
      if (!(e instanceof AppError && CANNOT_REOPEN.has(e.code))) throw e;
    }
  }
  await superviseCase(tx, {
    actor,
    caseId: c.id,
    reason,
    data: { source: 'evaluation', sessionId: session.id, heldOn: session.heldOn },
    now,
  });
  return 'supervised';
}

/** The units that hold or did the case's work: every dispatch except those sent back or declined. */
async function workingUnits(tx: Db, caseId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ unitId: caseDispatches.unitId })
    .from(caseDispatches)
    .where(and(eq(caseDispatches.caseId, caseId), notInArray(caseDispatches.status, [...DISPATCH_RELEASED])));
  return rows.map((r) => r.unitId);
}

/** Applies the consequences of one unsatisfied item; returns what was done to the case. */
export async function applyUnsatisfied(
  tx: Db,
  actor: Actor,
  session: Session,
  item: Item,
  now: Date,
): Promise<Consequence> {
  const [c] = await tx
    .select({
      id: cases.id,
      number: cases.number,
      title: cases.title,
      status: cases.status,
      version: cases.version,
      mergedIntoId: cases.mergedIntoId,
      ownerPersonId: cases.ownerPersonId,
    })
    .from(cases)
    .where(eq(cases.id, item.caseId));
  const heading = notificationTitle('evaluation_unsatisfied', { heldOn: session.heldOn });
  const reason = item.comment ? `${heading}：${item.comment}` : heading;
  const consequence = await reopenOrSupervise(tx, actor, c, reason, session, now);
  await tx.update(evaluationItems).set({ consequence, updatedAt: now }).where(eq(evaluationItems.id, item.id));
  const unitIds = await workingUnits(tx, c.id);
  const tasks = [
    ...(c.ownerPersonId ? [{ assigneePersonId: c.ownerPersonId, assigneeUnitId: null }] : []),
    ...unitIds.map((unitId) => ({ assigneePersonId: null, assigneeUnitId: unitId })),
  ];
  if (tasks.length) {
    await tx
      .insert(evaluationFollowUps)
      .values(tasks.map((t) => ({ ...t, itemId: item.id, caseId: c.id, createdAt: now, updatedAt: now })));
  }
  await notifyAssignees(tx, c, unitIds, {
    kind: `evaluation.${consequence}`,
    title: notificationTitle(`evaluation_follow_up_${consequence}`, { number: c.number, heldOn: session.heldOn }),
    body: item.comment ?? c.title,
  });
  return consequence;
}

/** The owner and the units' administrators hear of their follow-up task, linked to the case. */
async function notifyAssignees(
  tx: Db,
  c: { id: string; ownerPersonId: string | null },
  unitIds: string[],
  text: { kind: string; title: string; body: string },
): Promise<void> {
  const draft = { ...text, entityType: 'case', entityId: c.id, link: `/cases/${c.id}` };
  await notifyPeople(tx, [c.ownerPersonId], draft);
  if (!unitIds.length) return;
  const admins = await tx
    .select({ userId: roleBindings.userId })
    .from(roleBindings)
    .where(and(eq(roleBindings.role, 'unit_admin'), inArray(roleBindings.scopeOrgId, unitIds)));
  await notifyUsers(
    tx,
    admins.map((a) => a.userId),
    draft,
  );
}
