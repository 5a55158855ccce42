import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { GridView, Page } from '../../api/contracts';

export interface CountSpec {
  key: string;
  path: string;
  query?: Query;
  enabled: boolean;
}

/** How many records a list has (its `total`), one request with pageSize=1 each; null while unknown or unavailable. */
export function useTotals(specs: CountSpec[]) {
  return useQueries({
    queries: specs.map((s) => ({
      queryKey: ['total', s.path, s.query ?? {}],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<unknown>>(s.path, { ...s.query, pageSize: 1 }, signal),
      enabled: s.enabled,
      select: (p: Page<unknown>) => p.total,
      staleTime: 60_000,
    })),
    combine: (results) => {
      const out: Record<string, { value: number | null; loading: boolean; failed: boolean }> = {};
      specs.forEach((s, i) => {
        const r = results[i];
        out[s.key] = { value: r.data ?? null, loading: s.enabled && r.isLoading, failed: !s.enabled || r.isError };
      });
      return out;
    },
  });
}

/** The level-1 grids (communities) with their people and sub-grid counts. */
export function useCommunityGrids(enabled: boolean) {
  return useQuery({
    queryKey: ['grid', 'list', { level: 1, pageSize: 200 }],
    queryFn: ({ signal }) => api.get<Page<GridView>>('/grids', { level: 1, pageSize: 200, sort: 'code' }, signal),
    enabled,
    staleTime: 60_000,
  });
}
