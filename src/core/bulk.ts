import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';

/**
 * Rows as ONE json parameter that PostgreSQL expands with json_populate_recordset: a statement carries a few bind
 * parameters, far below the 65,535 limit, and drizzle does not build tens of thousands of placeholders (with
 * them, 20,000 rows took 6 s on PGlite; this way under 1 s). Same on PGlite and PostgreSQL.
 */
export const recordset = (table: string, rows: object[]): SQL =>
  sql`json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::json)`;

/** The rows a raw statement returns: PGlite and node-postgres both answer { rows }, which drizzle leaves untyped. */
export async function rowsOf<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows?: T[] };
  return result.rows ?? [];
}

/** Rows per INSERT statement. */
const CHUNK_ROWS = 2500;

/**
 * Bulk insert that scales: each chunk of rows travels as ONE json parameter and PostgreSQL expands it with
 * json_populate_recordset, so a statement has one bind parameter (far below PostgreSQL's 65,535) and drizzle
 * does not build tens of thousands of placeholders. Keys are mapped to the table's column names, so the
 * rows stay type-checked against the drizzle schema. Works the same on PGlite and PostgreSQL. A column that
 * some row leaves out is NULL in that row (not its default): builders spell out every column they use.
 */
export async function insertRows<T extends PgTable>(db: Db, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns: Record<string, Column> = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return column.name;
  });
  const tableName = sql.identifier(getTableName(table));
  const columnList = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS).map((row) => {
      const values: Record<string, unknown> = row;
      const out: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) out[names[k]] = values[keys[k]] ?? null;
      return out;
    });
    await db.execute(sql`insert into ${tableName} (${columnList})
      select ${columnList} from ${recordset(getTableName(table), chunk)}`);
  }
}
