import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { notificationTitle } from '../../../core/i18n.js';
import type { ReassignRequest } from '../cases.contracts.js';
import { routeToGrid } from '../intake/routing.js';
import { caseEvents, cases } from '../cases.schema.js';
import { loadCaseFor } from '../cases.load.js';
import { assertMayMoveToCommunity, assertMayReassign } from '../cases.policy.js';
import { clock } from '../../../core/clock.js';

/** Staff move a case to another grid (and its owner) with a reason; the status does not change. */
export async function reassignCase(opts: {
  db: Db;
  actor: Actor;
  caseId: string;
  input: ReassignRequest;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? clock.now();
  await opts.db.transaction(async (tx) => {
    const { row: c, relations, scope } = await loadCaseFor(tx, opts.actor, opts.caseId);
    assertMayReassign(relations);
    if (c.status === 'rejected' || c.status === 'closed' || c.status === 'rated')
      throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { action: 'reassign', status: c.status });
    if (c.version !== opts.input.version) throw new AppError('STALE_UPDATE');
    const target = await routeToGrid(tx, opts.input.gridId, now);
    assertMayMoveToCommunity(scope, c.communityId, target.communityId);
    const updated = await tx
      .update(cases)
      .set({
        gridId: target.gridId,
        communityId: target.communityId,
        ownerPersonId: target.ownerPersonId,
        version: sql`${cases.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(cases.id, c.id), eq(cases.version, opts.input.version)))
      .returning({ id: cases.id });
    if (!updated.length) throw new AppError('STALE_UPDATE');
    await tx.insert(caseEvents).values({
      caseId: c.id,
      at: now,
      actorUserId: opts.actor.userId,
      actorName: opts.actor.displayName,
      action: 'reassign',
      note: opts.input.reason,
      data: {
        fromGridId: c.gridId,
        toGridId: target.gridId,
        fromOwner: c.ownerPersonId,
        toOwner: target.ownerPersonId,
      },
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'case.reassign',
      entityType: 'case',
      entityId: c.id,
      before: { gridId: c.gridId },
      after: { gridId: target.gridId, reason: opts.input.reason },
    });
    await notifyPeople(tx, [target.ownerPersonId], {
      kind: 'case.assigned',
      title: notificationTitle('case_assigned', { number: c.number }),
      body: opts.input.reason,
      entityType: 'case',
      entityId: c.id,
      link: `/cases/${c.id}`,
    });
  });
}
