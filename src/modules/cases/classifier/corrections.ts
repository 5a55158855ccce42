/**
 * Staff corrections of the classifier (the learning loop's labelled examples). Written in the transaction of the
 * accept that made them, so a correction exists exactly when the accepted case has that category.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import type { LabelledExample } from './data.js';
import { cases } from '../cases.schema.js';
import { categoryCorrections } from './classifier.schema.js';

export interface AcceptedCategory {
  caseId: string;
  text: string;
  suggestedCode: string | null;
  /** The category the case is accepted in: the one staff chose, or the case's own when they left it. */
  acceptedCode: string;
}

/**
 * Stores the accept as a labelled example when it disagrees with the classifier's suggestion (agreement teaches the
 * model nothing it does not already do); a case without a suggestion is not a correction of the classifier.
 */
export async function recordCorrection(tx: Db, actor: Actor, a: AcceptedCategory, now: Date): Promise<boolean> {
  if (!a.suggestedCode || a.suggestedCode === a.acceptedCode) return false;
  const row = {
    caseId: a.caseId,
    text: a.text,
    suggestedCode: a.suggestedCode,
    correctedCode: a.acceptedCode,
    correctedByUserId: actor.userId,
    correctedAt: now,
  };
  await tx
    .insert(categoryCorrections)
    .values(row)
    .onConflictDoUpdate({
      target: categoryCorrections.caseId,
      set: {
        text: row.text,
        correctedCode: row.correctedCode,
        correctedByUserId: row.correctedByUserId,
        correctedAt: now,
      },
    });
  return true;
}

/** Every correction as a training example, oldest first (the retrain job reads them all). */
export async function correctionExamples(db: Db): Promise<LabelledExample[]> {
  const rows = await db
    .select({ text: categoryCorrections.text, category: categoryCorrections.correctedCode })
    .from(categoryCorrections)
    .orderBy(categoryCorrections.id);
  return rows;
}

export async function countCorrections(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(categoryCorrections);
  return r?.n ?? 0;
}

/** The latest corrections, for the classifier page: what staff changed, from what to what. */
export async function latestCorrections(db: Db, limit: number) {
  return db
    .select({
      caseId: categoryCorrections.caseId,
      caseNumber: cases.number,
      suggestedCode: categoryCorrections.suggestedCode,
      correctedCode: categoryCorrections.correctedCode,
      correctedAt: categoryCorrections.correctedAt,
    })
    .from(categoryCorrections)
    .innerJoin(cases, eq(cases.id, categoryCorrections.caseId))
    .orderBy(desc(categoryCorrections.correctedAt), desc(categoryCorrections.id))
    .limit(limit);
}
