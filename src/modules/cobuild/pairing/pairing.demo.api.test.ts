import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/app.js';
import type { Database } from '../../../core/db.js';
import { clock } from '../../../core/clock.js';
import { seedDemo } from '../../../seed/demo.js';
import { organisations } from '../../org/org.schema.js';
import { pairingPlans, pairings } from './pairing.schema.js';
import type { StoredObjective } from './pairing.score.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo({ db: database.db, passwordHash: 'x' });
});
afterAll(async () => {
  await database?.close();
});

describe('the demo pairing', () => {
  it('this year and last are adopted, each community has 7–8 of the 83 units, no constraint broken, U001 with 杭东社区', async () => {
    const plans = await database.db.select().from(pairingPlans);
    const year = clock.year();
    expect(plans.map((p) => `${p.year}:${p.status}`).sort()).toEqual([`${year - 1}:adopted`, `${year}:adopted`]);
    expect(plans.every((p) => p.adoptedAt && p.adoptedAt <= clock.now())).toBe(true);
    const orgs = await database.db.select().from(organisations);
    const name = new Map(orgs.map((o) => [o.id, o]));
    for (const plan of plans) {
      expect((plan.objective as StoredObjective).violations).toEqual([]);
      const rows = await database.db.select().from(pairings).where(eq(pairings.planId, plan.id));
      expect(rows).toHaveLength(83);
      expect(new Set(rows.map((r) => r.unitId)).size).toBe(83);
      const perCommunity = new Map<string, number>();
      for (const r of rows) perCommunity.set(r.communityId, (perCommunity.get(r.communityId) ?? 0) + 1);
      expect(perCommunity.size).toBe(11);
      expect([...perCommunity.values()].every((n) => n >= 7 && n <= 8)).toBe(true);
      const u001 = rows.find((r) => name.get(r.unitId)?.code === 'U001');
      expect(name.get(u001?.communityId ?? '')?.name).toBe('杭东社区');
      expect(rows.every((r) => r.explanation !== null && r.distanceKm !== null)).toBe(true);
    }
    const units = orgs.filter((o) => o.kind === 'unit');
    expect(units.every((u) => u.leaderName && u.leaderTitle)).toBe(true);
  });
});
