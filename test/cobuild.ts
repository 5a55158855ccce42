import { clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import { pairingPlans, pairings } from '../src/modules/cobuild/pairing/pairing.schema.js';

/**
 * Adopts a hand-made pairing for a year straight in the database, for tests of modules that need "who is paired
 * with whom" (projects, meetings, service days) without running the optimiser.
 */
export async function adoptTestPairing(
  db: Db,
  opts: { year: number; pairs: { communityId: string; unitId: string }[] },
): Promise<string> {
  const [plan] = await db
    .insert(pairingPlans)
    .values({ year: opts.year, name: `${opts.year} 测试结对`, status: 'adopted', adoptedAt: clock.now() })
    .returning();
  if (opts.pairs.length) {
    await db.insert(pairings).values(
      opts.pairs.map((p) => ({
        planId: plan.id,
        year: opts.year,
        communityId: p.communityId,
        unitId: p.unitId,
        source: 'manual' as const,
      })),
    );
  }
  return plan.id;
}
