import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import { rowsOf } from '../../../core/bulk.js';
import type { Db } from '../../../core/db.js';
import { workCalendar } from '../cases.clock.js';
import { caseEvents, cases } from '../cases.schema.js';
import { noticeToReporter } from './notices.js';

/**
 * Part of the sweep (dispatch/sweep.ts): a verified case waits for its reporter's rating for `workingDays` working days
 * after its verification (CASE_RATING_WORKING_DAYS, core/config.ts); then it is closed without a rating — an event
 * `close_unrated` says so, and it counts in no satisfaction figure (rated is the cases with a rating). Each case is
 * claimed with a conditional UPDATE on its status and version, so concurrent sweepers close it once.
 */

const SYSTEM_ACTOR = '系统（评价期满）';

interface Waiting {
  id: string;
  version: number;
  number: string;
  reporter_user_id: string | null;
  reporter_person_id: string | null;
  verified_at: Date | string;
}

export async function closeUnrated(db: Db, now: Date, workingDays: number, max: number): Promise<number> {
  const calendar = await workCalendar(db);
  // N working days take at least N working days' minutes of real time: a cheap lower bound for the candidates.
  const earliest = new Date(now.getTime() - workingDays * calendar.minutesPerDay * 60_000);
  const waiting = await rowsOf<Waiting>(
    db,
    sql`select c.id, c.version, c.number, c.reporter_user_id, c.reporter_person_id, v.at as verified_at
      from ${cases} c cross join lateral (
        select max(e.at) as at from ${caseEvents} e where e.case_id = c.id and e.action = 'verify'
      ) v
      where c.status = 'verified' and c.merged_into_id is null and v.at <= ${earliest.toISOString()}::timestamptz
      order by v.at limit ${max}`,
  );
  let closed = 0;
  for (const w of waiting) {
    const due = calendar.dueAt(new Date(w.verified_at), { workingDays });
    if (due > now) continue;
    if (await closeOne(db, w, due, now)) closed += 1;
  }
  return closed;
}

async function closeOne(db: Db, w: Waiting, due: Date, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cases)
      .set({ status: 'closed', closedAt: now, updatedAt: now, version: sql`${cases.version} + 1` })
      .where(and(eq(cases.id, w.id), eq(cases.status, 'verified'), eq(cases.version, w.version)))
      .returning({ id: cases.id });
    if (!row) return false;
    const data = { ratingDueAt: due.toISOString() };
    await tx.insert(caseEvents).values({
      caseId: w.id,
      at: now,
      actorName: SYSTEM_ACTOR,
      action: 'close_unrated',
      fromStatus: 'verified',
      toStatus: 'closed',
      data,
    });
    await recordAudit(tx, {
      actor: null,
      action: 'case.close_unrated',
      entityType: 'case',
      entityId: w.id,
      before: { status: 'verified' },
      after: { status: 'closed', ...data },
    });
    // Merged duplicates share the resolution, and so its closing (as cases.transition.ts carries every transition).
    const merged = await tx
      .update(cases)
      .set({ status: 'closed', closedAt: now, updatedAt: now, version: sql`${cases.version} + 1` })
      .where(and(eq(cases.mergedIntoId, w.id), inArray(cases.status, ['verified'])))
      .returning({ id: cases.id });
    if (merged.length)
      await tx.insert(caseEvents).values(
        merged.map((m) => ({
          caseId: m.id,
          at: now,
          actorName: SYSTEM_ACTOR,
          action: 'follow_merged',
          toStatus: 'closed' as const,
          data: { mainCaseId: w.id },
        })),
      );
    await noticeToReporter(
      tx,
      { id: w.id, number: w.number, reporterUserId: w.reporter_user_id, reporterPersonId: w.reporter_person_id },
      'case_closed_unrated',
      'case.closed_unrated',
    );
    return true;
  });
}
