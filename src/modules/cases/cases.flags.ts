import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { cases } from './cases.schema.js';
import { clock } from '../../core/clock.js';

/**
 * Marks a case as raised as a need (三张清单), for the needs module, in the caller's transaction. Not a state change
 * of the case, so its version stays: a transition in flight is not refused because of it.
 */
export async function markCaseAsNeed(db: Db, caseId: string): Promise<void> {
  await db.update(cases).set({ isNeed: true, updatedAt: clock.now() }).where(eq(cases.id, caseId));
}
