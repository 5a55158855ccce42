import { like, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { escapeLike } from '../strings.js';

// Building blocks of the modules' scope filters (their …VisibleTo functions). Resolving who sees what reads the
// organisation and grid tables, so it lives in modules/grid/grid.scope.ts; these helpers need no table.

/** A where-clause matching grid codes under any of the prefixes. */
export function gridCodeUnder(column: PgColumn, prefixes: string[]): SQL | undefined {
  if (!prefixes.length) return undefined;
  return or(...prefixes.map((p) => like(column, `${escapeLike(p)}%`)));
}

/** Combine optional clauses with OR; undefined when none apply (callers treat that as "nothing visible"). */
export function anyOf(...clauses: (SQL | undefined)[]): SQL | undefined {
  const present = clauses.filter((c): c is SQL => c !== undefined);
  return present.length ? or(...present) : undefined;
}
