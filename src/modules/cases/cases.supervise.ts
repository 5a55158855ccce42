import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { caseEvents, cases } from './cases.schema.js';

/**
 * 督办 opened by a decision rather than by a clock: a monthly evaluation session judged the case 不满意 and it cannot be
 * reopened (still being handled, or closed without an unsatisfied rating). The case keeps its status and owner; it is
 * marked supervised (the first supervision's time stays), and the event and audit row say who decided it and why. The
 * caller has checked that the actor may decide it (evaluations.policy.ts: they run the case's community's sessions)
 * and passes its transaction. The sweep's own supervision (overdue, escalated) is dispatch/sweep.ts.
 */
export async function superviseCase(
  tx: Db,
  opts: { actor: Actor; caseId: string; reason: string; data?: Record<string, unknown>; now: Date },
): Promise<void> {
  const { actor, now } = opts;
  const [c] = await tx
    .update(cases)
    .set({
      supervisedAt: sql`coalesce(${cases.supervisedAt}, ${now.toISOString()}::timestamptz)`,
      updatedAt: now,
      version: sql`${cases.version} + 1`,
    })
    .where(eq(cases.id, opts.caseId))
    .returning({ id: cases.id, status: cases.status });
  if (!c) return;
  await tx.insert(caseEvents).values({
    caseId: c.id,
    at: now,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: 'supervise',
    fromStatus: c.status,
    toStatus: c.status,
    note: opts.reason,
    data: opts.data ?? null,
  });
  await recordAudit(tx, {
    actor,
    action: 'case.supervise',
    entityType: 'case',
    entityId: c.id,
    after: { reason: opts.reason, ...opts.data },
  });
}
