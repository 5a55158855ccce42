import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type {
  GridDetail,
  GridDutyView,
  GridFeatureCollection,
  GridTreeNode,
  GridView,
  LocateResponse,
  Page,
  PersonView,
} from '../../api/contracts';

export const gridKeys = {
  all: ['grid'] as const,
  tree: (communityId?: string, maxLevel?: number) => ['grid', 'tree', communityId ?? '', maxLevel ?? 0] as const,
  children: (parentId: string) => ['grid', 'children', parentId] as const,
  detail: (id: string) => ['grid', 'detail', id] as const,
  geojson: (q: Query) => ['grid', 'geojson', q] as const,
  duties: (gridId: string) => ['grid', 'duties', gridId] as const,
  search: (q: string) => ['grid', 'search', q] as const,
  list: (q: Query) => ['grid', 'list', q] as const,
};

export function useGridTree(communityId?: string, maxLevel?: number) {
  return useQuery({
    queryKey: gridKeys.tree(communityId, maxLevel),
    queryFn: ({ signal }) => api.get<GridTreeNode[]>('/grids/tree', { communityId, maxLevel }, signal),
    staleTime: 5 * 60_000,
  });
}

export function fetchGridChildren(parentId: string): Promise<Page<GridView>> {
  return api.get<Page<GridView>>('/grids', { parentId, pageSize: 200, sort: 'code' });
}

export function useGrid(id: string | null) {
  return useQuery({
    queryKey: gridKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<GridDetail>(`/grids/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function useGridList(query: Query, enabled = true) {
  return useQuery({
    queryKey: gridKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<GridView>>('/grids', query, signal),
    enabled,
  });
}

/** Grid polygons: `level` (e.g. [1,2]) or the children of `parentId`. */
export function useGridGeoJson(query: { level?: number[]; parentId?: string }, enabled = true) {
  const q: Query = { level: query.level, parentId: query.parentId };
  return useQuery({
    queryKey: gridKeys.geojson(q),
    queryFn: ({ signal }) => api.get<GridFeatureCollection>('/grids/geojson', q, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useGridDuties(gridId: string | null) {
  return useQuery({
    queryKey: gridKeys.duties(gridId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Page<GridDutyView>>('/grid-duties', { gridId, active: 'true', pageSize: 100 }, signal),
    enabled: !!gridId,
  });
}

export function useGridResidents(gridId: string | null, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['people', 'list', { gridId, page, pageSize: 10 }],
    queryFn: ({ signal }) => api.get<Page<PersonView>>('/people', { gridId, page, pageSize: 10, sort: 'name' }, signal),
    enabled: !!gridId && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useGridSearch(q: string) {
  return useQuery({
    queryKey: gridKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<GridView>>('/grids', { q, pageSize: 50, sort: 'code' }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function locateGrid(lng: number, lat: number): Promise<LocateResponse> {
  return api.get<LocateResponse>('/grids/locate', { lng: lng.toFixed(6), lat: lat.toFixed(6) });
}
