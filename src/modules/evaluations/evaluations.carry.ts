import { and, asc, eq, gt, lt, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../core/db.js';
import { evaluationItems, evaluationSessions } from './evaluations.schema.js';

/**
 * Carrying an item over (结转): a session that cannot settle a case this month moves it to the community's next
 * session, where it comes back on the agenda with `carriedFromItemId` pointing at where it came from. Whichever exists
 * first does the moving: holding the session puts its carried items on the next draft session already created; creating
 * a session takes the carried items of earlier held sessions that no session has taken yet.
 */
type SessionRef = { id: string; communityId: string; heldOn: string };

/** Puts these items' cases on the target session, marked as carried (a case already on its agenda is marked too). */
async function carryInto(tx: Db, targetId: string, items: { id: string; caseId: string }[]): Promise<number> {
  if (!items.length) return 0;
  await tx
    .insert(evaluationItems)
    .values(items.map((i) => ({ sessionId: targetId, caseId: i.caseId, carriedFromItemId: i.id })))
    .onConflictDoUpdate({
      target: [evaluationItems.sessionId, evaluationItems.caseId],
      set: { carriedFromItemId: sql`excluded.carried_from_item_id` },
    });
  return items.length;
}

/** At hold: the session's carried items go to the community's next draft session, if one exists yet. */
export async function carryForward(tx: Db, session: SessionRef): Promise<number> {
  const [next] = await tx
    .select({ id: evaluationSessions.id })
    .from(evaluationSessions)
    .where(
      and(
        eq(evaluationSessions.communityId, session.communityId),
        gt(evaluationSessions.heldOn, session.heldOn),
        eq(evaluationSessions.status, 'draft'),
      ),
    )
    .orderBy(asc(evaluationSessions.heldOn))
    .limit(1);
  if (!next) return 0;
  const items = await tx
    .select({ id: evaluationItems.id, caseId: evaluationItems.caseId })
    .from(evaluationItems)
    .where(and(eq(evaluationItems.sessionId, session.id), eq(evaluationItems.verdict, 'carried_over')));
  return carryInto(tx, next.id, items);
}

/** At create: the carried items of the community's earlier held sessions that no session has taken yet. */
export async function takeCarried(tx: Db, session: SessionRef): Promise<number> {
  const taken = alias(evaluationItems, 'taken');
  const items = await tx
    .select({ id: evaluationItems.id, caseId: evaluationItems.caseId })
    .from(evaluationItems)
    .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationItems.sessionId))
    .where(
      and(
        eq(evaluationSessions.communityId, session.communityId),
        lt(evaluationSessions.heldOn, session.heldOn),
        eq(evaluationSessions.status, 'held'),
        eq(evaluationItems.verdict, 'carried_over'),
        notExists(tx.select({ one: sql`1` }).from(taken).where(eq(taken.carriedFromItemId, evaluationItems.id))),
      ),
    )
    .orderBy(asc(evaluationSessions.heldOn));
  // One case carried by two earlier sessions comes back once, from the latest of them.
  const byCase = new Map(items.map((i) => [i.caseId, i]));
  return carryInto(tx, session.id, [...byCase.values()]);
}
