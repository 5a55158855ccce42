import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/auth/actor.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { roleBindings } from '../../auth/auth.schema.js';
import { notifyUsers } from '../../notifications/notifications.service.js';
import { notificationTitle } from '../../../core/i18n.js';
import { organisations } from '../../org/org.schema.js';
import { subCategory } from '../cases.categories.js';
import { workCalendar } from '../cases.clock.js';
import type { CaseRelation } from '../cases.machine.js';
import { assertMayAcknowledgeCase } from '../cases.policy.js';
import { caseDispatches, type cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';
import { type PairedUnits, planWhistle } from './pairing.js';

/** An urgent whistle must be answered (报到) within 30 minutes of the clock, whatever the category says. */
export const URGENT_WHISTLE_MINUTES = 30;

type CaseRow = typeof cases.$inferSelect;

/**
 * 吹哨: call units (or departments) in. Each gets its own row with its own response clock; a unit that had sent
 * the case back or declined it is called again. A unit not paired with the case's community is 跨社区吹哨 and needs
 * the reason (pairing.ts). Without units the case stays with its grid owner. Returns the case changes.
 */
export async function dispatchToUnits(opts: {
  tx: Db;
  actor: Actor;
  c: CaseRow;
  unitIds: string[];
  instructions?: string;
  /** Why units not paired with the case's community are called in. */
  reason?: string;
  pairedUnits: PairedUnits | undefined;
  now: Date;
}): Promise<Partial<CaseRow>> {
  const { tx, c, now } = opts;
  const unitIds = [...new Set(opts.unitIds)];
  if (!unitIds.length) return {};
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, unitIds), eq(organisations.kind, 'unit')));
  if (found.length !== unitIds.length)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitIds', message: 'every id must be a unit' }]);
  const plan = await planWhistle({ ...opts, communityId: c.communityId, unitIds });
  const category = await subCategory(tx, c.categoryCode);
  const calendar = await workCalendar(tx);
  const responseDueAt =
    c.priority === 'urgent'
      ? new Date(now.getTime() + URGENT_WHISTLE_MINUTES * 60_000)
      : calendar.addWorkingMinutes(now, category?.responseMinutes ?? 24 * 60);
  await tx
    .insert(caseDispatches)
    .values(
      unitIds.map((unitId) => ({
        caseId: c.id,
        unitId,
        instructions: opts.instructions ?? null,
        dispatchedAt: now,
        dispatchedByUserId: opts.actor.userId,
        responseDueAt,
        crossCommunity: plan.crossUnitIds.has(unitId),
        crossCommunityReason: plan.crossUnitIds.has(unitId) ? plan.reason : null,
      })),
    )
    .onConflictDoUpdate({
      target: [caseDispatches.caseId, caseDispatches.unitId],
      set: {
        status: 'pending',
        dispatchedAt: now,
        responseDueAt,
        acknowledgedAt: null,
        arrivedAt: null,
        doneAt: null,
        declinedAt: null,
        proxyAcknowledgedByUserId: null,
        proxyReason: null,
        dispatchedByUserId: opts.actor.userId,
        crossCommunity: sql`excluded.cross_community`,
        crossCommunityReason: sql`excluded.cross_community_reason`,
        version: sql`${caseDispatches.version} + 1`,
      },
    });
  const admins = await tx
    .select({ userId: roleBindings.userId })
    .from(roleBindings)
    .where(and(eq(roleBindings.role, 'unit_admin'), inArray(roleBindings.scopeOrgId, unitIds)));
  await notifyUsers(
    tx,
    admins.map((a) => a.userId),
    {
      kind: 'case.whistle',
      title: notificationTitle('case_whistle', { number: c.number }),
      body: c.title,
      entityType: 'case',
      entityId: c.id,
      link: `/cases/${c.id}`,
    },
  );
  return { whistle: c.whistle ?? (c.channel === 'community_whistle' ? 'community' : 'resident') };
}

type DispatchStatus = (typeof caseDispatches.$inferSelect)['status'];

/**
 * A unit acting on a case moves its own dispatch row too (报到 → 到场 → 办结 or 退回), but only forward from the
 * given states: a row the unit already moved on in its inbox keeps its state and its first timestamps.
 */
export async function updateOwnDispatches(
  tx: Db,
  actor: Actor,
  caseId: string,
  relations: CaseRelation[],
  from: readonly DispatchStatus[],
  set: PgUpdateSetSource<typeof caseDispatches>,
): Promise<void> {
  if (!relations.includes('unit')) return;
  const scope = await resolveScope(tx, actor);
  await tx
    .update(caseDispatches)
    .set({ ...set, updatedAt: clock.now(), version: sql`${caseDispatches.version} + 1` })
    .where(
      and(
        eq(caseDispatches.caseId, caseId),
        inArray(caseDispatches.unitId, scope.unitIds),
        inArray(caseDispatches.status, [...from]),
      ),
    );
}

/**
 * 报到 through the case (its page's button): a unit's own rows move on; anyone else may not report for units still
 * waiting — the community records that only as 代报到, on the unit's row, with a reason (proxy.ts).
 */
export async function acknowledgeOwnDispatches(
  tx: Db,
  actor: Actor,
  caseId: string,
  relations: CaseRelation[],
  now: Date,
): Promise<void> {
  const rows = await tx
    .select({ status: caseDispatches.status })
    .from(caseDispatches)
    .where(eq(caseDispatches.caseId, caseId));
  assertMayAcknowledgeCase(
    relations,
    rows.map((r) => r.status),
  );
  await updateOwnDispatches(tx, actor, caseId, relations, ['pending'], { status: 'acknowledged', acknowledgedAt: now });
}
