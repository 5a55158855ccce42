/**
 * The database checks of bench/crash-durability.ts, run on the data after a round: every acknowledged case complete,
 * every report there exactly once, and the case_stats rollup equal to a rebuild.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/core/bulk.js';
import type { Db } from '../src/core/db.js';
import { DUE_COUNTS, EVENT_COUNTS } from '../src/modules/cases/stats/rates.js';

/** The route the reports were posted to, as the idempotency keys store it. */
const ROUTE = 'POST /api/cases';

/** An acknowledged report: the case it was answered with, its key, and who sent it. */
export interface AckedCase {
  id: string;
  number: string;
  key: string;
  reporter: { userId: string };
}

export interface AckCheck {
  found: number;
  absent: number;
  wrongNumber: number;
  noEvent: number;
  noAudit: number;
  noKey: number;
}

/** Each acknowledged case: there, with the number it was answered with, its report event, audit row and stored key. */
export async function checkAcknowledged(db: Db, acked: AckedCase[]): Promise<AckCheck> {
  const input = JSON.stringify(
    acked.map((a) => ({ id: a.id, number: a.number, key: a.key, user_id: a.reporter.userId })),
  );
  const [row] = await rowsOf<AckCheck>(
    db,
    sql`
    with ack as (select * from jsonb_to_recordset(${input}::jsonb) as t(id uuid, number text, key text, user_id uuid)),
    checked as (
      select c.id is not null as present, c.number = ack.number as same_number,
        exists (select 1 from case_events e where e.case_id = ack.id and e.action = 'report' and e.to_status = 'reported') as has_event,
        exists (select 1 from audit_log a where a.entity_type = 'case' and a.entity_id = ack.id::text and a.action = 'case.create') as has_audit,
        exists (select 1 from idempotency_keys k where k.user_id = ack.user_id and k.key = ack.key and k.route = ${ROUTE}
          and k.body = to_jsonb(ack.id::text)) as has_key
      from ack left join cases c on c.id = ack.id
    )
    select count(*) filter (where present and same_number and has_event and has_audit and has_key)::int as "found",
      count(*) filter (where not present)::int as "absent", count(*) filter (where present and not same_number)::int as "wrongNumber",
      count(*) filter (where not has_event)::int as "noEvent", count(*) filter (where not has_audit)::int as "noAudit",
      count(*) filter (where not has_key)::int as "noKey"
    from checked`,
  );
  return row;
}

/** Every report sent in the round, found by its unique title after the retries: more than one case is a duplicate. */
export async function countByTitle(
  db: Db,
  sent: { title: string }[],
): Promise<{ duplicates: number; missing: number }> {
  const titles = JSON.stringify(sent.map((s) => s.title));
  const [row] = await rowsOf<{ duplicates: number; missing: number }>(
    db,
    sql`
    with s as (select jsonb_array_elements_text(${titles}::jsonb) as title),
    n as (select s.title, count(c.id) as n from s left join cases c on c.title = s.title group by s.title)
    select coalesce(sum(n - 1) filter (where n > 1), 0)::int as duplicates, count(*) filter (where n = 0)::int as missing from n`,
  );
  return row;
}

/** Every counter case_stats keeps. */
const COUNTERS = [...EVENT_COUNTS, ...DUE_COUNTS];

/**
 * The rollup as readers see it: case_stats plus what still waits in case_stats_pending (PostgreSQL folds every 200 ms,
 * so a kill leaves some there), summed per key. Keys whose counters are all zero carry nothing and are left out.
 */
const ROLLUP_SNAPSHOT = sql.raw(`
  select kind, grain, bucket::text as bucket, community_id::text as community_id, whistle, dim,
    ${COUNTERS.map((c) => `sum(${c})::int as ${c}`).join(', ')}
  from (select kind, grain, bucket, community_id, whistle, dim, ${COUNTERS.join(', ')} from case_stats
        union all select kind, grain, bucket, community_id, whistle, dim, ${COUNTERS.join(', ')} from case_stats_pending) s
  group by 1, 2, 3, 4, 5, 6 having ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(' or ')}
  order by 1, 2, 3, 4, 5, 6`);

class RollBack extends Error {}

/** How many rollup keys differ from case_stats_rebuild(), which runs in a transaction that is rolled back. */
export async function rollupDifferences(db: Db): Promise<number> {
  let before: Record<string, unknown>[] = [];
  let after: Record<string, unknown>[] = [];
  try {
    await db.transaction(async (tx) => {
      before = await rowsOf(tx, ROLLUP_SNAPSHOT);
      await tx.execute(sql`select case_stats_rebuild()`);
      after = await rowsOf(tx, ROLLUP_SNAPSHOT);
      throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  const keyed = (rows: Record<string, unknown>[]) =>
    new Map(
      rows.map((r) => [
        [r.kind, r.grain, r.bucket, r.community_id, r.whistle, r.dim].join('|'),
        COUNTERS.map((c) => r[c]).join(','),
      ]),
    );
  const a = keyed(before);
  const b = keyed(after);
  let differing = 0;
  for (const [k, v] of a) if (b.get(k) !== v) differing++;
  for (const k of b.keys()) if (!a.has(k)) differing++;
  return differing;
}
