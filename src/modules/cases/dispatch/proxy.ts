import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { notificationTitle } from '../../../core/i18n.js';
import { roleBindings } from '../../auth/auth.schema.js';
import { notifyUsers } from '../../notifications/notifications.service.js';
import { organisations } from '../../org/org.schema.js';
import type { ProxyAcknowledgeRequest } from '../cases.contracts.js';
import { loadCaseFor } from '../cases.load.js';
import { assertMayProxyAcknowledge } from '../cases.policy.js';
import { caseDispatches } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';
import { advanceCase, recordStep, stopResponseClock } from './unit-inbox.js';

/**
 * 代报到: the community (or the county) records a unit's 报到 on its behalf — the unit answered by phone, say —
 * with a reason. The row is stamped as the unit's 报到 would be, marked as a proxy report with who and why; the case
 * moves on as it would; the event and audit row name the community's user; the unit's admins are told.
 */
export async function proxyAcknowledge(opts: {
  db: Db;
  actor: Actor;
  dispatchId: string;
  input: ProxyAcknowledgeRequest;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? clock.now();
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const [d] = await tx.select().from(caseDispatches).where(eq(caseDispatches.id, opts.dispatchId)).for('update');
    if (!d) throw new AppError('NOT_FOUND', { entity: 'case_dispatch' });
    // The case's visibility and the actor's relation to it decide: a row of a case they cannot see is 404.
    const { row: c, relations } = await loadCaseFor(tx, actor, d.caseId);
    assertMayProxyAcknowledge(relations);
    if (d.status !== 'pending' || c.mergedIntoId)
      throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { action: 'unit_proxy_acknowledge', status: d.status });
    if (d.version !== input.version) throw new AppError('STALE_UPDATE');
    await tx
      .update(caseDispatches)
      .set({
        status: 'acknowledged',
        acknowledgedAt: now,
        proxyAcknowledgedByUserId: actor.userId,
        proxyReason: input.reason,
        updatedAt: now,
        version: sql`${caseDispatches.version} + 1`,
      })
      .where(eq(caseDispatches.id, d.id));
    await stopResponseClock(tx, d.caseId, now);
    await recordStep(tx, actor, d, {
      action: 'unit_proxy_acknowledge',
      to: 'acknowledged',
      note: input.reason,
      now,
      proxy: true,
    });
    await tellUnit(tx, d, c.number, input.reason);
    await advanceCase(tx, actor, d.caseId, 'acknowledge', input.reason, now, d.id);
  });
}

async function tellUnit(tx: Db, d: typeof caseDispatches.$inferSelect, number: string, reason: string) {
  const [unit] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, d.unitId));
  const admins = await tx
    .select({ userId: roleBindings.userId })
    .from(roleBindings)
    .where(and(eq(roleBindings.role, 'unit_admin'), eq(roleBindings.scopeOrgId, d.unitId)));
  await notifyUsers(
    tx,
    admins.map((a) => a.userId),
    {
      kind: 'case.unit_proxy_acknowledge',
      title: notificationTitle('case_unit_proxy_acknowledge', { unit: unit.name, number }),
      body: reason,
      entityType: 'case',
      entityId: d.caseId,
      link: `/cases/${d.caseId}`,
    },
  );
}
