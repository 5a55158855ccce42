/**
 * A list's state in the address bar, read and written without React (useListParams wraps it): `page` (from 1),
 * `pageSize` (1–200, default 20, as the server's list contract), `q`, `sort` (`field` or `-field`) and the filters.
 * Defaults are left out of the URL, so a plain list has a plain address.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export interface ListState<K extends string> {
  page: number;
  pageSize: number;
  q: string;
  sort: string | undefined;
  filters: Record<K, string | undefined>;
  /** page, pageSize, q, sort and the filters, ready for the API (and for export). */
  query: Record<string, string | number | undefined>;
}

export function readListState<K extends string>(sp: URLSearchParams, filterKeys: readonly K[]): ListState<K> {
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(sp.get('pageSize')) || DEFAULT_PAGE_SIZE));
  const q = sp.get('q') ?? '';
  const sort = sp.get('sort') ?? undefined;
  const filters = {} as Record<K, string | undefined>;
  for (const k of filterKeys) if (k) filters[k] = sp.get(k) ?? undefined;
  return { page, pageSize, q, sort, filters, query: { page, pageSize, q: q || undefined, sort, ...filters } };
}

/** The address after `changes`: an empty or undefined value removes its parameter; the others stay. */
export function withChanges(prev: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, v);
  }
  return next;
}

/** The parameters for a page change: page 1 and the default size are left out. */
export function pageChanges(page: number, pageSize: number): Record<string, string | undefined> {
  return {
    page: page > 1 ? String(page) : undefined,
    pageSize: pageSize !== DEFAULT_PAGE_SIZE ? String(pageSize) : undefined,
  };
}

/** antd Table sorter → `field` / `-field`. */
export function sortParam(field: unknown, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (!order || typeof field !== 'string') return undefined;
  return order === 'descend' ? `-${field}` : field;
}

/** `field` / `-field` → the sortOrder antd wants for that column. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}
