import type { Database } from '../src/core/db.js';
import { buildDemo, createRng, type DemoData, writeDemo } from '../src/seed/demo.js';
import { demoTime } from '../src/seed/demo-types.js';
import { openTestDatabase } from './app.js';

/**
 * The demo's world (organisations, grids, people, members, logins) written to a fresh test database, for the tests of
 * one part of the demo seeded for several first days: each day's part is seeded in a transaction that is rolled back.
 */
export async function openDemoWorld(): Promise<{ database: Database; data: DemoData }> {
  const database = await openTestDatabase();
  const data = buildDemo(createRng(), 'x', demoTime('2026-01-01'));
  await writeDemo(database.db, data);
  return { database, data };
}

class Rollback extends Error {}

/** Runs `work` in a transaction that is then rolled back, and returns what it returned. */
export async function inRollback<T>(database: Database, work: (tx: Database['db']) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await database.db
    .transaction(async (tx) => {
      out = await work(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out as T;
}
