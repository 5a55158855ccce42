import { and, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { carryForward } from './evaluations.carry.js';
import { applyUnsatisfied } from './evaluations.consequences.js';
import type { HoldRequest, SessionDetail } from './evaluations.contracts.js';
import { getSession } from './evaluations.query.js';
import { evaluationItems, evaluationSessions } from './evaluations.schema.js';
import { assertDayReached, assertVersion, lockForWrite, sessionChanges } from './evaluations.service.js';

/**
 * Holding a session (召开): on or after its day, with its representatives named and every item decided — a verdict,
 * or carried over (结转) to the next session. Holding makes the record final and, in the same transaction, carries
 * the carried items forward and applies each unsatisfied verdict's consequences (evaluations.consequences.ts).
 */
async function assertAllDecided(tx: Db, sessionId: string): Promise<void> {
  const [{ pending }] = await tx
    .select({ pending: count() })
    .from(evaluationItems)
    .where(and(eq(evaluationItems.sessionId, sessionId), eq(evaluationItems.verdict, 'pending')));
  if (pending > 0) throw new AppError('EVALUATION_ITEMS_PENDING', { count: pending });
}

export async function holdSession(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input?: HoldRequest | null;
  now?: Date;
}): Promise<SessionDetail> {
  const { actor } = opts;
  const input = opts.input ?? {};
  const now = opts.now ?? clock.now();
  await opts.db.transaction(async (tx) => {
    const before = await lockForWrite(tx, actor, opts.id);
    assertVersion(before, input.version);
    assertDayReached(before);
    const changes = sessionChanges(input);
    if (!(changes.representatives ?? before.representatives).length) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/representatives', message: "name the residents' representatives before holding the session" },
      ]);
    }
    await assertAllDecided(tx, before.id);
    await tx
      .update(evaluationSessions)
      .set({ ...changes, status: 'held', version: sql`${evaluationSessions.version} + 1`, updatedAt: now })
      .where(eq(evaluationSessions.id, before.id));
    const unsatisfied = await tx
      .select()
      .from(evaluationItems)
      .where(and(eq(evaluationItems.sessionId, before.id), eq(evaluationItems.verdict, 'unsatisfied')));
    const consequences = { reopened: 0, supervised: 0 };
    for (const item of unsatisfied) consequences[await applyUnsatisfied(tx, actor, before, item, now)] += 1;
    const carried = await carryForward(tx, before);
    await recordAudit(tx, {
      actor,
      action: 'evaluation_session.hold',
      entityType: 'evaluation_session',
      entityId: before.id,
      before: { status: before.status, representatives: before.representatives, minutes: before.minutes },
      after: { status: 'held', ...changes, ...consequences, carried },
    });
  });
  return getSession({ db: opts.db, actor, id: opts.id });
}
