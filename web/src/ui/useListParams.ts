import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface ListParams<K extends string> {
  page: number;
  pageSize: number;
  q: string;
  sort: string | undefined;
  filters: Record<K, string | undefined>;
  /** page, pageSize, q, sort and the filters, ready for the API (and for export). */
  query: Record<string, string | number | undefined>;
  setFilter: (key: K | 'q', value: string | undefined) => void;
  /** Several filters at once (one history entry, no lost update). */
  setFilters: (changes: Partial<Record<K | 'q', string | undefined>>) => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined) => void;
  reset: () => void;
}

/**
 * List state (page, size, search, sort, filters) kept in the address bar, so a reload, a shared link or the back
 * button keeps what the user was looking at.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]): ListParams<K> {
  const [sp, setSp] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );
  const keysId = filterKeys.join(',');
  return useMemo(() => {
    const page = Math.max(1, Number(sp.get('page')) || 1);
    const pageSize = Math.min(200, Math.max(1, Number(sp.get('pageSize')) || 20));
    const q = sp.get('q') ?? '';
    const sort = sp.get('sort') ?? undefined;
    const filters = {} as Record<K, string | undefined>;
    for (const k of keysId.split(',') as K[]) if (k) filters[k] = sp.get(k) ?? undefined;
    return {
      page,
      pageSize,
      q,
      sort,
      filters,
      query: { page, pageSize, q: q || undefined, sort, ...filters },
      setFilter: (key, value) => update({ [key]: value, page: undefined }),
      setFilters: (changes) => update({ ...changes, page: undefined }),
      setPage: (p, s) => update({ page: p > 1 ? String(p) : undefined, pageSize: s !== 20 ? String(s) : undefined }),
      setSort: (s) => update({ sort: s, page: undefined }),
      reset: () => setSp(new URLSearchParams(), { replace: true }),
    };
  }, [sp, keysId, update, setSp]);
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
