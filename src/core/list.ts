import { asc, desc, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** The list query every module accepts (DESIGN §4): page, pageSize ≤ 200, q, sort=field|-field. */
export const ZListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(50).optional(),
});
export type ListQuery = z.infer<typeof ZListQuery>;

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow(q: Pick<ListQuery, 'page' | 'pageSize'>): { limit: number; offset: number } {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/**
 * One page of a list: the rows in the page's window and the count of every row the filter matches, read together.
 * `rows` is the module's select with its joins, filter and order (`.$dynamic()`, so the window can be added here);
 * `total` counts with only the joins the filter needs. The queries stay the module's; paging and the answer's shape
 * are written once.
 */
export async function readPage<S extends PgSelect, V>(
  q: Pick<ListQuery, 'page' | 'pageSize'>,
  query: { rows: S; total: PromiseLike<{ total: number }[]>; present: (row: Awaited<S>[number]) => V },
): Promise<Page<V>> {
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([query.rows.limit(limit).offset(offset), query.total]);
  return { items: rows.map((r) => query.present(r)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Turns `sort=name` / `sort=-name` into an ORDER BY over a whitelist of columns; unknown fields fall back to the
 * default so a stale bookmark never errors. The id is appended so that pages are stable.
 */
export function orderBy(
  sort: string | undefined,
  columns: Record<string, PgColumn>,
  fallback: SQL[],
  id: PgColumn,
): SQL[] {
  if (sort) {
    const field = sort.replace(/^-/, '');
    const column = columns[field];
    if (column) return [sort.startsWith('-') ? desc(column) : asc(column), asc(id)];
  }
  return [...fallback, asc(id)];
}

/** Accepts `a,b` or repeated `?x=a&x=b` for multi-value filters. */
export const ZCsv = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));
