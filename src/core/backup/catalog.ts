import { sql } from 'drizzle-orm';
import { rowsOf } from '../bulk.js';
import type { Db } from '../db.js';

/** A table of the public schema as the backup sees it, read from pg_catalog (never a hand-kept list). */
export interface TableInfo {
  name: string;
  /** Columns a restore writes: every column except generated ones, in table order. */
  columns: string[];
  /** The primary key's columns (empty when the table has none: then whole rows are ordered by their text). */
  key: string[];
}

/** Quotes an identifier read from the catalog (names come from pg_catalog, never from input, but may need quotes). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function publicTables(db: Db): Promise<TableInfo[]> {
  const rows = (await rowsOf(
    db,
    sql`
      select c.relname as name,
        array(select a.attname::text from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
              order by a.attnum) as columns,
        coalesce(array(select a.attname::text from pg_index i
                       join lateral unnest(i.indkey) with ordinality k(attnum, n) on true
                       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                       where i.indrelid = c.oid and i.indisprimary order by k.n), '{}') as key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
      order by c.relname`,
  )) as { name: string; columns: string[]; key: string[] }[];
  return rows.map((r) => ({ name: r.name, columns: r.columns, key: r.key }));
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/**
 * Every sequence of the public schema (identity columns' and free-standing ones such as case numbers). Sequences are
 * outside transactions, so the value read may be a little ahead of the snapshot: a gap, never a reused number.
 */
export async function sequenceStates(db: Db): Promise<SequenceState[]> {
  const rows = (await rowsOf(
    db,
    sql`
      select sequencename as name, coalesce(last_value, start_value)::text as "lastValue", last_value is not null as "isCalled"
      from pg_sequences where schemaname = 'public' order by sequencename`,
  )) as SequenceState[];
  return rows;
}

/** Whether anything exists in the target: tables in public, or applied migrations. */
export async function targetContents(db: Db): Promise<string | null> {
  const row = (
    await rowsOf(
      db,
      sql`
      select (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')) as relations,
             to_regclass('drizzle.__drizzle_migrations') is not null as migrated`,
    )
  )[0] as { relations: number; migrated: boolean };
  if (row.relations > 0) return `${row.relations} relations in schema public`;
  if (row.migrated) return 'drizzle.__drizzle_migrations exists';
  return null;
}
