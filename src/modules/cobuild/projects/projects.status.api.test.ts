import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/app.js';
import { rowsOf } from '../../../core/bulk.js';
import type { Database } from '../../../core/db.js';
import { delayedSql, overdueSql, statusSql } from './projects.query.js';
import { deriveStatus, type StatusFacts } from './projects.rollup.js';

/**
 * A project's status is read in SQL (statusSql, delayedSql: lists, filters, the summary, the meetings' agenda) and
 * derived in TypeScript (deriveStatus: the demo's checks). This runs both over every combination of the facts around
 * one day — cancelled or not, progress 0 / between / 100, each date before, on or after today, no open milestone — and
 * fails on the first disagreement. The SQL reads a `projects` CTE that shadows the table, so no rows are written.
 */
const TODAY = '2026-06-15';
const DAYS = ['2026-06-14', TODAY, '2026-06-16'];

function allFacts(): StatusFacts[] {
  const out: StatusFacts[] = [];
  for (const cancelled of [false, true])
    for (const progress of [0, 40, 99.9, 100])
      for (const startOn of DAYS)
        for (const endOn of DAYS)
          for (const nextDueOn of [null, ...DAYS]) out.push({ cancelled, progress, startOn, endOn, nextDueOn });
  return out;
}

describe('the delayed-project rule, in SQL and in TypeScript', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  it('gives the same status and the same delayed flag for every combination of facts', async () => {
    const facts = allFacts();
    const values = sql.join(
      facts.map(
        (f, i) =>
          sql`(${i}::int, ${f.cancelled}::boolean, ${f.progress}::float8, ${f.startOn}::date, ${f.endOn}::date, ${f.nextDueOn}::date)`,
      ),
      sql`, `,
    );
    const rows = await rowsOf<{ i: number; status: string; delayed: boolean | null; overdue: boolean | null }>(
      database.db,
      sql`with projects (i, cancelled, progress, start_on, end_on, next_due_on) as (values ${values})
        select i, ${statusSql(TODAY)} as status, ${delayedSql(TODAY)} as delayed, ${overdueSql(TODAY)} as overdue
        from projects order by i`,
    );
    expect(rows).toHaveLength(facts.length);
    for (const row of rows) {
      const f = facts[row.i];
      const expected = deriveStatus(f, TODAY);
      expect({ facts: f, status: row.status }).toEqual({ facts: f, status: expected });
      // In a WHERE clause SQL's unknown (null: no open milestone, end date not passed) selects nothing, as false does.
      expect({ facts: f, delayed: row.delayed === true }).toEqual({ facts: f, delayed: expected === 'delayed' });
      expect(row.overdue).toBe(row.delayed);
    }
  });
});
