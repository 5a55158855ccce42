import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { organisations } from '../modules/org/org.schema.js';
import { people } from '../modules/people/people.schema.js';
import { isAppError } from './errors.js';
import { assertNoReferrers, blockingForeignKeys, REFERRER_NOUNS, referrerNoun } from './references.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

/** The tables whose deletions go through assertNoReferrers (org, grid, people, members services). */
const CHECKED = ['organisations', 'grids', 'people', 'party_members'];

async function refusal(run: () => Promise<void>): Promise<Record<string, unknown>> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e) && e.code === 'REFERENCED') return e.params;
    throw e;
  }
  throw new Error('the deletion was not refused');
}

describe('assertNoReferrers', () => {
  it('names every foreign key that blocks a checked deletion, and lists no key the catalogue lacks', async () => {
    const inCatalogue: string[] = [];
    for (const table of CHECKED) {
      for (const k of await blockingForeignKeys(ctx.database.db, table)) inCatalogue.push(`${k.table}.${k.column}`);
    }
    expect(inCatalogue.filter((c) => referrerNoun(...(c.split('.') as [string, string])) === undefined)).toEqual([]);
    expect([...inCatalogue].sort()).toEqual(REFERRER_NOUNS.map(([c]) => c).sort());
  });

  it('orders the keys as listed: the first kind of referring rows is named, with its own count', async () => {
    const keys = await blockingForeignKeys(ctx.database.db, 'people');
    expect(keys.map((k) => `${k.table}.${k.column}`)).toEqual([
      'party_members.person_id',
      'grid_duties.person_id',
      'users.person_id',
      'cases.reporter_person_id',
      'cases.owner_person_id',
      'alley_inspections.inspector_person_id',
      'volunteers.person_id',
    ]);
    const w = ctx.world;
    const db = ctx.database.db;
    expect(await refusal(() => assertNoReferrers(db, organisations, w.communityA.id))).toEqual({
      count: 1,
      referrer: 'child_organisation',
    });
    expect(await refusal(() => assertNoReferrers(db, people, w.members.member1.personId))).toMatchObject({
      referrer: 'party_member',
    });
  });

  it('ignores keys that cascade or set null: they never block a deletion', async () => {
    const keys = (await blockingForeignKeys(ctx.database.db, 'users')).map((k) => `${k.table}.${k.column}`);
    expect(keys).not.toContain('sessions.user_id');
    expect(keys).not.toContain('notifications.user_id');
    expect(keys).toContain('cases.reporter_user_id');
  });
});
