import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { pairingPlans, pairings } from './pairing.schema.js';

/**
 * The adopted pairing of a year, as other co-building modules need it (who is paired with whom). Everything that
 * asks "is this unit paired with this community" goes through here.
 */
export interface Pair {
  communityId: string;
  unitId: string;
}

export async function adoptedPairs(
  db: Db,
  opts: { year: number; communityId?: string; unitId?: string },
): Promise<Pair[]> {
  return db
    .select({ communityId: pairings.communityId, unitId: pairings.unitId })
    .from(pairings)
    .innerJoin(pairingPlans, eq(pairingPlans.id, pairings.planId))
    .where(
      and(
        eq(pairingPlans.status, 'adopted'),
        eq(pairings.year, opts.year),
        opts.communityId ? eq(pairings.communityId, opts.communityId) : undefined,
        opts.unitId ? eq(pairings.unitId, opts.unitId) : undefined,
      ),
    );
}

export async function pairedUnitIds(db: Db, opts: { year: number; communityId: string }): Promise<string[]> {
  return (await adoptedPairs(db, opts)).map((p) => p.unitId);
}

export async function pairedCommunityIds(db: Db, opts: { year: number; unitId: string }): Promise<string[]> {
  return (await adoptedPairs(db, opts)).map((p) => p.communityId);
}

export async function isPaired(db: Db, opts: { year: number; communityId: string; unitId: string }): Promise<boolean> {
  return (await adoptedPairs(db, opts)).length > 0;
}
